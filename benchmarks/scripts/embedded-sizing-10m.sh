#!/bin/bash
# 10M-event ledger on the packaged server's embedded PostgreSQL: recall timings, sized vs PostgreSQL's defaults
set -u
# usage: benchmarks/scripts/embedded-sizing-10m.sh <quarkus-app dir> <benchmarks.jar> <scratch dir> (about 20 min, ~15 GB)
APP=$(realpath "$1"); JAR=$(realpath "$2"); D=$3; PORT=8090
mkdir -p $D; cd $D
start() { # $1 label, rest: env assignments
  local label=$1; shift
  env "$@" LOTKEEPER_ADMIN_PASSWORD=bench-Passw0rd! QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT+1000)) LOTKEEPER_DATA_DIR=$D/data \
    java -Xmx512m -jar $APP/quarkus-run.jar > $D/server-$label.log 2>&1 &
  PID=$!
  for i in $(seq 1 180); do curl -sf http://localhost:$((PORT+1000))/q/health/ready >/dev/null && break; sleep 1; done
  grep -o "Embedded PostgreSQL on port [0-9]*.*" $D/server-$label.log | head -1
  PGPORT=$(grep -o "Embedded PostgreSQL on port [0-9]*" $D/server-$label.log | head -1 | grep -o "[0-9]*$")
  TOKEN=$(curl -s -X POST localhost:$PORT/api/v1/auth/token -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"bench-Passw0rd!"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
}
stop() { kill $PID; wait $PID 2>/dev/null; }
recall() { # $1 item, $2 lot
  curl -s -o $D/r.json -w '%{time_total} s, %{size_download} bytes\n' -X POST localhost:$PORT/api/v1/recalls \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "{\"lots\":[{\"item\":\"$1\",\"lot\":\"$2\"}]}"
}
measure() {
  echo "-- popular G-RM-014/G000000004"; for i in 1 2 3 4 5 6; do recall G-RM-014 G000000004; done
  echo "-- widest G-RM-042/G000000000"; for i in 1 2 3; do recall G-RM-042 G000000000; done
}
if [ ! -f $D/generated ]; then
  start gen
  t0=$(date +%s)
  java -cp $JAR org.lotkeeper.bench.ledger.LedgerGenerator --jdbc-url jdbc:postgresql://127.0.0.1:$PGPORT/postgres \
    --user postgres --password postgres --lots 1000000 --seed 1 2>&1 | tail -3
  echo "generated in $(( $(date +%s) - t0 )) s"; touch $D/generated
  stop
fi
echo "== sized (this change's default)"; start sized; measure; stop
echo "== PostgreSQL's defaults (the previous embedded default)"
start defaults LOTKEEPER_EMBEDDED_POSTGRES_SHARED_BUFFERS=128MB LOTKEEPER_EMBEDDED_POSTGRES_WORK_MEM=4MB \
  LOTKEEPER_EMBEDDED_POSTGRES_EFFECTIVE_CACHE_SIZE=4GB LOTKEEPER_EMBEDDED_POSTGRES_MAINTENANCE_WORK_MEM=64MB
measure; stop
echo "== sized again"; start sized2; measure; stop
