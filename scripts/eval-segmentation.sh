#!/usr/bin/env bash
# Sentence-boundary precision / recall / F1 of the Dutch splitter, ICU4J's sentence iterator and a naive regex,
# per folder of annotated paragraphs (one sentence per line, blank line between paragraphs), and the splitter's
# errors. Usage: scripts/eval-segmentation.sh [--all-errors] [FOLDER ...]  (default: the project's own corpus)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/java-env.sh
args=()
folders=0
for a in "$@"; do
  if [[ $a == --* ]]; then args+=("$a"); else args+=("$(cd "$a" && pwd)"); folders=$((folders + 1)); fi
done
if [ "$folders" -eq 0 ]; then
  for d in src/test/resources/segmentation/eval/*/; do args+=("$root/${d%/}"); done
fi
cp_file=target/eval-segmentation.classpath
./mvnw -B -q test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
exec java -cp "target/classes:target/test-classes:$(cat "$cp_file")" dev.nlen.text.SegmentationEval "${args[@]}"
