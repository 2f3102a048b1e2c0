#!/usr/bin/env bash
# Soak: many short requests on one instance started with native memory tracking; RSS (/proc VmRSS, peak VmHWM) and
# NMT committed (jcmd VM.native_memory summary) are sampled while it runs and their least-squares slope per 1,000
# requests is printed (over all samples and over the second half, after warm-up). Exit 3 when any request failed.
# The default is the long run (10,000 requests); the tests call it with a small --requests.
#   scripts/soak.sh --model DIR [--requests 10000] [--concurrency 4] [--max-seconds 3600] [--sample-seconds 10]
#                   [--max-new-tokens 16] [--beams 1]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/java-env.sh"
. "$root/scripts/lib/instances.sh"

model="" requests=10000 concurrency=4 max_seconds=3600 sample_seconds=10
client_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --model) model=$(cd "$2" && pwd); shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --max-seconds) max_seconds=$2; shift 2 ;;
    --sample-seconds) sample_seconds=$2; shift 2 ;;
    --beams|--max-new-tokens) client_args+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "soak: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$model" ] || { echo "soak: --model DIR is required" >&2; exit 2; }

work=$(mktemp -d)
trap 'stop_instances; rm -rf "$work"' EXIT
# short requests: the one- to three-sentence articles
mkdir "$work/articles"
for article in 01-one-sentence 02-short-news 03-weather; do
  cp "$root/scripts/load/articles/$article.txt" "$work/articles/"
done
ensure_app
port=$(free_port)
start_instance "$port" "$model" "$work/instance.log" -XX:NativeMemoryTracking=summary
pid=$STARTED_PID
echo "soak: instance pid $pid on 127.0.0.1:$port, model $model" >&2
wait_ready "$pid" "$port" "$work/instance.log"
machine_line
load_client --url "http://127.0.0.1:$port" --articles "$work/articles" --requests "$requests" \
  --concurrency "$concurrency" --max-seconds "$max_seconds" --max-new-tokens 16 "${client_args[@]}" \
  --pid "$pid" --sample-seconds "$sample_seconds" | tee "$work/out"
grep -q '^RESULT .* failed=0 ' "$work/out" || { echo "soak: some requests failed" >&2; exit 3; }
