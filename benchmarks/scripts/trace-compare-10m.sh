#!/bin/bash
# Two builds of the server side by side on the same 10M-event ledger (made by trace-profile-10m.sh in <scratch dir>):
# A on its embedded PostgreSQL, B on A's database. ApiLatency sends every request to both, interleaved, so both see
# the same lots, database cache and machine noise: the whole `trace both` answer and the signed-in baseline [A]/[B],
# beside the health baseline and the bare recursive walk.
# usage: benchmarks/scripts/trace-compare-10m.sh <quarkus-app A> <quarkus-app B> <benchmarks.jar> <scratch dir> [samples]
set -euo pipefail
A=$(realpath "$1"); B=$(realpath "$2"); JAR=$(realpath "$3"); D=$(realpath "$4"); SAMPLES=${5:-500}
[ -f "$D/generated" ] || { echo "no ledger in $D: run trace-profile-10m.sh first" >&2; exit 1; }
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
ready() {
  for i in $(seq 1 300); do curl -sf "http://localhost:$1/q/health/ready" >/dev/null && return 0; sleep 1; done
  echo "server not ready on $1; see $D/server-*.log" >&2; exit 1
}
token() {
  curl -s -X POST "localhost:$1/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"bench-Passw0rd!"}' | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
LOTKEEPER_ADMIN_PASSWORD=bench-Passw0rd! QUARKUS_HTTP_PORT=8090 QUARKUS_MANAGEMENT_PORT=9090 LOTKEEPER_DATA_DIR=$D/data \
  java -Xmx512m -jar "$A/quarkus-run.jar" > "$D/server-A.log" 2>&1 &
PIDS+=($!)
ready 9090
PGPORT=$(grep -o "Embedded PostgreSQL on port [0-9]*" "$D/server-A.log" | head -1 | grep -o "[0-9]*$")
LOTKEEPER_ADMIN_PASSWORD=bench-Passw0rd! QUARKUS_HTTP_PORT=8091 QUARKUS_MANAGEMENT_PORT=9091 LOTKEEPER_DATA_DIR=$D/data \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PGPORT/postgres QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD=postgres java -Xmx512m -jar "$B/quarkus-run.jar" > "$D/server-B.log" 2>&1 &
PIDS+=($!)
ready 9091
echo "== A: $A; B: $B (on A's database)"
java -cp "$JAR" org.lotkeeper.bench.ledger.ApiLatency --base http://127.0.0.1:8090 --management http://127.0.0.1:9090 \
  --token "$(token 8090)" --base-b http://127.0.0.1:8091 --token-b "$(token 8091)" \
  --jdbc-url jdbc:postgresql://127.0.0.1:$PGPORT/postgres --samples "$SAMPLES" --warmup 1500 --seed 7 --only "trace both"
