#!/usr/bin/env bash
# The test suite: unit, @QuarkusTest and packaged-jar integration tests (./mvnw verify), with Java 25.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/java-env.sh
./mvnw -B verify "$@"
