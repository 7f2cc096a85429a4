#!/bin/sh
# The hodu installer:   curl -fsSL <release site>/install.sh | sh
#
# Downloads hodu-<os>-<arch> and SHA256SUMS from the release site, checks the sha256, runs the binary once,
# and installs it as ~/.hodu/bin/hodu. Nothing else on the system is touched (no rc file is edited: the
# PATH line for your shell is printed instead).
#
# Environment:
#   HODU_DOWNLOAD_URL  release site (default below, filled in by `bun build.ts --release --base-url`)
#   HODU_VERSION       install this version (e.g. 0.2.0) instead of the latest of the channel
#   HODU_CHANNEL       release channel (default below, usually stable)
#   HODU_INSTALL_DIR   where to put the binary (default ~/.hodu/bin)
#
# Everything runs inside main(), called on the last line, so a download cut short runs nothing.
set -eu

DEFAULT_DOWNLOAD_URL=''
DEFAULT_CHANNEL='stable'

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

# download URL FILE
download() {
  if command -v curl >/dev/null 2>&1; then
    curl --proto '=https,http' -fsSL --retry 2 -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1"
  else
    die "neither curl nor wget is installed" "install curl (e.g. apt install curl) and run this again"
  fi
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
  if [ -z "$version" ]; then
    download "$base/$channel/latest" "$tmp/latest" || die "cannot reach $base/$channel/latest" "check HODU_DOWNLOAD_URL, HODU_CHANNEL and your network or proxy"
    version=$(tr -d ' \r\n' <"$tmp/latest")
  fi
  case "$version" in
    '' | *[!0-9A-Za-z.+-]*) die "'$version' is not a version" "set HODU_VERSION to a released version such as 0.2.0" ;;
  esac

  say "Installing hodu $version ($platform) into $install_dir"
  download "$base/$version/SHA256SUMS" "$tmp/SHA256SUMS" || die "hodu $version has no SHA256SUMS at $base/$version/" "check HODU_VERSION (released versions are listed on the release site)"
  download "$base/$version/$asset" "$tmp/$asset" || die "cannot download $base/$version/$asset" "hodu $version may not ship a $platform build"

  expected=$(awk -v f="$asset" '$2 == f || $2 == "*" f { print $1 }' "$tmp/SHA256SUMS")
  [ -n "$expected" ] || die "SHA256SUMS of $version lists no $asset"
  actual=$(sha256_of "$tmp/$asset")
  if [ "$actual" != "$expected" ]; then
    die "checksum mismatch for $asset: expected $expected, got $actual; nothing was installed" "the download was corrupted or tampered with; try again, and report it if it persists"
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
