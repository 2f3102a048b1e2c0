#!/usr/bin/env bash
# Start-to-ready times of the packaged service on this machine's JDK 25: plain JVM, AppCDS (dynamic archive) and the
# JDK AOT cache (JEP 483/514/515), each with ONNX Runtime's optimised-graph cache cold and warm.
#   scripts/measure-startup.sh [--model DIR] [--runs N]   (default: models/standin-full, 3 runs per mode)
# "Ready" = GET /q/health/ready answers 200: model loaded and a warm-up sentence translated.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/java-env.sh"
model=$root/models/standin-full runs=3
while [ $# -gt 0 ]; do
  case $1 in
    --model) model=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) echo "usage: scripts/measure-startup.sh [--model DIR (default: models/standin-full)] [--runs N (default: 3)]"; exit 0 ;;
    *) echo "measure-startup: unknown argument '$1' (--help lists them)" >&2; exit 2 ;;
  esac
done
[ -d "$model" ] || { echo "measure-startup: no model folder $model" >&2; exit 2; }
model=$(cd "$model" && pwd)
port=${PORT:-18191}
app="$root/target/quarkus-app"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$app/quarkus-run.jar" ] || (cd "$root" && ./mvnw -q -B package -DskipTests)

# Starts the service with extra JVM flags, prints milliseconds to ready; "train" also posts a few translations and
# stops the JVM with SIGTERM so that archives written at exit are complete.
start() {
  local mode=$1; shift
  local t0 pid ms
  t0=$(date +%s%3N)
  TRANSLATOR_MODEL_DIR="$model" QUARKUS_HTTP_PORT=$port TRANSLATOR_MODEL_OPTIMIZED_CACHE_DIR="$ORT_CACHE" \
    java "${NLEN_JVM_FLAGS[@]}" "$@" -jar "$app/quarkus-run.jar" \
    > "$work/out.log" 2>&1 &
  pid=$!
  until curl -fsS "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1; do
    kill -0 $pid 2> /dev/null || { tail -20 "$work/out.log" >&2; echo "service died" >&2; exit 1; }
    sleep 0.05
  done
  ms=$(( $(date +%s%3N) - t0 ))
  if [ "$mode" = train ]; then
    for i in 1 2 3; do
      curl -fsS -H 'Content-Type: text/plain; charset=utf-8' --data-binary 'De kat zit op de mat. Het huis is groot.' \
        "http://127.0.0.1:$port/v1/translate" > /dev/null
    done
  fi
  kill -TERM $pid; wait $pid 2> /dev/null || true
  echo "$ms"
}

median() { tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() {
  local label=$1; shift
  local times=()
  for _ in $(seq "$runs"); do times+=("$(start run "$@")"); done
  printf '%-44s %6s ms   (runs: %s)\n' "$label" "$(echo "${times[*]}" | median)" "${times[*]}"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); model: $model"
# Without the ORT cache every start optimises the graphs; with it, a first start has filled the folder.
measure_modes() {
  local label=$1
  measure "plain JVM, $label"
  start train -XX:ArchiveClassesAtExit="$work/app-$2.jsa" > /dev/null
  measure "AppCDS (dynamic archive), $label" -XX:SharedArchiveFile="$work/app-$2.jsa"
  start train -XX:AOTCacheOutput="$work/app-$2.aot" > /dev/null
  measure "AOT cache (-XX:AOTCache), $label" -XX:AOTCache="$work/app-$2.aot"
}
ORT_CACHE=""
measure_modes "no ORT graph cache" cold
ORT_CACHE="$work/ort"
start run > /dev/null
measure_modes "ORT optimised graphs cached" warm
