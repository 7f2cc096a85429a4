#!/bin/sh
# The hodu installer:   curl -fsSL <release site>/install.sh | sh
#
# Downloads the release manifest and its Ed25519 signature, checks the signature with openssl against the
# release key written into this script by `bun build.ts --release`, then downloads hodu-<os>-<arch>, checks
# its size and sha256 against the signed manifest, runs it once, and installs it as ~/.hodu/bin/hodu.
# Nothing the server says is trusted unless signed. Only https (plain http only to 127.0.0.1/localhost,
# for tests), and redirects only to https. Nothing else on the system is touched (no rc file is edited: the
# PATH line for your shell is printed instead).
#
# Environment:
#   HODU_DOWNLOAD_URL  release site (default below, filled in by `bun build.ts --release --base-url`)
#   HODU_VERSION       install this version (e.g. 0.2.0) instead of the latest of the channel
#   HODU_CHANNEL       release channel (default below, usually stable)
#   HODU_INSTALL_DIR   where to put the binary (default ~/.hodu/bin)
#   HODU_INSECURE_SKIP_SIGNATURE=1  install even when the signature cannot be checked (no openssl with
#                      Ed25519): the download is then only as trustworthy as the server and the network
#
# Everything runs inside main(), called on the last line, so a download cut short runs nothing.
set -eu

DEFAULT_DOWNLOAD_URL=''
DEFAULT_CHANNEL='stable'
# The release public key: base64 of its DER SubjectPublicKeyInfo (filled in by `bun build.ts --release`).
RELEASE_PUBLIC_KEY=''

say() { printf '%s\n' "$*" >&2; }
die() {
  say "error: $1"
  [ -n "${2:-}" ] && say "  hint: $2"
  exit 1
}

detect_platform() {
  os=$(uname -s)
  arch=$(uname -m)
  case "$os" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    MINGW* | MSYS* | CYGWIN* | Windows_NT) os=windows ;;
    *) die "unsupported operating system: $os" "hodu ships for Linux, macOS and Windows" ;;
  esac
  case "$arch" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) die "unsupported CPU architecture: $arch" "hodu ships for x64 and arm64" ;;
  esac
  # An x64 shell under Rosetta on Apple silicon: the native binary is the better choice.
  if [ "$os" = darwin ] && [ "$arch" = x64 ] && [ "$(sysctl -n sysctl.proc_translated 2>/dev/null || echo 0)" = 1 ]; then
    arch=arm64
  fi
  printf '%s-%s' "$os" "$arch"
}

# check_url URL: https only; plain http only to this machine (the test release server). Sets curl_proto.
check_url() {
  case "$1" in
    *@*) die "$1: a user name in the download URL is not supported" "set HODU_DOWNLOAD_URL to the https:// URL of the release site" ;;
    https://*) curl_proto='=https' ;;
    http://127.0.0.1 | http://127.0.0.1[:/]* | http://localhost | http://localhost[:/]*) curl_proto='=https,http' ;;
    *) die "$1 is not https; refusing to download hodu over it" "set HODU_DOWNLOAD_URL to the https:// URL of the release site (plain http only for 127.0.0.1 and localhost)" ;;
  esac
}

# download URL FILE
download() {
  if command -v curl >/dev/null 2>&1; then
    # Redirects may only lead to https, whatever the first URL was.
    curl --proto "$curl_proto" --proto-redir '=https' -fsSL --retry 2 -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    # wget cannot limit where redirects go: it follows none.
    wget -q --max-redirect=0 -O "$2" "$1"
  else
    die "neither curl nor wget is installed" "install curl (e.g. apt install curl) and run this again"
  fi
}

# fetch_manifest URL: the manifest and its signature into $tmp.
fetch_manifest() {
  download "$1" "$tmp/manifest.json" || return 1
  download "$1.sig" "$tmp/manifest.json.sig"
}

# insecure_or_die WHY HINT: refuse, unless the user said HODU_INSECURE_SKIP_SIGNATURE=1.
insecure_or_die() {
  if [ "${HODU_INSECURE_SKIP_SIGNATURE:-}" = 1 ]; then
    say "warning: HODU_INSECURE_SKIP_SIGNATURE=1: $1; installing WITHOUT checking that this is a real hodu release"
    return 0
  fi
  die "$1; nothing was installed" "$2"
}

# verify_signature FILE SIGFILE URL: the Ed25519 signature (base64) of FILE by the release key.
verify_signature() {
  if [ -z "$RELEASE_PUBLIC_KEY" ]; then
    insecure_or_die "this install.sh has no release key, so it cannot check what it downloads" "use the install.sh published on the release site (bun build.ts --release writes the key into it)"
    return 0
  fi
  if ! command -v openssl >/dev/null 2>&1; then
    insecure_or_die "openssl is not installed, so the signature of the release cannot be checked" "install openssl (e.g. apt install openssl) and run this again, or set HODU_INSECURE_SKIP_SIGNATURE=1 to skip the check"
    return 0
  fi
  # OpenSSL >= 1.1.1 verifies Ed25519 with -rawin; LibreSSL and older OpenSSL cannot.
  if ! openssl pkeyutl -help 2>&1 | grep -q -- '-rawin'; then
    insecure_or_die "$(openssl version 2>/dev/null || echo openssl) cannot check Ed25519 signatures" "install OpenSSL 1.1.1 or newer (e.g. brew install openssl@3, and put it first on PATH), or set HODU_INSECURE_SKIP_SIGNATURE=1 to skip the check"
    return 0
  fi
  printf '%s\n%s\n%s\n' '-----BEGIN PUBLIC KEY-----' "$RELEASE_PUBLIC_KEY" '-----END PUBLIC KEY-----' >"$tmp/release-key.pem"
  tr -d ' \r\n' <"$2" >"$tmp/signature.b64"
  if ! openssl base64 -d -A -in "$tmp/signature.b64" -out "$tmp/signature.bin" 2>/dev/null ||
    ! openssl pkeyutl -verify -pubin -inkey "$tmp/release-key.pem" -rawin -in "$1" -sigfile "$tmp/signature.bin" >/dev/null 2>&1; then
    die "the signature of $3 does not match the hodu release key; nothing was installed" "the release site served a tampered or foreign manifest (or a mirror is broken); report it"
  fi
}

# top_field MANIFEST KEY: a top-level string or number of the manifest (serializeManifest: one key per line).
top_field() {
  awk -v k="\"$2\":" '$1 == k && index($0, "  \"") == 1 && index($0, "   ") != 1 { v = $2; gsub(/[",]/, "", v); print v; exit }' "$1"
}

# asset_field MANIFEST PLATFORM KEY: url, size or sha256 of one platform's binary.
asset_field() {
  awk -v p="\"$2\": {" -v k="\"$3\":" '
    index($0, p) == 5 { inside = 1; next }
    inside && /^    }/ { exit }
    inside && $1 == k { v = $2; gsub(/[",]/, "", v); print v; exit }
  ' "$1"
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | cut -d ' ' -f 1
  elif command -v openssl >/dev/null 2>&1; then
    openssl dgst -sha256 -r "$1" | cut -d ' ' -f 1
  else
    die "no sha256 tool found (sha256sum, shasum or openssl)" "install coreutils and run this again"
  fi
}

path_hint() {
  dir=$1
  case ":${PATH:-}:" in
    *":$dir:"*)
      say "hodu is on your PATH: run \`hodu --help\` to start."
      return
      ;;
  esac
  shell_name=$(basename "${SHELL:-sh}")
  say ""
  say "Add hodu to your PATH ($shell_name):"
  case "$shell_name" in
    bash) printf "  echo 'export PATH=\"%s:\$PATH\"' >> ~/.bashrc && . ~/.bashrc\n" "$dir" >&2 ;;
    zsh) printf "  echo 'export PATH=\"%s:\$PATH\"' >> ~/.zshrc && . ~/.zshrc\n" "$dir" >&2 ;;
    fish) printf '  fish_add_path %s\n' "$dir" >&2 ;;
    *) printf "  echo 'export PATH=\"%s:\$PATH\"' >> ~/.profile && . ~/.profile\n" "$dir" >&2 ;;
  esac
}

main() {
  base=${HODU_DOWNLOAD_URL:-$DEFAULT_DOWNLOAD_URL}
  [ -n "$base" ] || die "no download URL" "set HODU_DOWNLOAD_URL to the hodu release site"
  base=${base%/}
  check_url "$base"
  channel=${HODU_CHANNEL:-$DEFAULT_CHANNEL}
  install_dir=${HODU_INSTALL_DIR:-$HOME/.hodu/bin}
  platform=$(detect_platform)
  exe=''
  case "$platform" in windows-*) exe='.exe' ;; esac
  asset="hodu-$platform$exe"

  tmp=$(mktemp -d 2>/dev/null || mktemp -d -t hodu-install)
  trap 'rm -rf "$tmp" "$install_dir/.hodu.tmp.$$"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  version=${HODU_VERSION:-}
  version=${version#v}
  case "$version" in
    *[!0-9A-Za-z.+-]*) die "'$version' is not a version" "set HODU_VERSION to a released version such as 0.2.0" ;;
  esac
  # The signed manifest names the version, and the size and sha256 of each binary: it is all we trust.
  if [ -z "$version" ]; then
    manifest_url="$base/$channel/manifest.json"
    fetch_manifest "$manifest_url" || die "cannot download $manifest_url (or its .sig)" "check HODU_DOWNLOAD_URL, HODU_CHANNEL and your network or proxy (redirects must stay on https)"
  else
    manifest_url="$base/$version/manifest.json"
    fetch_manifest "$manifest_url" || die "hodu $version has no signed manifest at $manifest_url" "check HODU_VERSION (released versions are listed on the release site)"
  fi
  verify_signature "$tmp/manifest.json" "$tmp/manifest.json.sig" "$manifest_url"

  [ "$(top_field "$tmp/manifest.json" name)" = hodu ] || die "$manifest_url is not a hodu release manifest" "check HODU_DOWNLOAD_URL"
  signed_version=$(top_field "$tmp/manifest.json" version)
  if [ -z "$version" ]; then
    signed_channel=$(top_field "$tmp/manifest.json" channel)
    [ "$signed_channel" = "$channel" ] || die "$manifest_url is a '$signed_channel' release, not '$channel'" "the release site is misconfigured; report it"
    version=$signed_version
  elif [ "$signed_version" != "$version" ]; then
    die "$manifest_url describes hodu $signed_version, not $version" "the release site is misconfigured; report it"
  fi
  case "$version" in
    '' | *[!0-9A-Za-z.+-]*) die "$manifest_url names no valid version" "the release site is misconfigured; report it" ;;
  esac
  expected=$(asset_field "$tmp/manifest.json" "$platform" sha256)
  expected_size=$(asset_field "$tmp/manifest.json" "$platform" size)
  if [ -z "$expected" ] || [ -z "$expected_size" ]; then
    die "hodu $version has no $platform build" "build hodu from source for this platform, or pick another HODU_VERSION"
  fi

  say "Installing hodu $version ($platform) into $install_dir"
  download "$base/$version/$asset" "$tmp/$asset" || die "cannot download $base/$version/$asset" "check your network or proxy and try again"

  actual_size=$(wc -c <"$tmp/$asset" | tr -d ' ')
  actual=$(sha256_of "$tmp/$asset")
  if [ "$actual_size" != "$expected_size" ] || [ "$actual" != "$expected" ]; then
    die "checksum mismatch for $asset: the signed manifest says $expected_size bytes with sha256 $expected, got $actual_size bytes with $actual; nothing was installed" "the download was corrupted or tampered with; try again, and report it if it persists"
  fi

  chmod +x "$tmp/$asset"
  "$tmp/$asset" --version >/dev/null 2>&1 || die "the downloaded hodu does not run on this system; nothing was installed" "report your OS and \`uname -a\` output"

  mkdir -p "$install_dir" || die "cannot create $install_dir" "choose another folder with HODU_INSTALL_DIR"
  # Same-folder temp + rename: a running hodu is replaced atomically, never half-written.
  mv "$tmp/$asset" "$install_dir/.hodu.tmp.$$"
  mv -f "$install_dir/.hodu.tmp.$$" "$install_dir/hodu$exe"
  say "Installed $("$install_dir/hodu$exe" --version) to $install_dir/hodu$exe"
  path_hint "$install_dir"
}

main "$@"
