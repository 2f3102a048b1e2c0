#!/usr/bin/env bash
# One Dutch article file to aligned bilingual text on stdout.
#   scripts/translate-article.sh FILE [--format json|text|markdown|html|tmx] [--model DIR] [--beams N] ...
# Builds the application first when target/quarkus-app is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/java-env.sh"
app="$root/target/quarkus-app"
if [ ! -f "$app/quarkus-run.jar" ]; then
  echo "translate-article: building the application (once)..." >&2
  (cd "$root" && ./mvnw -q -B package -DskipTests >&2)
fi
exec java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$app/app/*:$app/lib/boot/*:$app/lib/main/*" dev.nlen.cli.TranslateArticle "$@"
