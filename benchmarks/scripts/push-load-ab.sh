#!/usr/bin/env bash
# P3 before/after in one run (docs/PERFORMANCE.md): the same PushLoad against two builds of the server, OLD and
# NEW, alternating, each on a fresh scratch data directory (embedded PostgreSQL), same machine, same JVM flags.
# usage: push-load-ab.sh <old quarkus-run.jar> <new quarkus-run.jar> <benchmarks.jar> <output file> [rounds]
set -u
OLD=$1; NEW=$2; BENCH=$3; OUT=$4; ROUNDS=${5:-2}
: > "$OUT"
run() {
  local name=$1 jar=$2 port=$3
  local dir; dir=$(mktemp -d /tmp/p3-$name-XXXX)
  (cd "$dir" && LOTKEEPER_ADMIN_PASSWORD=load-Passw0rd! LOTKEEPER_SECURITY_RATE_LIMIT_ENROLL_PER_IP=0 QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$((port+1000)) \
     exec java -Xmx512m -jar "$jar" > server.log 2>&1) &
  local pid=$!
  for i in $(seq 1 120); do curl -sf http://localhost:$((port+1000))/q/health/ready >/dev/null && break; sleep 1; done
  echo "== $name round $r" | tee -a "$OUT"
  java -cp "$BENCH" org.lotkeeper.bench.PushLoad --url http://localhost:$port --management-url http://localhost:$((port+1000)) --admin-password load-Passw0rd! \
      --devices 50 --batch 200 --batches 20 2>&1 | tee -a "$OUT" | tail -4
  java -cp "$BENCH" org.lotkeeper.bench.PushLoad --url http://localhost:$port --management-url http://localhost:$((port+1000)) --admin-password load-Passw0rd! \
      --devices 50 --batch 200 --batches 20 2>&1 | sed 's/^/warm: /' | tee -a "$OUT" | tail -4
  kill $pid; wait $pid 2>/dev/null
  pkill -f "$dir" 2>/dev/null; sleep 3; rm -rf "$dir"
}
for r in $(seq 1 $ROUNDS); do
  run old "$OLD" 18081
  run new "$NEW" 18082
done
