#!/bin/bash
# Issue 23 part 2: where a whole trace answer's time goes, beside the bare recursive walk, at 10M events on the
# packaged server's embedded PostgreSQL (its sized default). Generates the ledger once into <scratch dir>, starts the
# server, runs ApiLatency (random lots, after a warm-up) while Java Flight Recorder samples the server, and prints the
# server's hottest methods during the measured requests.
# usage: benchmarks/scripts/trace-profile-10m.sh <quarkus-app dir> <benchmarks.jar> <scratch dir> [samples] (~15 GB)
set -euo pipefail
APP=$(realpath "$1"); JAR=$(realpath "$2"); D=$(realpath -m "$3"); SAMPLES=${4:-500}; PORT=8090; MGMT=9090
JFR_VIEW=${JFR_VIEW:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr}   # `jfr view` needs JDK 21+
mkdir -p "$D"
start() {
  LOTKEEPER_ADMIN_PASSWORD=bench-Passw0rd! QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MGMT LOTKEEPER_DATA_DIR=$D/data \
    java -Xmx512m -jar "$APP/quarkus-run.jar" > "$D/server-$1.log" 2>&1 &
  PID=$!
  local ready=no
  for i in $(seq 1 300); do curl -sf http://localhost:$MGMT/q/health/ready >/dev/null && { ready=yes; break; }; sleep 1; done
  [ "$ready" = yes ] || { echo "server not ready; see $D/server-$1.log" >&2; exit 1; }
  PGPORT=$(grep -o "Embedded PostgreSQL on port [0-9]*" "$D/server-$1.log" | head -1 | grep -o "[0-9]*$")
  TOKEN=$(curl -s -X POST localhost:$PORT/api/v1/auth/token -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"bench-Passw0rd!"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
}
stop() { kill $PID; wait $PID 2>/dev/null || true; }
if [ ! -f "$D/generated" ]; then
  start gen
  t0=$(date +%s)
  java -cp "$JAR" org.lotkeeper.bench.ledger.LedgerGenerator --jdbc-url jdbc:postgresql://127.0.0.1:$PGPORT/postgres \
    --user postgres --password postgres --lots 1000000 --seed 1 2>&1 | tail -3
  echo "generated in $(( $(date +%s) - t0 )) s"; touch "$D/generated"
  stop
fi
start run
SERVER_PID=$(pgrep -f "$APP/quarkus-run.jar" -n)
echo "== warm-up, unprofiled"
java -cp "$JAR" org.lotkeeper.bench.ledger.ApiLatency --base http://127.0.0.1:$PORT --management http://127.0.0.1:$MGMT \
  --token "$TOKEN" --jdbc-url jdbc:postgresql://127.0.0.1:$PGPORT/postgres --samples 200 --warmup 1500 --seed 3
echo "== measured, with Flight Recorder sampling the server"
jcmd "$SERVER_PID" JFR.start name=trace settings=profile filename="$D/trace.jfr" >/dev/null
java -cp "$JAR" org.lotkeeper.bench.ledger.ApiLatency --base http://127.0.0.1:$PORT --management http://127.0.0.1:$MGMT \
  --token "$TOKEN" --jdbc-url jdbc:postgresql://127.0.0.1:$PGPORT/postgres --samples "$SAMPLES" --warmup 0 --seed 7 --only "trace both"
jcmd "$SERVER_PID" JFR.stop name=trace >/dev/null
stop
"$JFR_VIEW" view --width 200 hot-methods "$D/trace.jfr" | head -40
