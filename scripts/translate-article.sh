#!/usr/bin/env bash
# One Dutch article file to aligned bilingual text on stdout.
#   scripts/translate-article.sh --in FILE [--html] [--format json|text|markdown|html|tmx] [--model DIR]
#       [--beams N] [--max-new-tokens N] [--precision auto|fp32|int8] [--device cpu|cuda|auto]   (--help for all)
# The model is --model DIR, else translator.model.dir as the server reads it ($TRANSLATOR_MODEL_DIR, ...).
set -euo pipefail
. "$(dirname "$0")/java-env.sh"
run_app_main dev.nlen.cli.TranslateArticle "$@"
