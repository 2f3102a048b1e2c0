#!/bin/bash
# Starts the service on the JVM, with the AOT cache recorded at image build time when there is one.
# NLEN_AOT=off runs without it (to compare start-up times); JAVA_OPTS_APPEND adds JVM flags.
set -euo pipefail
aot=()
if [[ "${NLEN_AOT:-on}" != off && -f "${NLEN_AOT_CACHE}" ]]; then
  aot=("-XX:AOTCache=${NLEN_AOT_CACHE}")
fi
# shellcheck disable=SC2086 # JAVA_OPTS and JAVA_OPTS_APPEND are word lists
exec java "${aot[@]}" ${JAVA_OPTS} ${JAVA_OPTS_APPEND} -jar "${APP_HOME}/quarkus-run.jar" "$@"
