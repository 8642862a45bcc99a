#!/usr/bin/env bash
# Request statistics benchmark: starts the application on its own embedded PostgreSQL with the demo
# city, fills requests_request with ROWS synthetic requests over the last 24 months, then times the
# public page (/statistics/requests) for the month a year ago, three times per grouping. It prints
# seconds and asserts nothing. Needs psql and curl.
# Usage: bench/run-request-statistics-benchmark.sh [rows]   (default 10000000)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
ROWS=${1:-10000000}
DATA=target/bench-statistics
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
APP_PORT=$(free_port)
DB_PORT=$(free_port)

./mvnw -q -B -DskipTests package
rm -rf "$DATA" && mkdir -p "$DATA"
"$JAVA_HOME/bin/java" -jar "$(ls target/commonweal-*.jar | head -1)" --server.port="$APP_PORT" \
    --server.address=127.0.0.1 --commonweal.database.directory="$DATA" --commonweal.database.port="$DB_PORT" \
    > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill "$APP"' EXIT
until curl -sf "http://127.0.0.1:$APP_PORT/actuator/health/readiness" > /dev/null; do
    kill -0 "$APP" || { echo "the application did not start; see $DATA/app.log"; exit 1; }
    sleep 1
done

psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d commonweal -v rows="$ROWS" -f bench/request-statistics-load.sql

MONTH=$(date -d "-12 months" +%Y-%m)
for by in department district category; do
    for run in 1 2 3; do
        curl -s -o /dev/null -w "month $MONTH by $by, run $run: %{http_code} in %{time_total} s\n" \
            "http://127.0.0.1:$APP_PORT/statistics/requests?month=$MONTH&by=$by"
    done
done
