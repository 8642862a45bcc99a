#!/usr/bin/env bash
# Ledger benchmark: one run prints appends/s against the raw ceiling, commit-to-checkpoint latency,
# verifier-command throughput end to end, and inclusion-proof latency over HTTP, with up to
# ENTRIES_FOR_PROOFS entries in the log.
# Usage: bench/run-ledger-benchmark.sh [appends] [entries-for-proofs]   (defaults 100000 10000000)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
"$JAVA_HOME/bin/java" -Xmx6g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    bench/LedgerBenchmark.java "${1:-100000}" "${2:-10000000}"

# The verifier's own throughput, with bundles served from memory as a cache or CDN would serve them
# (the end-to-end figures above share the two cores with the application and PostgreSQL).
"$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    org.commonweal.ledger.verifier.VerifierThroughput 1000000 5
