#!/usr/bin/env bash
# Datastore benchmark: one run generates a CSV of ROWS rows (ten mixed columns, Chinese text), loads
# it through the Datastore API (target >= 50,000 rows/s), shows what the indexes cost, then runs a
# mix of filtered, sorted CKAN datastore_search queries over HTTP with 4, 8 and CLIENTS clients for SECONDS each
# (target p99 <= 200 ms), a full-text q and a streamed whole-table CSV download. Prints; asserts nothing.
# Usage: bench/run-datastore-benchmark.sh [rows=1000000] [seconds=30] [clients=16]
# A quick try: bench/run-datastore-benchmark.sh 100000 10 16
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# a small heap on purpose: the export of a million rows must stream, not buffer
"$JAVA_HOME/bin/java" -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    bench/DatastoreBenchmark.java "${1:-1000000}" "${2:-30}" "${3:-16}"
