# Sourced by trace-compare-10m.sh and recall-compare-10m.sh: with A, B (quarkus-app dirs) and D (scratch dir
# holding a generated 10M ledger) set, starts build A on its embedded PostgreSQL (API 8090, management 9090)
# and build B on A's database (8091, 9091); both are stopped when the calling script exits.
[ -f "$D/generated" ] || { echo "no ledger in $D: run trace-profile-10m.sh or recall-10m.sh first" >&2; exit 1; }
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
