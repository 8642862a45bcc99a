#!/usr/bin/env bash
# Ledger benchmark: one run prints appends/s against the raw ceiling, commit-to-checkpoint latency,
# inclusion-proof latency over HTTP with ENTRIES_FOR_PROOFS entries, and verifier throughput.
# Usage: bench/run-ledger-benchmark.sh [appends] [entries-for-proofs]   (defaults 100000 10000000)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
"$JAVA_HOME/bin/java" -Xmx6g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    bench/LedgerBenchmark.java "${1:-100000}" "${2:-10000000}"

# The verifier's own throughput, with tiles served from memory as a cache or CDN would serve them
# (the end-to-end figure above is bound by the application producing tiles from PostgreSQL).
"$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    org.commonweal.ledger.verifier.VerifierThroughput 1000000 5
