#!/bin/bash
# Benchmark: dirsync's LdapSource vs ldapsearch reading N users from a throwaway OpenLDAP slapd.
# usage: bench/ldap/run.sh [USERS=100000] [PAGE=500]   (run from anywhere; needs slapd, ldap-utils, openssl, mvn)
# Results go to stdout; docs/benchmarks-ldap.md records a run.
set -euo pipefail
N=${1:-100000}
PAGE=${2:-500}
HEAP=${HEAP:-64m}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
D=$(mktemp -d /tmp/dirsync-bench-XXXXXX)
PID=""
cleanup() {
  if [ -n "$PID" ]; then
    kill -INT "$PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$D"
}
trap cleanup EXIT

# --- slapd config (TESTING.md, NOSYNC=1: dbnosync) ---
mkdir -p "$D/data"
cat > "$D/slapd.conf" <<CONF
include   /etc/ldap/schema/core.schema
include   /etc/ldap/schema/cosine.schema
include   /etc/ldap/schema/nis.schema
include   /etc/ldap/schema/inetorgperson.schema
pidfile   $D/slapd.pid
argsfile  $D/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
sizelimit unlimited
loglevel  none
database  mdb
suffix    "dc=example,dc=org"
rootdn    "cn=admin,dc=example,dc=org"
rootpw    secret
directory $D/data
maxsize   4294967296
dbnosync
index     objectClass eq
index     uid,mail,employeeNumber eq
index     cn,sn eq,sub
CONF

# --- N inetOrgPerson users, loaded offline ---
echo "generating $N users"
awk -v n="$N" 'BEGIN {
  print "dn: dc=example,dc=org\nobjectClass: domain\ndc: example\n"
  print "dn: ou=People,dc=example,dc=org\nobjectClass: organizationalUnit\nou: People\n"
  for (i = 0; i < n; i++) {
    printf "dn: uid=user%06d,ou=People,dc=example,dc=org\nobjectClass: inetOrgPerson\nuid: user%06d\n", i, i
    printf "cn: User %06d\nsn: Surname%06d\ngivenName: Given%06d\ndisplayName: User Number %06d\n", i, i, i, i
    printf "mail: user%06d@example.org\nmobile: +86 138%08d\nemployeeNumber: %06d\ntitle: Engineer\n", i, i, i
    printf "departmentNumber: D%03d\n\n", i % 200
  }
}' > "$D/users.ldif"
T0=$(date +%s.%N)
/usr/sbin/slapadd -q -w -f "$D/slapd.conf" -l "$D/users.ldif"
echo "slapadd -q -w: $(echo "$(date +%s.%N) - $T0" | bc) s"
rm "$D/users.ldif"

PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
nohup /usr/sbin/slapd -f "$D/slapd.conf" -h "ldap://127.0.0.1:$PORT/" -d 0 > "$D/slapd.log" 2>&1 < /dev/null &
PID=$!
for i in $(seq 1 100); do
  ldapsearch -x -H "ldap://127.0.0.1:$PORT/" -s base -b "" namingContexts >/dev/null 2>&1 && break
  [ "$i" = 100 ] && { echo "slapd did not start"; cat "$D/slapd.log"; exit 1; }
  sleep 0.1
done
URL="ldap://127.0.0.1:$PORT"

# --- ldapsearch: same search, same page size, all user attributes ---
for round in 1 2 3; do
  T0=$(date +%s.%N)
  COUNT=$(ldapsearch -x -LLL -H "$URL" -D cn=admin,dc=example,dc=org -w secret -b ou=People,dc=example,dc=org \
      -E pr="$PAGE"/noprompt '(objectClass=inetOrgPerson)' '*' | grep -c '^dn: ' || true)
  SECS=$(echo "$(date +%s.%N) - $T0" | bc)
  echo "ldapsearch round $round: $COUNT entries in $SECS s = $(echo "$COUNT / $SECS" | bc) entries/s"
done

# --- dirsync ---
cd "$ROOT"
[ -f target/cp.txt ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
mvn -B -q -DskipTests test-compile
java -Xmx"$HEAP" -cp "target/classes:target/test-classes:$(cat target/cp.txt)" io.dirsync.source.ldap.LdapReadBench \
  "$URL" cn=admin,dc=example,dc=org secret ou=People,dc=example,dc=org "$PAGE" 3
