#!/usr/bin/env bash
# (Re)creates the stand-in Marian models (see scripts/standin/README.md).
#   bash scripts/make-standin-models.sh               -> src/test/resources/models/{tiny-dict,tiny-random} (committed)
#   bash scripts/make-standin-models.sh --full DIR    -> full-size random model in DIR (git-ignored under models/)
# Uses Debian's python3 with torch, onnx, sentencepiece and numpy, installing the packages when they are missing.
set -euo pipefail

PYTHON=/usr/bin/python3
PACKAGES=(python3-torch python3-onnx python3-sentencepiece python3-numpy)
cd "$(dirname "$0")/.."

if ! "$PYTHON" -c 'import torch, onnx, sentencepiece, numpy' 2>/dev/null; then
  echo "installing ${PACKAGES[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${PACKAGES[@]}"
fi

# Warnings of the torch exporter (tracer branches on shapes, by design) are not interesting here.
exec "$PYTHON" -B -W ignore scripts/standin/make_standin.py "$@"
