#!/usr/bin/env bash
# P3 beside the physical limit, in one run (docs/PERFORMANCE.md): the packaged server on its embedded PostgreSQL
# (fsync and synchronous_commit on) takes PushLoad's 50 devices × batches of 200, cold then warm; then IngestCeiling
# writes the rows that load left (ledger, lot_event, lots, stock, receipts) again with PostgreSQL alone, 50
# connections, one transaction per 200 events: COPY, batched INSERT, and batched INSERT behind the ledger-append lock.
# usage: ingest-ceiling.sh <quarkus-app dir> <benchmarks.jar> <output file> [batches per device] [commit_delay µs, default 0]
# With a commit_delay, the server's connections and the ceiling's use it (commit_siblings 5): group commit.
set -euo pipefail
APP=$(cd "$1" && pwd); BENCH=$(realpath "$2"); OUT=$3; BATCHES=${4:-20}; DELAY=${5:-0}
PORT=18090; MGMT=19090
DIR=$(mktemp -d /tmp/p3-ceiling-XXXX)
: > "$OUT"
(cd "$DIR" && env LOTKEEPER_ADMIN_PASSWORD=load-Passw0rd! LOTKEEPER_SECURITY_RATE_LIMIT_ENROLL_PER_IP=0 \
   QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MGMT \
   java -Xmx512m "-Dquarkus.datasource.jdbc.additional-jdbc-properties.options=-c commit_delay=$DELAY -c commit_siblings=5" -jar "$APP/quarkus-run.jar" > server.log 2>&1) &
PID=$!
ready=no
for i in $(seq 1 120); do curl -sf http://localhost:$MGMT/q/health/ready >/dev/null && { ready=yes; break; }; sleep 1; done
[ "$ready" = yes ] || { echo "server not ready in 120 s; its log: $DIR/server.log" >&2; kill $PID; exit 1; }
PGPORT=$(grep -o "Embedded PostgreSQL on port [0-9]*" "$DIR/server.log" | head -1 | grep -o "[0-9]*$")
SERVER_PID=$(pgrep -f "$APP/quarkus-run.jar" -n)
echo "== $(date -u +%FT%TZ), $(nproc) cores, server pid $SERVER_PID, embedded PostgreSQL on $PGPORT, commit_delay $DELAY µs" | tee -a "$OUT"
for run in cold warm; do
  echo "== PushLoad ($run)" | tee -a "$OUT"
  java -cp "$BENCH" org.lotkeeper.bench.PushLoad --url http://localhost:$PORT --management-url http://localhost:$MGMT \
      --admin-password load-Passw0rd! --devices 50 --batch 200 --batches "$BATCHES" --pid "$SERVER_PID" 2>&1 | tee -a "$OUT" | tail -4
done
echo "== IngestCeiling (the same rows, PostgreSQL alone)" | tee -a "$OUT"
java -Xmx4g -cp "$BENCH" org.lotkeeper.bench.IngestCeiling --jdbc-url "jdbc:postgresql://127.0.0.1:$PGPORT/postgres" \
    --connections 50 --batch 200 --commit-delay "$DELAY" 2>&1 | tee -a "$OUT"
kill $SERVER_PID; wait $PID 2>/dev/null || true
sleep 3; pkill -f "$DIR" 2>/dev/null || true; rm -rf "$DIR"
