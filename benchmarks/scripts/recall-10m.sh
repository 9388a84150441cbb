#!/bin/bash
# 10M-event ledger on the packaged server's embedded PostgreSQL (its default, sized): mock recalls of the
# popular and the widest lot (JSON and PDF), and push latency while the widest recall runs back to back.
# usage: benchmarks/scripts/recall-10m.sh <benchmarks.jar> <scratch dir> <label>=<quarkus-app dir>...
# The scratch dir holds the generated ledger (made on the first run, ~5 min, ~15 GB); each server runs on it in turn.
set -u
JAR=$(realpath "$1"); D=$2; shift 2; PORT=8090
mkdir -p $D; cd $D
start() { # $1 label, $2 quarkus-app dir
  LOTKEEPER_ADMIN_PASSWORD=bench-Passw0rd! LOTKEEPER_SECURITY_RATE_LIMIT_ENROLL_PER_IP=0 QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT+1000)) \
    LOTKEEPER_DATA_DIR=$D/data java -Xmx512m -jar $2/quarkus-run.jar > $D/server-$1.log 2>&1 &
  PID=$!
  for i in $(seq 1 240); do curl -sf http://localhost:$((PORT+1000))/q/health/ready >/dev/null && break; sleep 1; done
  PGPORT=$(grep -o "Embedded PostgreSQL on port [0-9]*" $D/server-$1.log | head -1 | grep -o "[0-9]*$")
  TOKEN=$(curl -s -X POST localhost:$PORT/api/v1/auth/token -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"bench-Passw0rd!"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
}
stop() { kill $PID; wait $PID 2>/dev/null; }
recall() { # $1 item, $2 lot: whole response, size, the server's elapsedMs; then the PDF of that recall
  local t
  t=$(curl -s -o $D/r.json -w '%{time_total} s, %{size_download} bytes' -X POST localhost:$PORT/api/v1/recalls \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "{\"lots\":[{\"item\":\"$1\",\"lot\":\"$2\"}]}")
  local id=$(grep -o '"recallId":"[^"]*"' $D/r.json | head -1 | cut -d'"' -f4)
  local pdf=$(curl -s -o $D/r.pdf -w '%{time_total} s, %{size_download} bytes' \
    -H "Authorization: Bearer $TOKEN" localhost:$PORT/api/v1/recalls/$id/report.pdf)
  echo "JSON $t, elapsedMs $(grep -o '"elapsedMs":[0-9]*' $D/r.json | cut -d: -f2); PDF $pdf"
}
widest_loop() { while [ -f $D/looping ]; do curl -s -o /dev/null -X POST localhost:$PORT/api/v1/recalls \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"lots":[{"item":"G-RM-042","lot":"G000000000"}]}'; done; }
pushes() { # its health baseline is on the management port; a failed load prints its error, not nothing
  java -cp $JAR org.lotkeeper.bench.PushLoad --url http://localhost:$PORT --management-url http://localhost:$((PORT+1000)) \
    --admin-password bench-Passw0rd! --devices 10 --batch 50 --batches 30 --rate 500 > $D/pushes.log 2>&1 \
    || { echo "PushLoad failed:"; grep -v "^\s*at " $D/pushes.log | head -5; return; }
  grep -E "throughput|push latency" $D/pushes.log || { echo "PushLoad printed no figures:"; head -5 $D/pushes.log; }; }
if [ ! -f $D/generated ]; then
  start gen "${1#*=}"
  t0=$(date +%s)
  java -cp $JAR org.lotkeeper.bench.ledger.LedgerGenerator --jdbc-url jdbc:postgresql://127.0.0.1:$PGPORT/postgres \
    --user postgres --password postgres --lots 1000000 --seed 1 2>&1 | tail -3
  echo "generated in $(( $(date +%s) - t0 )) s"; touch $D/generated
  stop
fi
for s in "$@"; do
  label=${s%%=*}; app=${s#*=}
  echo "== $label ($app)"; start $label $app
  echo "-- popular G-RM-014/G000000004"; for i in 1 2 3 4 5 6; do recall G-RM-014 G000000004; done
  echo "-- widest G-RM-042/G000000000"; for i in 1 2 3; do recall G-RM-042 G000000000; done
  echo "-- pushes, no recall"; pushes
  echo "-- pushes while the widest recall runs back to back"; touch $D/looping; widest_loop & LOOP=$!
  sleep 1; pushes; rm -f $D/looping; wait $LOOP
  stop
done
