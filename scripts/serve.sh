#!/usr/bin/env bash
# Runs the translation service on the model in models/opus-mt-nl-en (or $TRANSLATOR_MODEL_DIR), downloading the
# model first when it is absent, and building the application when it is not built yet.
#   scripts/serve.sh            # http://localhost:8080 (QUARKUS_HTTP_PORT to change)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/java-env.sh
model_dir=${TRANSLATOR_MODEL_DIR:-models/opus-mt-nl-en}
if [ ! -f "$model_dir/config.json" ]; then
  echo "serve: no model in $model_dir, downloading it (scripts/download-model.sh)..." >&2
  scripts/download-model.sh --dest "$model_dir"
fi
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  echo "serve: building the application (once)..." >&2
  ./mvnw -q -B package -DskipTests >&2
fi
port=${QUARKUS_HTTP_PORT:-8080}
cat >&2 <<MSG
serve: starting on http://localhost:$port  (ready when http://localhost:$port/q/health/ready says UP)
  translate an article:  curl -H 'Content-Type: text/plain; charset=utf-8' --data-binary @article.txt \\
                              http://localhost:$port/v1/translate
  as Markdown / HTML / TMX / plain English: add -H 'Accept: text/markdown' (text/html, application/x-tmx+xml, text/plain)
  API documentation:     http://localhost:$port/q/swagger-ui
MSG
export TRANSLATOR_MODEL_DIR="$model_dir"
exec java "${NLEN_JVM_FLAGS[@]}" -jar target/quarkus-app/quarkus-run.jar
