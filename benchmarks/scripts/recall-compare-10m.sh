#!/bin/bash
# Two builds of the server side by side on the same 10M-event ledger (made by trace-profile-10m.sh or
# recall-10m.sh in <scratch dir>): A on its embedded PostgreSQL, B on A's database. Mock recalls of the
# popular and the widest lot go to A and B in turn, alternating which goes first, so both see the same
# database cache and machine noise; each line is the whole JSON response (curl) and the server's elapsedMs.
# usage: benchmarks/scripts/recall-compare-10m.sh <quarkus-app A> <quarkus-app B> <scratch dir> [rounds]
set -euo pipefail
A=$(realpath "$1"); B=$(realpath "$2"); D=$(realpath "$3"); ROUNDS=${4:-8}
. "$(dirname "$0")/two-servers.sh"
TA=$(token 8090); TB=$(token 8091)
recall() { # $1 label, $2 port, $3 token, $4 item, $5 lot
  curl -s -o "$D/r-$1.json" -w "$1 $4/$5 %{time_total} s" -X POST "localhost:$2/api/v1/recalls" \
    -H "Authorization: Bearer $3" -H 'Content-Type: application/json' -d "{\"lots\":[{\"item\":\"$4\",\"lot\":\"$5\"}]}"
  echo ", elapsedMs $(grep -o '"elapsedMs":[0-9]*' "$D/r-$1.json" | cut -d: -f2)"
}
for lot in "G-RM-014 G000000004" "G-RM-042 G000000000"; do
  for r in $(seq 1 "$ROUNDS"); do
    if [ $((r % 2)) -eq 1 ]; then recall A 8090 "$TA" $lot; recall B 8091 "$TB" $lot
    else recall B 8091 "$TB" $lot; recall A 8090 "$TA" $lot; fi
  done
done
