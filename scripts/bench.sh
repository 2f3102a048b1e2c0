#!/usr/bin/env bash
# One benchmark run, one table: the engine in fp32 and int8, greedy / beam 4 / the export's default beams, batch 1
# and 32, forced (min = max = 32 new tokens) and natural lengths, generated tokens/s and sentences/s; the share of
# sentences where int8 generates exactly what fp32 does; start to ready and peak RSS of the packaged service
# (serving the article with the export's default beams); transformers.js 4.x + onnxruntime-node on the same model
# folder and sentences (greedy, batch 1: it has no beam search) and the ratio. See --help.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

usage() {
  cat <<'EOF'
usage: scripts/bench.sh [options]
  --model DIR             model folder (default: models/standin-full; generated when absent)
  --article FILE          Dutch article (default: ../shared/seed/article-nl.txt)
  --precisions LIST       fp32,int8 (default)
  --layout L              auto|merged|split (default: auto = merged when present)
  --beams LIST            beam widths, 0 = generation_config.json's (default: 1,4,0)
  --batches LIST          batch sizes (default: 1,32)
  --lengths LIST          forced,natural (default)
  --forced-tokens N       new tokens in forced mode (default: 32)
  --batch1-sentences N    at batch 1 only the first N sentences, to bound the time (default: 12; 0 = all)
  --threads N             ONNX Runtime intra-op threads (default: 0 = the service's default)
  --spinning on|off|default
  --workers N             batches decoded at once on one engine, as the service's workers (default: 1)
  --device cpu|cuda|auto  (default: cpu)
  --no-js                 skip transformers.js
  --no-startup            skip start-up, RSS and the HTTP article
  --jfr FILE              record the first precision's run with JFR into FILE
  --out DIR               keep the raw figures there (default: a temporary folder)
  -h, --help              this text
Needs the packaged application (built when target/quarkus-app is missing) and, for transformers.js, node 18+
(scripts/reference: npm ci --ignore-scripts, done here when node_modules is missing).
EOF
}

model=$root/models/standin-full
article=$root/../shared/seed/article-nl.txt
precisions=fp32,int8 layout=auto beams=1,4,0 batches=1,32 lengths=forced,natural forced=32 b1=12
threads=0 spinning=default workers=1 device=cpu js=1 startup=1 jfr="" out=""
while [ $# -gt 0 ]; do
  case $1 in
    --model) model=$2; shift 2 ;;
    --article) article=$2; shift 2 ;;
    --precisions) precisions=$2; shift 2 ;;
    --layout) layout=$2; shift 2 ;;
    --beams) beams=$2; shift 2 ;;
    --batches) batches=$2; shift 2 ;;
    --lengths) lengths=$2; shift 2 ;;
    --forced-tokens) forced=$2; shift 2 ;;
    --batch1-sentences) b1=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --spinning) spinning=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --device) device=$2; shift 2 ;;
    --no-js) js=0; shift ;;
    --no-startup) startup=0; shift ;;
    --jfr) jfr=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

. "$root/scripts/java-env.sh"
if [ ! -f "$model/onnx/encoder_model.onnx" ]; then
  echo "generating the full-size stand-in into $model (once, ~1-10 min)..." >&2
  bash "$root/scripts/make-standin-models.sh" --full "$model" >&2
fi
model=$(cd "$model" && pwd)
app="$root/target/quarkus-app"
if [ ! -f "$app/quarkus-run.jar" ]; then
  echo "building the application (once)..." >&2
  (cd "$root" && ./mvnw -q -B package -DskipTests >&2)
fi
if [ -z "$out" ]; then out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; else mkdir -p "$out"; fi
started=$(date +%s)
cp="$app/app/*:$app/lib/boot/*:$app/lib/main/*"

# --- the engine, one JVM per precision (so that peak RSS is that precision's) ---
first=1
for p in ${precisions//,/ }; do
  extra=()
  if [ -n "$jfr" ] && [ $first = 1 ]; then extra=(-XX:StartFlightRecording=filename="$jfr",settings=profile); fi
  echo "engine $p..." >&2
  java "${NLEN_JVM_FLAGS[@]}" "${extra[@]}" -cp "$cp" dev.nlen.cli.Benchmark --model "$model" --article "$article" \
    --precision "$p" --layout "$layout" --beams "$beams" --batches "$batches" --lengths "$lengths" \
    --forced-tokens "$forced" --batch1-sentences "$b1" --threads "$threads" --spinning "$spinning" \
    --workers "$workers" --device "$device" --ids-out "$out/ids-$p.tsv" --sources-out "$out/sources.jsonl" | tee -a "$out/rows.tsv" >&2
  first=0
done

# --- transformers.js on the same sentences (the batch-1 subset) ---
if [ $js = 1 ]; then
  if command -v node > /dev/null; then
    ref="$root/scripts/reference"
    [ -d "$ref/node_modules/@huggingface/transformers" ] || (cd "$ref" && npm ci --ignore-scripts --silent >&2)
    if [ "$b1" -gt 0 ]; then head -n "$b1" "$out/sources.jsonl" > "$out/js-sources.jsonl"
    else cp "$out/sources.jsonl" "$out/js-sources.jsonl"; fi
    for p in ${precisions//,/ }; do
      dtype=fp32; [ "$p" = int8 ] && dtype=q8
      echo "transformers.js $dtype..." >&2
      node "$ref/bench.mjs" --model "$model" --dtype "$dtype" --forced-tokens "$forced" --lengths "$lengths" \
        --threads "$threads" < "$out/js-sources.jsonl" | tee -a "$out/rows.tsv" >&2 || echo "transformers.js $dtype failed" >&2
    done
  else
    echo "node not found: transformers.js skipped" >&2
  fi
fi

# --- the packaged service: start to ready (no caches; int8 also with the AOT + ORT graph caches), RSS ---
if [ $startup = 1 ]; then
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  body="$out/article.json"
  python3 -c 'import json,sys; print(json.dumps({"text": open(sys.argv[1], encoding="utf-8").read()}))' "$article" > "$body"
  # serve PRECISION LABEL [JVM flags...]: start, time to ready, post the article once, peak RSS, stop
  serve() {
    local p=$1 label=$2; shift 2
    local t0 pid ms rss http
    t0=$(date +%s%3N)
    TRANSLATOR_MODEL_DIR="$model" TRANSLATOR_MODEL_PRECISION="$p" TRANSLATOR_MODEL_LAYOUT="$layout" \
      TRANSLATOR_MODEL_OPTIMIZED_CACHE_DIR="${ORT_CACHE:-}" QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 \
      java "${NLEN_JVM_FLAGS[@]}" "$@" -jar "$app/quarkus-run.jar" > "$out/serve.log" 2>&1 &
    pid=$!
    until curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2> /dev/null; do
      kill -0 $pid 2> /dev/null || { tail -20 "$out/serve.log" >&2; echo "service died" >&2; return 1; }
      sleep 0.05
    done
    ms=$(( $(date +%s%3N) - t0 ))
    rss=$(awk '/VmHWM/ {print int($2 / 1024)}' /proc/$pid/status)
    http=$(curl -fsS -o /dev/null -w '%{time_total}' -H 'Content-Type: application/json' --data-binary "@$body" \
      "http://127.0.0.1:$port/v1/translate")
    local after; after=$(awk '/VmHWM/ {print int($2 / 1024)}' /proc/$pid/status)
    kill -TERM $pid; wait $pid 2> /dev/null || true
    printf 'serve\t%s\t%s\t%d\t%d\t%d\t%.2f\n' "$p" "$label" "$ms" "$rss" "$after" "$http" | tee -a "$out/rows.tsv" >&2
  }
  for p in ${precisions//,/ }; do
    ORT_CACHE="" serve "$p" "no caches"
  done
  if [[ ",$precisions," == *",int8,"* ]]; then
    ORT_CACHE="$out/ort-cache"
    # a training run fills the ORT graph cache and writes the AOT cache at exit
    ORT_CACHE=$ORT_CACHE serve int8 "training run (writes the caches)" -XX:AOTCacheOutput="$out/app.aot" > /dev/null 2>&1 || true
    ORT_CACHE=$ORT_CACHE serve int8 "AOT cache + ORT graph cache" -XX:AOTCache="$out/app.aot" || true
  fi
fi

# --- the table ---
python3 - "$out" "$(( $(date +%s) - started ))" "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$model" "$layout" <<'PY'
import collections, sys
out, elapsed, cores, cpu, model, layout = sys.argv[1:]
rows, load, rss, serve = [], {}, {}, []
for line in open(f"{out}/rows.tsv"):
    f = line.rstrip("\n").split("\t")
    if f[0] == "row": rows.append(f[1:])
    elif f[0] == "load": load[f[1]] = int(f[2])
    elif f[0] == "rss": rss[f[1]] = int(f[2])
    elif f[0] == "serve": serve.append(f[1:])
print(f"machine: {cores} cores ({cpu}), shared; model: {model}; layout: {layout}; bench time {elapsed} s")
print()
print("| engine | beams | batch | lengths | sentences | tokens | s | generated tokens/s | sentences/s |")
print("|---|---|---|---|---|---|---|---|---|")
rate = {}
for engine, beams, batch, mode, n, tokens, secs, tps, sps in rows:
    rate[(engine, beams, batch, mode)] = float(tps)
    print(f"| {engine} | {beams} | {batch} | {mode} | {n} | {tokens} | {secs} | {tps} | {sps} |")
print()
for java, js in (("fp32", "js-fp32"), ("int8", "js-q8"), ("int8", "js-fp32")):
    for mode in ("forced", "natural"):
        a, b = rate.get((java, "1", "1", mode)), rate.get((js, "1", "1", mode))
        if a and b:
            print(f"greedy batch 1 {mode}: this engine {java} / transformers.js {js[3:]} = {a / b:.2f}x")
# int8 = fp32: per setting, the share of sentences with identical ids
ids = {}
for p in ("fp32", "int8"):
    try:
        for line in open(f"{out}/ids-{p}.tsv"):
            prec, beams, batch, mode, sentence, tokens = line.rstrip("\n").split("\t")
            ids[(p, beams, batch, mode, sentence)] = tokens
    except FileNotFoundError:
        pass
same = collections.defaultdict(lambda: [0, 0])
for (p, beams, batch, mode, sentence), tokens in ids.items():
    if p == "int8" and ("fp32", beams, batch, mode, sentence) in ids:
        s = same[(beams, batch, mode)]
        s[0] += tokens == ids[("fp32", beams, batch, mode, sentence)]
        s[1] += 1
for (beams, batch, mode), (eq, n) in sorted(same.items()):
    print(f"int8 = fp32 (beams {beams}, batch {batch}, {mode}): {eq}/{n} sentences ({100 * eq / n:.0f}%)")
for p in load:
    print(f"engine {p}: opened in {load[p]} ms, peak RSS of the bench JVM {rss.get(p)} MiB")
if serve:
    print()
    print("| service | start | start to ready (ms) | peak RSS ready (MiB) | peak RSS after the article (MiB) | article over HTTP (s) |")
    print("|---|---|---|---|---|---|")
    for p, label, ms, r1, r2, http in serve:
        print(f"| {p} | {label} | {ms} | {r1} | {r2} | {http} |")
PY
