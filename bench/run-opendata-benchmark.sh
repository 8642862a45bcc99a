#!/usr/bin/env bash
# Open data benchmark: one run generates DATASETS datasets (default 200,000) into PostgreSQL, then
# prints the full reindex time, CKAN package_search (a query and three facets) latencies over HTTP
# from 4 and 8 clients, and DCAT-AP catalogue pages of 100 datasets in each format; asserts nothing.
# Usage: bench/run-opendata-benchmark.sh [datasets] [seconds-per-search-run]   (defaults 200000 20)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p bench/results
"$JAVA_HOME/bin/java" -Xmx3g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    bench/OpenDataBenchmark.java "${1:-200000}" "${2:-20}" | tee "bench/results/opendata-$(date +%F).txt"
