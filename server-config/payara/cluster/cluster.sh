#!/usr/bin/env bash
# The dualauth cluster on one machine: two Payara Micro nodes forming one Payara data grid (Hazelcast over
# TCP/IP on loopback, no multicast), one PostgreSQL database, HAProxy in front. Started by `mvn -Pcluster`
# (after it built the WAR); the cluster tests start it the same way, on other ports.
#
#   cluster.sh run            everything, in the foreground, until Ctrl-C stops all it started
#   cluster.sh node N         start node N (1 or 2) and wait until it serves; its pid goes to $RUN_DIR/nodeN.pid
#   cluster.sh balancer       start HAProxy; its pid goes to $RUN_DIR/haproxy.pid
#   cluster.sh database       create the database when it is missing
#   cluster.sh stop           stop what the pid files name
#
# Settings (environment; defaults are the contract's):
#   DUALAUTH_HTTP_PORT=8080 DUALAUTH_NODE1_PORT=8081 DUALAUTH_NODE2_PORT=8082   HTTP ports (loopback only)
#   DUALAUTH_GRID_PORT1=6900 DUALAUTH_GRID_PORT2=6901    the data grid's member ports (loopback only)
#   DUALAUTH_CLUSTER_NAME=dualauth                        nodes with another name never join
#   DUALAUTH_DB_HOST=127.0.0.1 DUALAUTH_DB_PORT=5432 DUALAUTH_DB_NAME=dualauth DUALAUTH_DB_USER=postgres
#   DUALAUTH_DB_PASSWORD (unused with trust authentication)
#   DUALAUTH_DATA_DIR=<project>/data/cluster             the one key ring both nodes sign with
#   DUALAUTH_RUN_DIR=<project>/target/cluster             logs and pid files
#   DUALAUTH_SESSION_SCOPE=modified-session               when a session is stored on the grid: after a
#                                                         request that changed it, or (session) after every request
# Every other DUALAUTH_* variable (e.g. DUALAUTH_JWT_SIGNING_KEY, DUALAUTH_DEMO) reaches the nodes as it
# is, and so does every -Ddualauth.…=… given to mvn. Demo mode is on unless DUALAUTH_DEMO says otherwise.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
. "$ROOT/.ci/jdk.sh"

HTTP_PORT="${DUALAUTH_HTTP_PORT:-8080}"
NODE_PORTS=("" "${DUALAUTH_NODE1_PORT:-8081}" "${DUALAUTH_NODE2_PORT:-8082}")
GRID_PORTS=("" "${DUALAUTH_GRID_PORT1:-6900}" "${DUALAUTH_GRID_PORT2:-6901}")
CLUSTER_NAME="${DUALAUTH_CLUSTER_NAME:-dualauth}"
DB_HOST="${DUALAUTH_DB_HOST:-127.0.0.1}"
DB_PORT="${DUALAUTH_DB_PORT:-5432}"
DB_NAME="${DUALAUTH_DB_NAME:-dualauth}"
DB_USER="${DUALAUTH_DB_USER:-postgres}"
DB_PASSWORD="${DUALAUTH_DB_PASSWORD:-unused-with-trust-auth}"
DATA_DIR="${DUALAUTH_DATA_DIR:-$ROOT/data/cluster}"
RUN_DIR="${DUALAUTH_RUN_DIR:-$ROOT/target/cluster}"
WAR="$ROOT/target/dualauth.war"
MICRO="$ROOT/target/payara-micro.jar"
DRIVER="$ROOT/target/postgresql.jar"
START_TIMEOUT=150
SESSION_SCOPE="${DUALAUTH_SESSION_SCOPE:-modified-session}"

export DUALAUTH_HTTP_PORT="$HTTP_PORT" DUALAUTH_NODE1_PORT="${NODE_PORTS[1]}" DUALAUTH_NODE2_PORT="${NODE_PORTS[2]}"
mkdir -p "$RUN_DIR" "$DATA_DIR"

say() { echo "[cluster] $*"; }

# -Ddualauth.x=y given to mvn (Maven exports its command line) go to every node.
forwarded_properties() {
  local arg
  for arg in ${MAVEN_CMD_LINE_ARGS:-}; do
    case "$arg" in -Ddualauth.*=*) printf '%s\n' "$arg" ;; esac
  done
}

database() {
  command -v psql > /dev/null || { say "psql is missing (Debian: apt-get install postgresql-client)"; exit 1; }
  export PGPASSWORD="$DB_PASSWORD"
  if [ "$(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -Atc \
        "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != "1" ]; then
    say "creating database $DB_NAME on $DB_HOST:$DB_PORT"
    psql -q -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -c "CREATE DATABASE \"$DB_NAME\""
  fi
}

node() {
  local n="$1" port="${NODE_PORTS[$1]}" log="$RUN_DIR/node$1.log" attempt
  for attempt in 1 2; do
    start_node "$n" "$port" "$log"
    if wait_ready "$n" "$port" "$log"; then
      say "node$n serves http://127.0.0.1:$port/ (pid $(cat "$RUN_DIR/node$n.pid"), log $log)"
      return 0
    fi
    # Payara Micro 7.2025.1 hung in its own start-up about once in 25 boots (not yet seen on 7.2026.11):
    # show where, then try once more.
    say "node$n did not start within ${START_TIMEOUT}s (attempt $attempt); its threads:"
    jcmd "$(cat "$RUN_DIR/node$n.pid")" Thread.print 2>/dev/null | grep -A12 '"main"' | head -40 || true
    stop_pid "$RUN_DIR/node$n.pid"
  done
  say "node$n failed to start; see $log"
  return 1
}

start_node() {
  local n="$1" port="$2" log="$3" members="127.0.0.1:${GRID_PORTS[1]},127.0.0.1:${GRID_PORTS[2]}" demo=() preboot
  preboot="$ROOT/server-config/payara/cluster/pre-boot-commands.asadmin"
  if [ "$SESSION_SCOPE" != modified-session ]; then
    preboot="$RUN_DIR/pre-boot-commands.asadmin"
    { cat "$ROOT/server-config/payara/cluster/pre-boot-commands.asadmin"
      echo "set configs.config.server-config.availability-service.web-container-availability.persistence-scope=$SESSION_SCOPE"
    } > "$preboot"
  fi
  [ -n "${DUALAUTH_DEMO:-}" ] || demo=(-Ddualauth.demo=true)
  mapfile -t forwarded < <(forwarded_properties)
  # Hazelcast binds only to loopback (--interfaces, bind.any=false), finds members only at the listed
  # addresses (--clustermode tcpip), and stores each backup on the other node although both share one
  # IP address (--nohostaware; with host-aware partitioning a one-machine cluster keeps no backups).
  "$JAVA_HOME/bin/java" -Xms128m -Xmx512m \
    -Dhazelcast.socket.bind.any=false -Djava.net.preferIPv4Stack=true \
    -Ddualauth.data-dir="$DATA_DIR" -Ddualauth.cluster.enabled=true "${demo[@]}" \
    -Ddualauth.db.host="$DB_HOST" -Ddualauth.db.port="$DB_PORT" -Ddualauth.db.name="$DB_NAME" \
    -Ddualauth.db.user="$DB_USER" -Ddualauth.db.password="$DB_PASSWORD" \
    "${forwarded[@]}" \
    -jar "$MICRO" --name "node$n" --port "$port" \
    --clustername "$CLUSTER_NAME" --clustermode "tcpip:$members" --startport "${GRID_PORTS[$n]}" \
    --interfaces 127.0.0.1 --hzpublicaddress 127.0.0.1 --nohostaware --disablephonehome \
    --addlibs "$DRIVER" \
    --prebootcommandfile "$preboot" \
    --postbootcommandfile "$ROOT/server-config/payara/post-boot-commands-postgresql.asadmin" \
    --deploy "$WAR" > "$log" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/node$n.pid"
}

wait_ready() {
  local n="$1" port="$2" log="$3" pid waited=0
  pid="$(cat "$RUN_DIR/node$n.pid")"
  while [ "$waited" -lt "$START_TIMEOUT" ]; do
    kill -0 "$pid" 2>/dev/null || { say "node$n exited; last lines of $log:"; tail -20 "$log"; return 1; }
    if grep -q "Exception while preparing the app\|Exception while loading the app" "$log"; then
      say "node$n could not deploy the WAR:"; grep -m3 "Exception Description\|Caused by" "$log" || true
      stop_pid "$RUN_DIR/node$n.pid"; exit 1
    fi
    if curl -sf -o /dev/null "http://127.0.0.1:$port/ping" && curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; then
      return 0
    fi
    sleep 1
    waited=$((waited + 1))
  done
  return 1
}

balancer() {
  if ! command -v haproxy > /dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
      say "installing haproxy (Debian package)"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy > /dev/null
    else
      say "haproxy is missing: install Debian's haproxy package (sudo apt-get install haproxy)"; exit 1
    fi
  fi
  local haproxy
  haproxy="$(command -v haproxy)"
  "$haproxy" -c -f "$ROOT/server-config/haproxy/dualauth.cfg" > /dev/null
  "$haproxy" -db -f "$ROOT/server-config/haproxy/dualauth.cfg" > "$RUN_DIR/haproxy.log" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/haproxy.pid"
  local waited=0
  until curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/ping"; do
    sleep 0.5; waited=$((waited + 1))
    [ "$waited" -lt 20 ] || { say "HAProxy does not answer; see $RUN_DIR/haproxy.log"; return 1; }
  done
  say "HAProxy balances http://localhost:$HTTP_PORT/ over both nodes (pid $(cat "$RUN_DIR/haproxy.pid"))"
}

stop_pid() {
  local file="$1" pid
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

stop() {
  stop_pid "$RUN_DIR/haproxy.pid"
  stop_pid "$RUN_DIR/node2.pid"
  stop_pid "$RUN_DIR/node1.pid"
}

run() {
  trap 'say "stopping"; stop; exit 0' INT TERM
  trap 'stop' EXIT
  [ -f "$WAR" ] && [ -f "$MICRO" ] && [ -f "$DRIVER" ] || { say "build first: mvn -Pcluster"; exit 1; }
  database
  # One after the other: the first node creates the schema and the demo accounts, the second joins its grid.
  node 1
  node 2
  balancer
  say "ready: http://localhost:$HTTP_PORT/ — Ctrl-C stops HAProxy and both nodes"
  while true; do
    for f in "$RUN_DIR/node1.pid" "$RUN_DIR/node2.pid" "$RUN_DIR/haproxy.pid"; do
      [ -f "$f" ] && ! kill -0 "$(cat "$f")" 2>/dev/null && say "$(basename "$f" .pid) is gone" && rm -f "$f"
    done
    sleep 2
  done
}

case "${1:-run}" in
  run) run ;;
  node) node "${2:?node 1 or 2}" ;;
  balancer) balancer ;;
  database) database ;;
  stop) stop ;;
  *) echo "usage: $0 [run|node N|balancer|database|stop]" >&2; exit 2 ;;
esac
