# Sourced by load-test.sh, soak.sh and failover-test.sh: start packaged service instances on loopback, wait for
# readiness, stop them. Callers set `root` (the project folder) and source scripts/java-env.sh first.

INSTANCE_PIDS=()

# A free TCP port on 127.0.0.1 (the kernel picks it).
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Builds target/quarkus-app once when it is missing.
ensure_app() {
  if [ ! -f "$root/target/quarkus-app/quarkus-run.jar" ]; then
    echo "building the application (once)..." >&2
    (cd "$root" && ./mvnw -q -B package -DskipTests >&2)
  fi
}

# start_instance PORT MODEL_DIR LOG [JVM_OPTION...]: starts one instance on 127.0.0.1:PORT; its pid in STARTED_PID.
# OPS_JAVA_OPTS adds JVM options to every instance (e.g. -Xmx1g); TRANSLATOR_* variables pass through.
start_instance() {
  local port=$1 model=$2 log=$3
  shift 3
  # shellcheck disable=SC2086
  TRANSLATOR_MODEL_DIR="$model" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
    java "${NLEN_JVM_FLAGS[@]}" ${OPS_JAVA_OPTS:-} "$@" \
    -jar "$root/target/quarkus-app/quarkus-run.jar" > "$log" 2>&1 &
  STARTED_PID=$!
  disown "$STARTED_PID"   # no "Killed" job notice when the failover run kills it
  INSTANCE_PIDS+=("$STARTED_PID")
}

# wait_ready PID PORT LOG [SECONDS]: until /q/health/ready answers 200; fails (with the log's tail) when the
# process ends or the time runs out.
wait_ready() {
  local pid=$1 port=$2 log=$3 limit=${4:-300} waited=0
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2> /dev/null; do
    if ! kill -0 "$pid" 2> /dev/null; then
      echo "instance on :$port (pid $pid) ended before it was ready:" >&2; tail -30 "$log" >&2; return 1
    fi
    if [ "$waited" -ge $((limit * 5)) ]; then
      echo "instance on :$port (pid $pid) not ready after ${limit}s:" >&2; tail -30 "$log" >&2; return 1
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
}

# Stops every instance this script started (SIGTERM, then SIGKILL after 20 s).
stop_instances() {
  local pid
  for pid in "${INSTANCE_PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${INSTANCE_PIDS[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2> /dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2> /dev/null || true
  done
  INSTANCE_PIDS=()
}

# Runs the JDK-only load client (scripts/load/LoadClient.java) with the given arguments.
load_client() {
  java -XX:TieredStopAtLevel=1 "$root/scripts/load/LoadClient.java" "$@"
}

# One line about where the figures come from.
machine_line() {
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))," \
    "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
