#!/usr/bin/env bash
# Bounded load on one instance over loopback: N concurrent clients post the mixed articles of scripts/load/articles
# (JSON, with the given decoding options) until --requests answers or --max-seconds; prints status counts,
# p50/p95/p99 latency, throughput and the instance's RSS (start, end, peak). Exit 3 when any request failed.
#   scripts/load-test.sh --model DIR [--requests 60] [--concurrency 8] [--max-seconds 300] [--beams 1]
#                        [--max-new-tokens 64] [--articles DIR] [--port N]
#   scripts/load-test.sh --url http://127.0.0.1:8080 [--pid PID] ...     # an instance that is already running
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/java-env.sh"
. "$root/scripts/lib/instances.sh"

model="" url="" port="" pid=""
client_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --model) model=$(cd "$2" && pwd); shift 2 ;;
    --url) url=$2; shift 2 ;;
    --pid) pid=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --requests|--concurrency|--max-seconds|--beams|--max-new-tokens|--articles) client_args+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "load-test: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$model" ] || [ -n "$url" ] || { echo "load-test: --model DIR or --url URL is required" >&2; exit 2; }

trap stop_instances EXIT
if [ -n "$model" ]; then
  ensure_app
  port=${port:-$(free_port)}
  log=$(mktemp --suffix=.log)
  start_instance "$port" "$model" "$log"
  pid=$STARTED_PID
  echo "load-test: instance pid $pid on 127.0.0.1:$port, model $model, log $log" >&2
  wait_ready "$pid" "$port" "$log"
  url=http://127.0.0.1:$port
fi
machine_line
[ -n "$pid" ] && client_args+=(--pid "$pid")
out=$(mktemp)
load_client --url "$url" --articles "$root/scripts/load/articles" "${client_args[@]}" | tee "$out"
grep -q '^RESULT .* failed=0 ' "$out" || { rm -f "$out"; echo "load-test: some requests failed" >&2; exit 3; }
rm -f "$out"
