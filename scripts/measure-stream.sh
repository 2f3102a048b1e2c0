#!/usr/bin/env bash
# Time to the first streamed paragraph vs. the whole answer: starts the packaged service on a model folder, posts
# the article to POST /v1/translate/stream (first `paragraph` event, `stats` event) and to POST /v1/translate
# (whole JSON answer), each --runs times after one warm-up, and prints the medians.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
usage() {
  cat <<USAGE
usage: scripts/measure-stream.sh [--model DIR] [--article FILE] [--beams N] [--max-new-tokens N] [--runs N]
                                 [--precision auto|fp32|int8]
  --model DIR       model folder (default: models/standin-full, the full-size stand-in)
  --article FILE    the Dutch article (default: ../shared/seed/article-nl.txt)
  --beams N         beam width (default: 6, the real export's default)
  --max-new-tokens N  options.maxNewTokens of every request (default: unset, the model's own bound; a random-weight
                    stand-in never writes </s>, so N is then the tokens written per sentence)
  --runs N          timed runs of each (default: 3)
  --precision P     translator.model.precision (default: auto)
USAGE
}
model=$root/models/standin-full article=$root/../shared/seed/article-nl.txt beams=6 runs=3 precision=auto max_new=0
while [ $# -gt 0 ]; do
  case $1 in
    --model) model=$2; shift 2 ;;
    --article) article=$2; shift 2 ;;
    --beams) beams=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --max-new-tokens) max_new=$2; shift 2 ;;
    --precision) precision=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "measure-stream: unknown argument '$1' (--help lists them)" >&2; exit 2 ;;
  esac
done
[ -d "$model" ] || { echo "measure-stream: no model folder $model (scripts/make-standin-models.sh --full makes one)" >&2; exit 2; }
[ -f "$article" ] || { echo "measure-stream: no article $article" >&2; exit 2; }
. "$root/scripts/java-env.sh"
. "$root/scripts/lib/instances.sh"
ensure_app
port=$(free_port) log=$(mktemp) body=$(mktemp)
trap 'stop_instances; rm -f "$log" "$body"' EXIT
TRANSLATOR_CACHE_MAX_SENTENCES=0 TRANSLATOR_MODEL_PRECISION=$precision start_instance "$port" "$(cd "$model" && pwd)" "$log"
wait_ready "$STARTED_PID" "$port" "$log"
python3 -c '
import json, sys
options = {"beams": int(sys.argv[2])}
if int(sys.argv[3]) > 0: options["maxNewTokens"] = int(sys.argv[3])
print(json.dumps({"text": open(sys.argv[1], encoding="utf-8").read(), "options": options}))' \
  "$article" "$beams" "$max_new" > "$body"
url=http://127.0.0.1:$port/v1/translate

# One streamed run: "FIRST_MS LAST_MS PARAGRAPHS" — milliseconds from sending the request to the first paragraph
# event and to stats (python's http.client reads the event stream line by line as it arrives).
stream_once() {
  python3 - "$port" "$body" <<'PY'
import http.client, sys, time
port, body = int(sys.argv[1]), open(sys.argv[2], "rb").read()
connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
start = time.monotonic()
connection.request("POST", "/v1/translate/stream", body, {"Content-Type": "application/json"})
response = connection.getresponse()
if response.status != 200:
    sys.exit("the stream answered %d: %s" % (response.status, response.read()[:300]))
first, count = None, 0
for raw in response:
    line = raw.decode("utf-8")
    event = line[6:].strip() if line.startswith("event:") else None
    if event == "paragraph":
        count += 1
        first = first or time.monotonic()
    elif event == "stats":
        print("%.0f %.0f %d" % ((first - start) * 1000, (time.monotonic() - start) * 1000, count))
        break
    elif event == "error":
        sys.exit("the stream ended with an error event")
PY
}
whole_once() {
  curl -fsS -o /dev/null -w '%{time_total}' -H 'Content-Type: application/json' --data-binary @"$body" "$url" |
    awk '{printf "%.0f", $1 * 1000}'
}
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

stream_once > /dev/null; whole_once > /dev/null    # warm-up (the sentence cache is off: every run decodes)
firsts=() lasts=() wholes=() paragraphs=0
for _ in $(seq "$runs"); do
  read -r first last paragraphs < <(stream_once)
  firsts+=("$first"); lasts+=("$last"); wholes+=("$(whole_once)")
done
machine_line
echo "model: $model ($precision), article: $article ($paragraphs paragraphs), beams $beams," \
  "maxNewTokens ${max_new/#0/unset}, $runs runs (medians)"
printf 'stream: first paragraph %s ms, last (stats) %s ms;  whole answer (/v1/translate): %s ms\n' \
  "$(printf '%s\n' "${firsts[@]}" | median)" "$(printf '%s\n' "${lasts[@]}" | median)" \
  "$(printf '%s\n' "${wholes[@]}" | median)"
echo "RESULT paragraphs=$paragraphs first_paragraph_ms=$(printf '%s\n' "${firsts[@]}" | median)" \
  "stream_ms=$(printf '%s\n' "${lasts[@]}" | median) whole_ms=$(printf '%s\n' "${wholes[@]}" | median)"
