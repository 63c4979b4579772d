#!/bin/bash
# Benchmark: first / no-change / 1 % change sync of a synthetic directory into the sandbox.
# usage: bench/sync/run.sh [USERS=100000] [extra SyncBench options, e.g. --rate-limit 2000 --concurrency 8]
#   HEAP=512m (java -Xmx, the heap ceiling), DOC=docs/benchmarks.md (where the results section goes; DOC= to skip)
# Runs from anywhere; needs mvn and Java 17. Everything listens on 127.0.0.1 and lives in a temp directory
# that the bench deletes; the sandbox stops when the JVM exits.
set -euo pipefail
N=${1:-100000}
shift || true
HEAP=${HEAP:-512m}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DOC=${DOC-docs/benchmarks.md}
cd "$ROOT"
mvn -B -q -Dmaven.test.skip=false -DskipTests test-compile
[ -f target/bench-cp.txt ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
LOAD="$(uptime | sed 's/.*load average: //') (1/5/15 min, $(nproc) CPUs)"
echo "load before: $LOAD"
ARGS=(--users "$N" --rate-limit 2000 --concurrency 8 --load "$LOAD")
[ -n "$DOC" ] && ARGS+=(--doc "$DOC")
exec java -Xmx"$HEAP" -Dlogback.configurationFile=bench/sync/logback.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench-cp.txt)" io.dirsync.bench.SyncBench "${ARGS[@]}" "$@"
