#!/usr/bin/env bash
# Requests benchmark: one run prints Open311 POSTs/s with evidence against a bare insert of the same
# row (closed loop at several client counts, open loop at 2,000/s), the evidence drained into the
# ledger, then page and Open311 read latencies over STORED_REQUESTS requests, and a month's report.
# Usage: bench/run-requests-benchmark.sh [posts-seconds] [stored-requests]   (defaults 30 10000000)
# A quick try: bench/run-requests-benchmark.sh 10 200000
# REQUESTS_BENCH_PROPOSALS=true first creates the indexes this benchmark proposes (see RequestsBenchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# The bench/ folder is the source root: RequestsBenchmark.java finds its other classes there.
"$JAVA_HOME/bin/java" -Xmx6g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    bench/RequestsBenchmark.java "${1:-30}" "${2:-10000000}"
