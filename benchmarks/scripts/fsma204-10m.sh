#!/bin/bash
# The FDA's spreadsheet (.xlsx) at 10M events beside the recall's CSV of the same rows: the popular and the
# widest lot's mock recalls, a lot's own spreadsheet, a day of one item and that day's KDE completeness check,
# each server at -Xmx512m.
# usage: benchmarks/scripts/fsma204-10m.sh <scratch dir with the generated ledger (recall-10m.sh makes it)> <label>=<quarkus-app dir>...
# A server without an endpoint (a baseline build) answers it 404 at once.
set -u
D=$1; shift; PORT=8090
cd $D
get() { # $1 label, $2 path: time, size, status
  echo "$1: $(curl -s -o $D/out.bin -w '%{time_total} s, %{size_download} bytes, HTTP %{http_code}' \
    -H "Authorization: Bearer $TOKEN" "localhost:$PORT$2")"
}
recall() { # $1 item, $2 lot → recall id
  curl -s -X POST localhost:$PORT/api/v1/recalls -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"lots\":[{\"item\":\"$1\",\"lot\":\"$2\"}]}" | grep -o '"recallId":"[^"]*"' | head -1 | cut -d'"' -f4
}
for s in "$@"; do
  label=${s%%=*}; app=${s#*=}
  echo "== $label ($app)"
  LOTKEEPER_ADMIN_PASSWORD=bench-Passw0rd! QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT+1000)) LOTKEEPER_DATA_DIR=$D/data \
    java -Xmx512m -jar $app/quarkus-run.jar > $D/server-fsma-$label.log 2>&1 &
  PID=$!
  for i in $(seq 1 240); do curl -sf http://localhost:$((PORT+1000))/q/health/ready >/dev/null && break; sleep 1; done
  TOKEN=$(curl -s -X POST localhost:$PORT/api/v1/auth/token -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"bench-Passw0rd!"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
  POPULAR=$(recall G-RM-014 G000000004)
  echo "-- popular G-RM-014/G000000004: its recall's CSV and spreadsheet"
  for i in 1 2; do get "csv " /api/v1/recalls/$POPULAR/report.csv; get "xlsx" /api/v1/recalls/$POPULAR/report.xlsx; done
  echo "-- the lot G-RM-014/G000000004's own spreadsheet"
  for i in 1 2; do get "xlsx" /api/v1/lots/G-RM-014/G000000004/fsma204.xlsx; done
  DAY=$(curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/v1/lots/G-RM-014/G000000004" \
    | grep -o '"createdAt":"[^"]*"' | head -1 | cut -d'"' -f4 | cut -c1-10)
  echo "-- a day ($DAY) of the item G-RM-014"
  get "xlsx" "/api/v1/export/fsma204.xlsx?from=${DAY}T00:00:00Z&to=${DAY}T23:59:59Z&items=G-RM-014"
  echo "-- the KDE completeness check of that day, every item"
  get "kde " "/api/v1/kde/completeness?from=${DAY}T00:00:00Z&to=${DAY}T23:59:59Z"
  grep -o '"events":[0-9]*,"incompleteEvents":[0-9]*' $D/out.bin
  WIDEST=$(recall G-RM-042 G000000000)
  echo "-- widest G-RM-042/G000000000: its recall's CSV and spreadsheet"
  get "csv " /api/v1/recalls/$WIDEST/report.csv; get "xlsx" /api/v1/recalls/$WIDEST/report.xlsx
  echo "server peak resident memory: $(grep VmHWM /proc/$PID/status)"
  kill $PID; wait $PID 2>/dev/null
done
