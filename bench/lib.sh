# Sourced by bench/run and bench/memory: builds the WAR and starts Payara Micro (or, with
# BENCH_SERVER=wildfly, WildFly Preview as the wildfly profile configures it) on loopback with demo
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
  case ${BENCH_SERVER:-payara-micro} in
    payara-micro) start_payara_micro ;;
    wildfly) start_wildfly ;;
    *) echo "BENCH_SERVER must be payara-micro or wildfly" >&2; exit 1 ;;
  esac
  wait_for_ping
}

# BENCH_SKIP_BUILD=1 reuses what an earlier build left under target/ (bench/peers: runs after the first).
# BENCH_APP=bare deploys bench/bare's one-resource WAR instead (GET /ping only, no security, no database)
# on the same jar with the same pre-boot commands: what the server alone costs.
start_payara_micro() {
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f target/dualauth.war ]; then
    echo "building…"
    mvn -q -B -ntp -DskipTests package
  fi
  local app=(--postbootcommandfile server-config/payara/post-boot-commands.asadmin --deploy target/dualauth.war)
  if [ "${BENCH_APP:-dualauth}" = bare ]; then
    if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f bench/bare/target/ROOT.war ]; then
      mvn -q -B -ntp -f bench/bare/pom.xml package
    fi
    app=(--deploy bench/bare/target/ROOT.war)
  fi
  echo "starting Payara Micro on $base…"
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" -Ddualauth.data-dir="$work/data" -Ddualauth.demo=true ${BENCH_JVM_OPTS:-} \
    -jar target/payara-micro.jar --nohazelcast --port "$port" \
    --prebootcommandfile server-config/payara/pre-boot-commands.asadmin \
    "${app[@]}" > "$work/server.log" 2>&1 &
  server_pid=$!
}

# The wildfly profile up to its configuration step: a fresh, configured server under target/wildfly.
start_wildfly() {
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || ! ls -d target/wildfly/wildfly-preview-* > /dev/null 2>&1; then
    echo "building and configuring WildFly…"
    mvn -q -B -ntp -Pwildfly -DskipTests pre-integration-test
  fi
  local home
  home=$(echo target/wildfly/wildfly-preview-*)
  cp target/dualauth.war "$home/standalone/deployments/"
  echo "starting WildFly on $base…"
  # The script forwards TERM to the server when it runs it in the background. JAVA_OPTS replaces
  # standalone.conf's defaults: the same as those without their 512 MB heap cap, so that both servers
  # run with the JVM's default heap.
  LAUNCH_JBOSS_IN_BACKGROUND=1 \
    JAVA_OPTS="-Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true -Ddualauth.data-dir=$work/data -Ddualauth.demo=true ${BENCH_JVM_OPTS:-}" \
    "$home/bin/standalone.sh" -c standalone-microprofile.xml -Djboss.bind.address=127.0.0.1 \
    -Djboss.bind.address.management=127.0.0.1 -Djboss.socket.binding.port-offset=$((port - 8080)) \
    > "$work/server.log" 2>&1 &
  server_pid=$!
}

wait_for_ping() {
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
