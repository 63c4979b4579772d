#!/bin/bash
# Starts the SCIM test server (scim-sdk-server with in-memory storage, from the test sources) in the
# foreground on 127.0.0.1, for the demo and for trying dirsync against SCIM. Ctrl-C stops it.
# usage: bench/scim/server.sh [--port 8090] [--no-patch] [--no-bulk] [--max-results N] [--token T] [--no-groups] [--no-enterprise]
#   then: ./dirsync sync -c config/examples/scim/dirsync.yaml
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
F=$(mktemp /tmp/dirsync-scim-cp-XXXXXX)
mvn -B -o -q -Dmaven.test.skip=false test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$F" > /dev/null
CP=$(cat "$F"); rm -f "$F"
ARGS=("$@")
[[ " $* " == *" --port "* ]] || ARGS=(--port 8090 "${ARGS[@]}")
exec java -cp "target/classes:target/test-classes:$CP" io.dirsync.directory.scim.ScimTestServer "${ARGS[@]}" 2> /dev/null
