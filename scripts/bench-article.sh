#!/usr/bin/env bash
# End-to-end time of one article through the HTTP service (segmentation, tokenizing, batched decoding, JSON):
# starts the packaged service on MODEL_DIR, posts ARTICLE greedy and with beam 6, prints the times, stops it.
#   scripts/bench-article.sh [MODEL_DIR] [ARTICLE] [fp32|int8]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/java-env.sh"
model=$(cd "${1:-$root/models/standin-full}" && pwd)
article=${2:-$root/../shared/seed/article-nl.txt}
precision=${3:-fp32}
port=${PORT:-18192}
app="$root/target/quarkus-app"
[ -f "$app/quarkus-run.jar" ] || (cd "$root" && ./mvnw -q -B package -DskipTests)
log=$(mktemp)
TRANSLATOR_MODEL_DIR="$model" TRANSLATOR_MODEL_PRECISION="$precision" QUARKUS_HTTP_PORT=$port \
  java "${NLEN_JVM_FLAGS[@]}" -jar "$app/quarkus-run.jar" > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null || true; rm -f "$log"' EXIT
until curl -fsS "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1; do
  kill -0 $pid 2> /dev/null || { tail -20 "$log" >&2; exit 1; }
  sleep 0.2
done
echo "machine: $(nproc) cores; model: $model ($precision); article: $article"
for beams in 1 6; do
  body=$(python3 -c 'import json,sys; print(json.dumps({"text": open(sys.argv[1], encoding="utf-8").read(), "options": {"beams": int(sys.argv[2])}}))' "$article" "$beams")
  out=$(curl -fsS -w '\n%{time_total}' -H 'Content-Type: application/json' --data-binary "$body" "http://127.0.0.1:$port/v1/translate")
  python3 -c 'import json,sys; d=json.loads(sys.argv[1]); s=d["stats"]; print("beams=%s paragraphs=%d sentences=%d source_tokens=%d target_tokens=%d server=%d ms  http=%.0f ms" % (sys.argv[2], s["paragraphs"], s["sentences"], s["sourceTokens"], s["targetTokens"], s["millis"], float(sys.argv[3]) * 1000))' "$(echo "$out" | head -n -1)" "$beams" "$(echo "$out" | tail -n 1)"
done
