# Sourced by the scripts: selects a Java 25 runtime (Temurin's on these machines) unless JAVA_HOME already has one.
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"25'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk /usr/lib/jvm/java-25-openjdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then JAVA_HOME=$candidate; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"25'; then
  echo "error: Java 25 is required; set JAVA_HOME to a JDK 25" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

# The JVM flags of every script that starts the application, in one place: ONNX Runtime and DJL load JNI libraries
# (native access), Netty and friends still use sun.misc.Unsafe, Quarkus logs through JBoss LogManager.
# NLEN_JVM_FLAGS is the array for scripts that source this file; NLEN_JAVA_OPTS the same as one string for children.
# The heap is capped (NLEN_MAX_HEAP, default 512m): the service's memory is ONNX Runtime's native memory, the heap
# stays under 130 MB, and an uncapped G1 heap grows towards a quarter of the machine's RAM under load (soak on the
# full-size stand-in, 150 s, 4 clients: RSS 1709 -> 2446 MB uncapped, 1406 -> 1709 MB with 512m, same 3.5 req/s).
NLEN_JVM_FLAGS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager "-Xmx${NLEN_MAX_HEAP:-512m}")
export NLEN_JAVA_OPTS="${NLEN_JVM_FLAGS[*]}"

# Runs a main class of the packaged application (building it first when it is missing): run_app_main CLASS ARGS...
run_app_main() {
  local root app
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  app="$root/target/quarkus-app"
  if [ ! -f "$app/quarkus-run.jar" ]; then
    echo "building the application (once)..." >&2
    (cd "$root" && ./mvnw -q -B package -DskipTests >&2)
  fi
  exec java "${NLEN_JVM_FLAGS[@]}" \
    -cp "$app/app/*:$app/lib/boot/*:$app/lib/main/*" "$@"
}
