#!/bin/bash
# AOT training run (image build time): starts the service with -XX:AOTCacheOutput, waits until it is ready,
# sends a few representative requests, then stops it; the JVM writes the cache as it exits.
# TRAINING_TRANSLATE_PATH names the translation endpoint to exercise (a 404 there is tolerated).
set -euo pipefail
port="${TRAINING_PORT:-18089}"
timeout_s="${TRAINING_TIMEOUT_S:-600}"
log=/tmp/aot-training.log
training_model=/opt/nlen/training-model

model_dir="${TRANSLATOR_MODEL_DIR}"
if [[ -f "${training_model}/config.json" ]]; then
  model_dir="${training_model}"
fi

http() { # METHOD PATH [JSON-BODY] -> prints the status line
  local body="${3:-}"
  exec 3<>"/dev/tcp/127.0.0.1/${port}" || return 1
  printf '%s %s HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' \
    "$1" "$2" "${#body}" "${body}" >&3
  local status
  IFS= read -r -t 30 status <&3 || status="no answer"
  cat <&3 >/dev/null || true
  exec 3<&-
  printf '%s %s -> %s\n' "$1" "$2" "${status%$'\r'}"
}

# shellcheck disable=SC2086 # JAVA_OPTS is a word list
TRANSLATOR_MODEL_DIR="${model_dir}" java -XX:AOTCacheOutput="${NLEN_AOT_CACHE}" ${JAVA_OPTS} \
  -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="${port}" -jar "${APP_HOME}/quarkus-run.jar" >"${log}" 2>&1 &
pid=$!

ready=""
for ((i = 0; i < timeout_s * 4; i++)); do
  if ! kill -0 "${pid}" 2>/dev/null; then break; fi
  if [[ "$(http GET /q/health/ready 2>/dev/null)" == *" 200"* ]]; then ready=yes; break; fi
  sleep 0.25
done
if [[ -z "${ready}" ]]; then
  echo "aot-train: the service did not become ready; its log:" >&2
  cat "${log}" >&2
  kill -9 "${pid}" 2>/dev/null || true
  exit 1
fi

for _ in 1 2 3; do
  http GET /q/health/ready
  http GET /q/health/live
  http GET /q/metrics
  http GET /q/openapi
  http POST "${TRAINING_TRANSLATE_PATH:-/v1/translate}" '{"text":"Goedemorgen. Hoe gaat het met je?"}' || true
done

kill -TERM "${pid}"
wait "${pid}" || true   # 143 after SIGTERM; the cache file decides
tail -n 3 "${log}"
if [[ ! -s "${NLEN_AOT_CACHE}" ]]; then
  echo "aot-train: no AOT cache was written; the service's log:" >&2
  cat "${log}" >&2
  exit 1
fi
if [[ "${model_dir}" == "${training_model}" ]]; then
  rm -rf "${TRANSLATOR_MODEL_OPTIMIZED_CACHE_DIR:?}"/*   # optimised graphs of the stand-in are of no use later
fi
echo "aot-train: wrote ${NLEN_AOT_CACHE} ($(stat -c %s "${NLEN_AOT_CACHE}") bytes)"
