#!/usr/bin/env bash
# Batch translation: Dutch sentences on stdin (one per line), one JSON object per line on stdout, in input order.
#   scripts/translate-lines.sh [--model DIR] [--beams N] [--max-new-tokens N] [--precision auto|fp32|int8]
#       [--layout auto|merged|split] [--batch-size N] [--device cpu|cuda|auto] [--threads N]
#       [--tokenizer auto|spm|json] [--ids-in]        (--help: every flag and the config key it defaults from)
set -euo pipefail
. "$(dirname "$0")/java-env.sh"
run_app_main dev.nlen.cli.TranslateLines "$@"
