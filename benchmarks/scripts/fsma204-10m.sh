#!/bin/bash
# The FDA's spreadsheet (.xlsx) at 10M events, beside the recall's CSV of the same rows (the baseline):
# the popular and the widest lot's mock recalls, a lot's spreadsheet and a week's, on a server of -Xmx512m.
# usage: benchmarks/scripts/fsma204-10m.sh <scratch dir with the generated ledger (recall-10m.sh makes it)> <quarkus-app dir>
set -u
D=$1; APP=$2; PORT=8090
cd $D
LOTKEEPER_ADMIN_PASSWORD=bench-Passw0rd! QUARKUS_HTTP_PORT=$PORT LOTKEEPER_DATA_DIR=$D/data \
  java -Xmx512m -jar $APP/quarkus-run.jar > $D/server-fsma.log 2>&1 &
PID=$!
for i in $(seq 1 240); do curl -sf http://localhost:$PORT/q/health/ready >/dev/null && break; sleep 1; done
TOKEN=$(curl -s -X POST localhost:$PORT/api/v1/auth/token -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"bench-Passw0rd!"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
get() { # $1 label, $2 path: time, size
  echo "$1: $(curl -s -o $D/out.bin -w '%{time_total} s, %{size_download} bytes, HTTP %{http_code}' \
    -H "Authorization: Bearer $TOKEN" "localhost:$PORT$2")"
}
recall() { # $1 item, $2 lot → recall id
  curl -s -X POST localhost:$PORT/api/v1/recalls -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"lots\":[{\"item\":\"$1\",\"lot\":\"$2\"}]}" | grep -o '"recallId":"[^"]*"' | head -1 | cut -d'"' -f4
}
POPULAR=$(recall G-RM-014 G000000004); WIDEST=$(recall G-RM-042 G000000000)
echo "-- popular G-RM-014/G000000004 ($POPULAR)"
for i in 1 2 3; do get "csv " /api/v1/recalls/$POPULAR/report.csv; get "xlsx" /api/v1/recalls/$POPULAR/report.xlsx; done
echo "-- the lot G-RM-014/G000000004 alone"
for i in 1 2 3; do get "xlsx" /api/v1/lots/G-RM-014/G000000004/fsma204.xlsx; done
echo "-- widest G-RM-042/G000000000 ($WIDEST)"
for i in 1 2; do get "csv " /api/v1/recalls/$WIDEST/report.csv; get "xlsx" /api/v1/recalls/$WIDEST/report.xlsx; done
echo "-- a day of one item"
FROM=$(curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT/api/v1/lots/G-RM-014/G000000004" | grep -o '"createdAt":"[^"]*"' | head -1 | cut -d'"' -f4 | cut -c1-10)
get "xlsx" "/api/v1/export/fsma204.xlsx?from=${FROM}T00:00:00Z&to=${FROM}T23:59:59Z&items=G-RM-014"
echo "server peak resident memory: $(grep VmHWM /proc/$PID/status)"
kill $PID; wait $PID 2>/dev/null
