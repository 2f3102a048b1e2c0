#!/usr/bin/env bash
# Lints the Dockerfiles with dockerfile-utils (pinned in tools/dockerlint/package-lock.json); any diagnostic fails.
# Usage: scripts/lint-dockerfiles.sh [DOCKERFILE...]   (default: Dockerfile src/main/docker/Dockerfile.jvm, .model-fetcher)
# Exit codes: 0 clean, 1 diagnostics found, 2 node/npm missing or the install failed.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL_DIR="$ROOT_DIR/tools/dockerlint"

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "lint-dockerfiles: error: $tool is not installed" >&2; exit 2; }
done

# npm ci only when the installed tree is missing or older than the lock file.
if [[ ! -f "$TOOL_DIR/node_modules/.package-lock.json" \
      || "$TOOL_DIR/package-lock.json" -nt "$TOOL_DIR/node_modules/.package-lock.json" ]]; then
  npm ci --prefix "$TOOL_DIR" --no-audit --no-fund --loglevel=error >&2 \
    || { echo "lint-dockerfiles: error: npm ci failed in $TOOL_DIR" >&2; exit 2; }
fi

if (($# == 0)); then
  set -- "$ROOT_DIR/Dockerfile" "$ROOT_DIR/src/main/docker/Dockerfile.jvm" "$ROOT_DIR/src/main/docker/Dockerfile.model-fetcher"
fi
exec node "$TOOL_DIR/lint.mjs" "$@"
