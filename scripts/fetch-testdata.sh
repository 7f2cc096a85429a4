#!/usr/bin/env bash
# Fetches the official ONNX backend test data (Debian's libonnx-testdata, ONNX 1.12, opsets <= 17) into
# .cache/onnx-testdata. Needs apt-get (the package lists must be current: `apt-get update` as root first).
# Idempotent: does nothing when the data is already there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/.cache/onnx-testdata"
if [ -d "$dest/usr/share/libonnx-testdata/data/node" ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "fetch-testdata: apt-get not found; conformance tests will be skipped" >&2
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && apt-get download libonnx-testdata >/dev/null )
mkdir -p "$dest.partial"
dpkg -x "$tmp"/libonnx-testdata_*.deb "$dest.partial"
rm -rf "$dest"
mv "$dest.partial" "$dest"
echo "fetch-testdata: ONNX test data in $dest" >&2
