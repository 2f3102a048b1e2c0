#!/usr/bin/env bash
# Replicas are stateless: two instances on 127.0.0.1 behind HAProxy (health checks on /q/health/ready, retries
# with redispatch on connection failures and empty responses); one instance is killed (SIGKILL) in the middle of a
# bounded load run. Prints the client's figures and HAProxy's per-server counts; exit 3 when any client request
# failed. Needs Debian's haproxy (scripts/install-test-packages.sh).
#   scripts/failover-test.sh --model DIR [--requests 200] [--concurrency 8] [--kill-after N (default requests/3)]
#                            [--max-seconds 600] [--beams 1] [--max-new-tokens 64]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/java-env.sh"
. "$root/scripts/lib/instances.sh"

model="" requests=200 concurrency=8 kill_after="" max_seconds=600
client_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --model) model=$(cd "$2" && pwd); shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --kill-after) kill_after=$2; shift 2 ;;
    --max-seconds) max_seconds=$2; shift 2 ;;
    --beams|--max-new-tokens) client_args+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "failover-test: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$model" ] || { echo "failover-test: --model DIR is required" >&2; exit 2; }
command -v haproxy > /dev/null || { echo "failover-test: haproxy is not installed (scripts/install-test-packages.sh)" >&2; exit 4; }
kill_after=${kill_after:-$((requests / 3))}

work=$(mktemp -d)
haproxy_pid=""
cleanup() {
  [ -n "$haproxy_pid" ] && kill "$haproxy_pid" 2> /dev/null || true
  stop_instances
  rm -rf "$work"
}
trap cleanup EXIT
ensure_app
port_a=$(free_port) port_b=$(free_port) port_lb=$(free_port) port_stats=$(free_port)
start_instance "$port_a" "$model" "$work/a.log"; pid_a=$STARTED_PID
start_instance "$port_b" "$model" "$work/b.log"; pid_b=$STARTED_PID
wait_ready "$pid_a" "$port_a" "$work/a.log"
wait_ready "$pid_b" "$port_b" "$work/b.log"

# Translation is idempotent, so a POST that got no answer (connection refused or reset, the server gone before it
# answered) may be sent again, to the other server (redispatch on every retry). The request stays buffered for that
# (articles are far below tune.bufsize). Health checks take a dead server out within a second.
cat > "$work/haproxy.cfg" <<CFG
global
  maxconn 512
  log stderr format raw local0 info
defaults
  mode http
  log global
  option httplog
  # the whole request is read before a server is chosen, so that it can be sent again from the buffer
  option http-buffer-request
  timeout connect 2s
  timeout client 600s
  timeout server 600s
  timeout check 5s
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response junk-response 503
frontend translate
  bind 127.0.0.1:$port_lb
  default_backend translators
backend translators
  balance leastconn
  option httpchk GET /q/health/ready
  http-check expect status 200
  default-server inter 500ms fastinter 250ms downinter 1s fall 2 rise 2
  server a 127.0.0.1:$port_a check
  server b 127.0.0.1:$port_b check
listen stats
  bind 127.0.0.1:$port_stats
  stats enable
  stats uri /stats
CFG
haproxy -c -q -f "$work/haproxy.cfg"
haproxy -db -f "$work/haproxy.cfg" > "$work/haproxy.log" 2>&1 &
haproxy_pid=$!
# both servers UP before the run starts
for _ in $(seq 100); do
  [ "$(curl -fsS "http://127.0.0.1:$port_stats/stats;csv" 2> /dev/null | grep -c '^translators,[ab],.*,UP,')" = 2 ] && break
  sleep 0.2
done

machine_line
echo "haproxy $(haproxy -v | head -1 | cut -d' ' -f3) on 127.0.0.1:$port_lb -> a=127.0.0.1:$port_a (pid $pid_a)," \
  "b=127.0.0.1:$port_b (pid $pid_b); a is killed after $kill_after of $requests answers"
load_client --url "http://127.0.0.1:$port_lb" --articles "$root/scripts/load/articles" --requests "$requests" \
  --concurrency "$concurrency" --max-seconds "$max_seconds" "${client_args[@]}" \
  --kill-pid "$pid_a" --kill-after "$kill_after" --pid "$pid_b" | tee "$work/out"

echo "haproxy per server (status, requests, retries, redispatches, 5xx answers, failed connections):"
curl -fsS "http://127.0.0.1:$port_stats/stats;csv" | awk -F, '
  NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
  $1 == "translators" {
    printf "  %-8s %-5s requests=%s retries=%s redispatches=%s 5xx=%s econ=%s eresp=%s\n", $2, $col["status"],
      $col["stot"], $col["wretr"], $col["wredis"], $col["hrsp_5xx"], $col["econ"], $col["eresp"] }' col_dummy=1
# HAProxy's log line of every request that did not end as a clean 200 (termination state, retries)
grep -v ' 200 ' "$work/haproxy.log" | grep -v 'Health check\|Server translators\|backend translators' | head -20 || true
kill -0 "$pid_a" 2> /dev/null && { echo "failover-test: instance a was not killed (the run ended first?)" >&2; exit 5; }
grep -q '^RESULT .* failed=0 ' "$work/out" || { echo "failover-test: some client requests failed" >&2; exit 3; }
echo "failover-test: no client request failed"
