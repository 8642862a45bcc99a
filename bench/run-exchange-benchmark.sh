#!/usr/bin/env bash
# Exchange gateway benchmark: in one run, GETs through the gateway against the same provider called
# directly with the same load generator (throughput in a closed loop at 16/32/64 clients, added
# latency in an open loop at 1,000 calls/s), a check that every gateway call was recorded in a batch
# with its ledger entry, and the live heap a big JSON body needs streaming through the gateway.
# Usage: bench/run-exchange-benchmark.sh [seconds-per-run] [big-body-MB]   (defaults 20 100)
# A quick try: bench/run-exchange-benchmark.sh 5 20
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# The bench/ folder is the source root: ExchangeBenchmark.java finds GetLoad.java there.
"$JAVA_HOME/bin/java" -Xmx1g ${EXCHANGE_BENCH_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    bench/ExchangeBenchmark.java "${1:-20}" "${2:-100}"
