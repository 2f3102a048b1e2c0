#!/usr/bin/env bash
# Batch translation: Dutch sentences on stdin (one per line), one JSON object per line on stdout, in input order.
#   scripts/translate-lines.sh --model DIR [--beams N] [--max-new-tokens N] [--precision fp32|int8]
#       [--layout merged|split] [--batch-size N] [--device cpu|cuda|auto] [--threads N]
#       [--tokenizer auto|spm|json] [--ids-in]
# Builds the application first when target/quarkus-app is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/java-env.sh"
app="$root/target/quarkus-app"
if [ ! -f "$app/quarkus-run.jar" ]; then
  echo "translate-lines: building the application (once)..." >&2
  (cd "$root" && ./mvnw -q -B package -DskipTests >&2)
fi
exec java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$app/app/*:$app/lib/boot/*:$app/lib/main/*" dev.nlen.cli.TranslateLines "$@"
