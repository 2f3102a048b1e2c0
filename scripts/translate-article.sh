#!/usr/bin/env bash
# One Dutch article file to aligned bilingual text on stdout.
#   scripts/translate-article.sh FILE [--format json|text|markdown|html|tmx] [--model DIR] [--beams N]
#       [--max-new-tokens N] [--precision fp32|int8] [--device cpu|cuda|auto]
# The model is --model DIR, else $TRANSLATOR_MODEL_DIR, else models/opus-mt-nl-en.
set -euo pipefail
. "$(dirname "$0")/java-env.sh"
run_app_main dev.nlen.cli.TranslateArticle "$@"
