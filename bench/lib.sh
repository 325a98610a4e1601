# Sourced by bench/run and bench/memory: builds the WAR and starts Payara Micro on loopback with demo
# accounts and a fresh data dir; stops it and removes the data dir on exit.
# Sets: base (URL), work (temp dir), server_pid. Extra JVM options: $BENCH_JVM_OPTS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. .ci/jdk.sh

port=${BENCH_PORT:-8181}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
server_pid=""

cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

start_server() {
  echo "building…"
  mvn -q -B -ntp -DskipTests package
  echo "starting Payara Micro on $base…"
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" -Ddualauth.data-dir="$work/data" -Ddualauth.demo=true ${BENCH_JVM_OPTS:-} \
    -jar target/payara-micro.jar --nohazelcast --port "$port" \
    --prebootcommandfile server-config/payara/pre-boot-commands.asadmin \
    --postbootcommandfile server-config/payara/post-boot-commands.asadmin \
    --deploy target/dualauth.war > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 180); do
    if curl -fs "$base/ping" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then echo "the server died:" >&2; tail -20 "$work/server.log" >&2; exit 1; fi
    sleep 1
  done
  echo "the server did not start in 180 s" >&2
  exit 1
}

# json_field NAME < json -> the string value of a top-level field
json_field() {
  sed "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/"
}
