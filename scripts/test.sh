#!/usr/bin/env bash
# The test suite: unit, @QuarkusTest and packaged-jar integration tests (./mvnw verify), with Java 25.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/java-env.sh
# Debian packages of the script-driven tests (haproxy, wrk, ...); where they cannot be installed those tests skip.
scripts/install-test-packages.sh || echo "test: test packages not installed; the tests that need them skip" >&2
./mvnw -B verify "$@"
