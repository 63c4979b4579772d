#!/bin/bash
# Benchmark: API calls of a first, a no-change and a 1 % change sync of N users through the CLI
# (./dirsync sync) into the SCIM test server (scim-sdk-server, in a JVM of its own on 127.0.0.1).
# usage: bench/scim/run.sh [USERS=10000] [SERVER_OPTIONS…]   e.g. bench/scim/run.sh 10000 --no-patch
#        bench/scim/run.sh [USERS=10000] --variants   # the default server, then --no-bulk, --no-patch, --max-results 25
#   DOC=docs/benchmarks.md (the results section to replace; DOC= to skip)
set -euo pipefail
N=${1:-10000}
shift || true
if [ "${1:-}" = "--variants" ]; then
  for v in "" "--no-bulk" "--no-patch" "--max-results 25"; do
    # shellcheck disable=SC2086
    "$0" "$N" $v || exit 1
  done
  exit 0
fi
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DOC=${DOC-$ROOT/docs/benchmarks.md}
D=$(mktemp -d /tmp/dirsync-scim-bench-XXXXXX)
PID=""
cleanup() {
  if [ -n "$PID" ]; then
    kill "$PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$D"
}
trap cleanup EXIT
cd "$ROOT"
mvn -B -o -q -Dmaven.test.skip=false test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$D/cp.txt" > /dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -Xmx2g -cp "target/classes:target/test-classes:$(cat "$D/cp.txt")" io.dirsync.directory.scim.ScimTestServer \
  --port "$PORT" "$@" > "$D/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/stats" > /dev/null && break; sleep 0.2; done
python3 bench/scim/gen-ldif.py "$N" 0 > "$D/directory.ldif"
cp "$D/directory.ldif" "$D/v0.ldif"
cat > "$D/dirsync.yaml" <<CONF
state: {url: "jdbc:h2:file:$D/state"}
reports: $D/reports
jobs:
  - name: scim-bench
    source:
      type: ldif
      files: [directory.ldif]
      users: {baseDn: "ou=Departments,dc=bench,dc=example", filter: "(objectClass=inetOrgPerson)"}
      groups: {baseDn: "ou=Groups,dc=bench,dc=example", filter: "(objectClass=groupOfNames)"}
      departments: {baseDn: "ou=Departments,dc=bench,dc=example"}
    mapping: $ROOT/bench/scim/mapping.yaml
    target:
      type: scim
      url: http://127.0.0.1:$PORT/scim/v2
      auth: {bearer: test-token}
      customSchema: urn:dirsync:scim:schemas:extension:custom:2.0:User
      timeout: 120s                    # a bulk request of 80 users on the shared, loaded bench machine
    removal: {action: block}
    apply: {concurrency: 4, requestsPerSecond: 0}
CONF
LOAD=$(uptime | sed 's/.*load average: //')
START=$(date +%s)
run() {
  curl -sf -X POST "http://127.0.0.1:$PORT/stats/reset" > /dev/null
  local t0=$(date +%s.%N)
  ./dirsync sync -c "$D/dirsync.yaml" --report "$D/$1.json" > "$D/$1.out" 2>&1 || { echo "sync $1 failed:"; tail -20 "$D/$1.out"; exit 1; }
  python3 -c "import sys; print(round(float(sys.argv[1]) - float(sys.argv[2]), 1))" "$(date +%s.%N)" "$t0" > "$D/$1.seconds"
  curl -sf "http://127.0.0.1:$PORT/stats" > "$D/$1.stats.json"
  uptime | sed 's/.*load average: //' > "$D/$1.load"
  echo "$1: $(cat "$D/$1.seconds") s, server counted $(python3 -c "import json,sys; print(sum(json.load(open(sys.argv[1])).values()))" "$D/$1.stats.json") requests"
}
run first
run nochange
python3 bench/scim/gen-ldif.py "$N" 1 > "$D/directory.ldif"
cp "$D/directory.ldif" "$D/v1.ldif"
run change
BULK=80; for a in "$@"; do [ "$a" = "--no-bulk" ] && BULK=0; done
BATCH=$(python3 -c "import sys; a=sys.argv[1:]; print(min(80, int(a[a.index(\"--max-results\")+1])) if \"--max-results\" in a else 80)" "$@")
python3 bench/scim/tables.py "$N" "$D" "$LOAD" "$(( $(date +%s) - START ))" "bench/scim/run.sh $N${*:+ $*}" "$BATCH" "$BULK" > "$D/section.md"
cat "$D/section.md"
if [ -n "$DOC" ]; then
  python3 - "$DOC" "$N" "$D/section.md" "${*:-default}" <<'PY'
import sys, re
doc, n, section, variant = sys.argv[1], sys.argv[2], open(sys.argv[3]).read(), sys.argv[4]
tag = f"scim-bench results: {n} users, server {variant}"
text = open(doc).read()
block = f"<!-- {tag} -->\n{section}<!-- /{tag} -->\n"
pattern = re.compile(re.escape(f"<!-- {tag} -->") + ".*?" + re.escape(f"<!-- /{tag} -->") + "\n", re.S)
if pattern.search(text):
    text = pattern.sub(lambda m: block, text)
else:
    marker = "<!-- scim-bench results end -->"
    text = text.replace(marker, block + "\n" + marker) if marker in text else text + "\n" + block
open(doc, "w").write(text)
print("results written to", doc)
PY
fi
