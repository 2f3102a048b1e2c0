#!/usr/bin/env bash
# Runs the JVM image built by scripts/build-image.sh with buildah (daemonless, chroot isolation, host network),
# checks health (and a translation once the API and a model are there), and measures start-to-ready times:
# in the image with and without the AOT cache, and out of the image on this machine's JDK. See docs/CONTAINERS.md.
set -euo pipefail

readonly PROG=image-smoke-test
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT_DIR
readonly WORK="$ROOT_DIR/build/image"
readonly JDK="${JDK_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
IMAGE="${IMAGE_TAG:-localhost/nlen-translator:jvm}"
PORT="${SMOKE_PORT:-18090}"
RUNS=3
MODEL=""
HOST_RUNS=1
READY_TIMEOUT_S="${READY_TIMEOUT_S:-300}"
BUILDAH=(buildah --storage-driver vfs)

usage() {
  cat <<USAGE
Usage: scripts/image-smoke-test.sh [options]

  --image NAME      image to run (default: $IMAGE)
  --model DIR       model folder mounted read-only at /models/opus-mt-nl-en (default: the stand-in
                    src/test/resources/models/tiny-dict, else ../shared/models/opus-mt-nl-en-tiny-hf)
  --runs N          timed starts per mode in the image (default: $RUNS)
  --no-host         skip the out-of-image measurements
  --port P          port on 127.0.0.1 for the service (default: $PORT)
  -h, --help        this text

Exit codes: 0 all checks passed, 1 a check failed or the service did not become ready.
Environment: SMOKE_TRANSLATE_PATH / SMOKE_TRANSLATE_BODY force the translation request (otherwise it is
found in /q/openapi), READY_TIMEOUT_S (default 300).
USAGE
}

log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }

parse_args() {
  while (($#)); do
    case "$1" in
      --image) IMAGE="${2:?}"; shift 2 ;;
      --model) MODEL="$(cd "${2:?}" && pwd)"; shift 2 ;;
      --runs) RUNS="${2:?}"; shift 2 ;;
      --no-host) HOST_RUNS=0; shift ;;
      --port) PORT="${2:?}"; shift 2 ;;
      -h|--help) usage; exit 0 ;;
      *) usage >&2; die "unknown argument: $1" ;;
    esac
  done
  if [[ -z "$MODEL" ]]; then
    local candidate
    for candidate in "$ROOT_DIR/src/test/resources/models/tiny-dict" "$ROOT_DIR/../shared/models/opus-mt-nl-en-tiny-hf"; do
      if [[ -f "$candidate/config.json" ]]; then MODEL="$(cd "$candidate" && pwd)"; break; fi
    done
  fi
  [[ -z "$MODEL" || -f "$MODEL/config.json" ]] || die "--model $MODEL has no config.json"
  command -v curl >/dev/null || die "curl is required"
  "${BUILDAH[@]}" inspect --type image "$IMAGE" >/dev/null 2>&1 || die "no image $IMAGE (run scripts/build-image.sh)"
}

# Descendants of a process, deepest first: what we started, nothing else.
descendants() {
  local child
  for child in $(cat /proc/"$1"/task/*/children 2>/dev/null); do
    descendants "$child"
    echo "$child"
  done
}

stop_tree() {
  local pid=$1 kids
  kids="$(descendants "$pid" | tr '\n' ' ')"
  # shellcheck disable=SC2086
  kill -TERM $kids "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  # shellcheck disable=SC2086
  kill -KILL $kids "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# Waits for readiness; prints milliseconds since $1, or fails when the process dies or time runs out.
wait_ready() {
  local start=$1 pid=$2 deadline=$(( $(now_ms) + READY_TIMEOUT_S * 1000 ))
  while (( $(now_ms) < deadline )); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null; then
      echo $(( $(now_ms) - start )); return 0
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

check_service() {
  local ctr=$1 code
  for path in /q/health/live /q/health/ready; do
    code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$path")"
    [[ "$code" == 200 ]] || die "GET $path answered $code"
    log "check: GET $path -> 200"
  done
  "${BUILDAH[@]}" run --isolation chroot --env QUARKUS_HTTP_PORT="$PORT" "$ctr" -- /opt/nlen/bin/health-ready.sh \
    || die "the image's HEALTHCHECK command (health-ready.sh) failed against a ready service"
  log "check: HEALTHCHECK command health-ready.sh -> ok"
  check_translation
}

# Translates a sentence when the service has a translation endpoint (found in its OpenAPI document).
check_translation() {
  local path="${SMOKE_TRANSLATE_PATH:-}" body="${SMOKE_TRANSLATE_BODY:-}" answer code
  if [[ -z "$path" ]] && command -v jq >/dev/null; then
    path="$(curl -fsS "http://127.0.0.1:$PORT/q/openapi?format=json" 2>/dev/null \
            | jq -r '.paths // {} | to_entries[] | select(.key | test("translat")) | select(.value.post) | .key' \
            | head -n 1 || true)"
  fi
  if [[ -z "$path" ]]; then log "check: no translation endpoint in /q/openapi yet; health checks only"; return 0; fi
  [[ -n "$MODEL" ]] || die "the service translates at $path but no --model was mounted"
  local default_body='{"text":"Goedemorgen. Hoe gaat het?"}'
  body="${body:-$default_body}"
  answer="$(mktemp)"
  code="$(curl -s -o "$answer" -w '%{http_code}' -H 'Content-Type: application/json' -d "$body" \
          "http://127.0.0.1:$PORT$path")"
  [[ "$code" == 200 && -s "$answer" ]] || { cat "$answer" >&2; rm -f "$answer"; die "POST $path answered $code"; }
  log "check: POST $path -> 200: $(head -c 300 "$answer")"
  rm -f "$answer"
}

# One start of the image: prints the milliseconds to ready. NLEN_AOT=on|off.
run_in_image() {
  local aot=$1 check=$2 ctr pid ms volume=() out="$WORK/smoke-$1.log"
  ctr="$("${BUILDAH[@]}" from --quiet "$IMAGE")"
  [[ -z "$MODEL" ]] || volume=(--volume "$MODEL:/models/opus-mt-nl-en:ro")
  local start; start="$(now_ms)"
  "${BUILDAH[@]}" run --isolation chroot "${volume[@]}" --env NLEN_AOT="$aot" --env QUARKUS_HTTP_HOST=127.0.0.1 \
    --env QUARKUS_HTTP_PORT="$PORT" "$ctr" -- /opt/nlen/bin/jvm-run.sh >"$out" 2>&1 &
  pid=$!
  if ! ms="$(wait_ready "$start" "$pid")"; then
    stop_tree "$pid"; "${BUILDAH[@]}" rm "$ctr" >/dev/null
    tail -n 30 "$out" >&2; die "the image did not become ready (NLEN_AOT=$aot)"
  fi
  ((check)) && check_service "$ctr"
  stop_tree "$pid"
  "${BUILDAH[@]}" rm "$ctr" >/dev/null
  grep -iE '\[(aot|cds)' "$out" >&2 || true   # the JVM says so when it cannot use the cache
  log "run: image, NLEN_AOT=$aot: ready after $ms ms ($(grep -o 'started in [0-9.]*s' "$out" | head -n 1))"
  echo "$ms"
}

# One start on this machine's JDK from target/quarkus-app: prints the milliseconds to ready.
run_on_host() {
  local cache=$1 pid ms aot=() out="$WORK/smoke-host.log"
  [[ -z "$cache" ]] || aot=("-XX:AOTCache=$cache")
  local start; start="$(now_ms)"
  TRANSLATOR_MODEL_DIR="${MODEL:-/nonexistent}" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
    "$JDK/bin/java" "${aot[@]}" -XX:+UseG1GC --enable-native-access=ALL-UNNAMED \
    -jar "$ROOT_DIR/target/quarkus-app/quarkus-run.jar" >"$out" 2>&1 &
  pid=$!
  ms="$(wait_ready "$start" "$pid")" || { stop_tree "$pid"; tail -n 30 "$out" >&2; die "host run did not become ready"; }
  stop_tree "$pid"
  log "run: host JVM${cache:+ with AOT cache}: ready after $ms ms ($(grep -o 'started in [0-9.]*s' "$out" | head -n 1))"
  echo "$ms"
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

measure_host() {
  local cache="$WORK/host-app.aot" plain=() aot=()
  [[ -f "$ROOT_DIR/target/quarkus-app/quarkus-run.jar" ]] || { log "host: no target/quarkus-app, skipped"; return; }
  log "host: recording an AOT cache with $JDK (training run)"
  rm -f "$cache"
  PATH="$JDK/bin:$PATH" APP_HOME="$ROOT_DIR/target/quarkus-app" NLEN_AOT_CACHE="$cache" \
    JAVA_OPTS="-XX:+UseG1GC --enable-native-access=ALL-UNNAMED" TRANSLATOR_MODEL_DIR="${MODEL:-/nonexistent}" \
    TRANSLATOR_MODEL_OPTIMIZED_CACHE_DIR="$WORK/host-ort-cache" TRAINING_PORT="$PORT" \
    "$ROOT_DIR/src/main/docker/aot-train.sh" >"$WORK/host-training.log" 2>&1 \
    || { tail -n 20 "$WORK/host-training.log" >&2; die "host training run failed"; }
  local ms
  for _ in $(seq 1 "$RUNS"); do
    ms="$(run_on_host "")" || exit 1; plain+=("$ms")
    ms="$(run_on_host "$cache")" || exit 1; aot+=("$ms")
  done
  printf 'host JVM, no AOT cache:   %s ms (median of %s)\n' "$(echo "${plain[*]}" | median)" "${plain[*]}"
  printf 'host JVM, with AOT cache: %s ms (median of %s)\n' "$(echo "${aot[*]}" | median)" "${aot[*]}"
}

main() {
  parse_args "$@"
  mkdir -p "$WORK"
  log "image $IMAGE, model ${MODEL:-none}, port $PORT"
  local off=() on=() i ms
  for ((i = 0; i < RUNS; i++)); do
    ms="$(run_in_image off $((i == 0)))" || exit 1; off+=("$ms")
    ms="$(run_in_image on $((i == 0)))" || exit 1; on+=("$ms")
  done
  printf 'image, no AOT cache:   %s ms (median of %s)\n' "$(echo "${off[*]}" | median)" "${off[*]}"
  printf 'image, with AOT cache: %s ms (median of %s)\n' "$(echo "${on[*]}" | median)" "${on[*]}"
  ((HOST_RUNS == 0)) || measure_host
  printf 'image size: %s\n' "$("${BUILDAH[@]}" images --format '{{.Size}}' "$IMAGE" | head -n 1)"
  log "all checks passed"
}

main "$@"
