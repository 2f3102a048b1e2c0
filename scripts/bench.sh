#!/usr/bin/env bash
# Throughput benchmark: sentences/s and generated tokens/s, greedy and beam 6, at batch 1 and batch 32, on the
# sentences of an article (default: the seed article in ../shared). Prints one line per setting.
#   scripts/bench.sh [MODEL_DIR] [ARTICLE] [fp32|int8] [MAX_NEW_TOKENS] [BATCH] [ROUNDS] [DEVICE] [THREADS]
# MODEL_DIR defaults to models/standin-full (make it with: scripts/make-standin-models.sh --full models/standin-full).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/java-env.sh"
model=${1:-$root/models/standin-full}
article=${2:-$root/../shared/seed/article-nl.txt}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), Java $(java -version 2>&1 | head -1)"
echo "model: $model  article: $article"
run_app_main dev.nlen.cli.Benchmark "$model" "$article" "${3:-fp32}" "${4:-64}" "${5:-32}" "${6:-1}" "${7:-cpu}" "${8:-0}"
