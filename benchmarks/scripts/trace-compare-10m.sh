#!/bin/bash
# Two builds of the server side by side on the same 10M-event ledger (made by trace-profile-10m.sh in <scratch dir>):
# A on its embedded PostgreSQL, B on A's database. ApiLatency sends every request to both, interleaved, so both see
# the same lots, database cache and machine noise: the whole `trace both` answer and the signed-in baseline [A]/[B],
# beside the health baseline and the bare recursive walk.
# usage: benchmarks/scripts/trace-compare-10m.sh <quarkus-app A> <quarkus-app B> <benchmarks.jar> <scratch dir> [samples]
set -euo pipefail
A=$(realpath "$1"); B=$(realpath "$2"); JAR=$(realpath "$3"); D=$(realpath "$4"); SAMPLES=${5:-500}
. "$(dirname "$0")/two-servers.sh"
java -cp "$JAR" org.lotkeeper.bench.ledger.ApiLatency --base http://127.0.0.1:8090 --management http://127.0.0.1:9090 \
  --token "$(token 8090)" --base-b http://127.0.0.1:8091 --token-b "$(token 8091)" \
  --jdbc-url jdbc:postgresql://127.0.0.1:$PGPORT/postgres --samples "$SAMPLES" --warmup 1500 --seed 7 --only "trace both"
