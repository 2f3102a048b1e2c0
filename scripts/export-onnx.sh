#!/usr/bin/env bash
# Exports Helsinki-NLP/opus-mt-nl-en to ONNX with Hugging Face Optimum, in the layout of Xenova/opus-mt-nl-en
# (graphs under onnx/, tokenizer files beside them), optionally with int8 dynamic quantization. See --help.
set -euo pipefail

readonly PROG=export-onnx
readonly SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly ROOT_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"

MODEL=Helsinki-NLP/opus-mt-nl-en
DEST="$ROOT_DIR/models/opus-mt-nl-en"
VENV="$ROOT_DIR/build/export-venv"
PYTHON="${PYTHON:-python3}"
QUANTIZE=1
WEIGHT_TYPE=QUInt8
DRY_RUN=0
# Versions the export was written against; change them together.
readonly PIP_PACKAGES=("optimum[exporters]==1.23.3" "transformers==4.46.3" "onnx==1.17.0" "onnxruntime==1.20.1"
                       "sentencepiece==0.2.0" "torch==2.5.1")
readonly TORCH_INDEX=https://download.pytorch.org/whl/cpu

usage() {
  cat <<EOF
Usage: scripts/export-onnx.sh [options]

Exports $MODEL to ONNX yourself instead of downloading the ready-made export
(scripts/download-model.sh). Needs Python 3.9-3.12 and network access to PyPI and the Hugging Face hub;
it is not part of the test run.

Steps:
  1. create a virtual environment and pip-install pinned Optimum, Transformers, ONNX Runtime, torch (CPU)
  2. optimum-cli export onnx --model $MODEL --task text2text-generation-with-past
     (writes encoder_model.onnx, decoder_model.onnx, decoder_with_past_model.onnx, decoder_model_merged.onnx
     plus config.json, generation_config.json, source.spm, target.spm, vocab.json, tokenizer_config.json,
     special_tokens_map.json)
  3. move the graphs into onnx/ (the Xenova layout the service reads)
  4. fetch tokenizer.json (Transformers has no fast Marian tokenizer to write it) with
     scripts/download-model.sh --only tokenizer.json, verified against the pinned revision
     (only for the default --model; bring your own tokenizer.json for another one)
  5. unless --no-quantize: onnxruntime.quantization.quantize_dynamic on the encoder and merged decoder,
     writing onnx/*_quantized.onnx (the service's default int8 precision)
  6. print the SHA-256 of every file

Options:
  --model ID           model to export (default: $MODEL)
  --dest DIR           output folder (default: models/opus-mt-nl-en)
  --venv DIR           virtual environment to create or reuse (default: build/export-venv)
  --no-quantize        skip step 5 (fp32 graphs only)
  --weight-type T      QUInt8 or QInt8 for quantize_dynamic (default: $WEIGHT_TYPE)
  --dry-run            print the commands without running anything
  -h, --help           this text

Environment: PYTHON (interpreter for the venv, default python3), HF_TOKEN, HF_ENDPOINT (as for the hub tools).
Exit codes: 0 done, 1 a step failed, 2 bad usage.
EOF
}

log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() { local code=$1; shift; printf '%s: error: %s\n' "$PROG" "$*" >&2; exit "$code"; }

# Prints the command; runs it unless --dry-run.
step() {
  printf '+ %s\n' "$(printf '%q ' "$@")"
  ((DRY_RUN)) || "$@"
}

parse_args() {
  while (($#)); do
    case "$1" in
      --model) MODEL="${2:?--model needs a value}"; shift 2 ;;
      --dest) DEST="${2:?--dest needs a value}"; shift 2 ;;
      --venv) VENV="${2:?--venv needs a value}"; shift 2 ;;
      --no-quantize) QUANTIZE=0; shift ;;
      --weight-type) WEIGHT_TYPE="${2:?--weight-type needs a value}"; shift 2 ;;
      --dry-run) DRY_RUN=1; shift ;;
      -h|--help) usage; exit 0 ;;
      *) usage >&2; die 2 "unknown argument: $1" ;;
    esac
  done
  case "$WEIGHT_TYPE" in QUInt8|QInt8) ;; *) die 2 "--weight-type must be QUInt8 or QInt8" ;; esac
}

quantize_program() {
  cat <<EOF
import sys
from onnxruntime.quantization import QuantType, quantize_dynamic
folder = sys.argv[1]
for name in ("encoder_model", "decoder_model_merged"):
    quantize_dynamic(f"{folder}/onnx/{name}.onnx", f"{folder}/onnx/{name}_quantized.onnx",
                     weight_type=QuantType.$WEIGHT_TYPE)
EOF
}

main() {
  parse_args "$@"
  local raw="$DEST/.optimum-export" graph
  ((DRY_RUN)) && log "dry run: commands are printed, not run"
  ((DRY_RUN)) || command -v "$PYTHON" >/dev/null || die 1 "$PYTHON not found (set PYTHON)"

  echo "# 1. virtual environment with pinned export tools"
  [[ -x "$VENV/bin/python" ]] && ((DRY_RUN == 0)) || step "$PYTHON" -m venv "$VENV"
  step "$VENV/bin/python" -m pip install --quiet --extra-index-url "$TORCH_INDEX" "${PIP_PACKAGES[@]}"

  echo "# 2. export with Optimum"
  step "$VENV/bin/optimum-cli" export onnx --model "$MODEL" --task text2text-generation-with-past "$raw"

  echo "# 3. Xenova layout: graphs under onnx/, the rest beside them"
  step mkdir -p "$DEST/onnx"
  step find "$raw" -maxdepth 1 -type f \( -name '*.onnx' -o -name '*.onnx_data' \) -exec mv -f -t "$DEST/onnx/" {} +
  if ((DRY_RUN == 0)); then
    for graph in encoder_model decoder_model_merged; do
      [[ -f "$DEST/onnx/$graph.onnx" ]] || die 1 "the export wrote no $graph.onnx (see Optimum's output above)"
    done
  fi
  step find "$raw" -maxdepth 1 -type f \( -name '*.json' -o -name '*.spm' \) -exec cp -f {} "$DEST/" \;
  step rm -rf "$raw"

  echo "# 4. tokenizer.json, verified against the pinned Xenova revision"
  if [[ "$MODEL" == Helsinki-NLP/opus-mt-nl-en ]]; then
    step "$SCRIPT_DIR/download-model.sh" --only tokenizer.json --dest "$DEST"
  else
    log "no tokenizer.json is pinned for $MODEL: put one (transformers.js conversion) into $DEST yourself"
  fi

  if ((QUANTIZE)); then
    echo "# 5. int8 dynamic quantization"
    step "$VENV/bin/python" -c "$(quantize_program)" "$DEST"
  fi

  echo "# 6. digests"
  step find "$DEST" -type f \( -name '*.onnx' -o -name '*.json' -o -name '*.spm' \) -exec sha256sum {} +
}

main "$@"
