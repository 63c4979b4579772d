#!/bin/bash
# Delta-sync benchmark through the real CLI: OpenLDAP slapd with syncprov (bench/scale/gen-ldif.py:
# 500 OUs, 1,000 groupOfNames, 3 groups per user) → `java -jar target/dirsync.jar sync` with
# `source.delta` → the sandbox in its own process. Rounds: (1) first sync (full: no saved position),
# (2) quiet delta, (3) K1 users changed, (4) K2 users changed, (5) one user disabled, (6) quiet delta again.
#   bench/delta/run.sh [USERS=100000] [K1=100] [K2=1000]     (K = 0 skips that round)
# INCLUDE="uid =$ '00'" syncs only the users the expression matches (1 %): every user of the source is
# still read and remembered (the source-side cost of a delta run), the pool holds the included ones.
# HEAP=1g (dirsync's -Xmx); the sandbox runs in memory with -Xmx3g. Needs slapd, ldap-utils, python3, java 17, target/dirsync.jar (./dirsync builds it).
set -euo pipefail
N=${1:-100000}; K1=${2:-100}; K2=${3:-1000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HEAP=${HEAP:-1g}
D=$(mktemp -d /tmp/dirsync-delta-XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -INT "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done; done
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; sleep 1; kill -KILL "$p" 2>/dev/null || true; done
  rm -rf "$D"
}
trap cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
[ -f "$ROOT/target/dirsync.jar" ] || (cd "$ROOT" && mvn -B -q -o -Dmaven.test.skip=true package)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min, $(nproc) CPUs); $N users, K = $K1, $K2"

mkdir -p "$D/data"
cat > "$D/slapd.conf" <<CONF
include   /etc/ldap/schema/core.schema
include   /etc/ldap/schema/cosine.schema
include   /etc/ldap/schema/nis.schema
include   /etc/ldap/schema/inetorgperson.schema
pidfile   $D/slapd.pid
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload syncprov
sizelimit unlimited
loglevel  none
database  mdb
suffix    "dc=bench,dc=example"
rootdn    "cn=admin,dc=bench,dc=example"
rootpw    secret
directory $D/data
maxsize   8589934592
dbnosync
index     objectClass eq
index     entryCSN,entryUUID eq
overlay   syncprov
syncprov-checkpoint 1000 10
syncprov-sessionlog 10000
CONF
python3 "$ROOT/bench/scale/gen-ldif.py" "$N" > "$D/bench.ldif"
/usr/sbin/slapadd -q -w -f "$D/slapd.conf" -l "$D/bench.ldif"; rm "$D/bench.ldif"
LPORT=$(free_port)
nohup /usr/sbin/slapd -f "$D/slapd.conf" -h "ldap://127.0.0.1:$LPORT/" -d 0 > "$D/slapd.log" 2>&1 < /dev/null &
PIDS+=($!)
for _ in $(seq 1 100); do ldapsearch -x -H "ldap://127.0.0.1:$LPORT/" -s base -b "" >/dev/null 2>&1 && break; sleep 0.1; done
SPORT=$(free_port)
nohup java -Xmx3g -jar "$ROOT/target/dirsync.jar" sandbox --port "$SPORT" \
  --user-pool-id bench-pool --secret bench-secret > "$D/sandbox.log" 2>&1 < /dev/null &
PIDS+=($!)
for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$SPORT/" && break; sleep 0.2; done

cat > "$D/dirsync.yaml" <<CFG
state:
  url: jdbc:h2:file:$D/state/state
reports: $D/reports
jobs:
  - name: bench
    source:
      type: ldap
      urls: [ldap://127.0.0.1:$LPORT]
      bindDn: cn=admin,dc=bench,dc=example
      bindPassword: secret
      pageSize: 500
      users: {baseDn: "ou=Departments,dc=bench,dc=example", filter: "(objectClass=inetOrgPerson)"}
      groups: {baseDn: "ou=Groups,dc=bench,dc=example", filter: "(objectClass=groupOfNames)"}
      departments: {baseDn: "ou=Departments,dc=bench,dc=example", filter: "(objectClass=organizationalUnit)"}
      delta: {fullEvery: 24h}
    mapping: $D/mapping.yaml
    target: {type: authing, host: "http://127.0.0.1:$SPORT", userPoolId: bench-pool, secret: bench-secret, orgCode: bench}
    removal: {action: block, maxDeletes: 1000000, maxDeletePercent: 100}
    apply: {concurrency: 8}
CFG

if [ -n "${INCLUDE:-}" ]; then
  sed "s|^  include: .*|  include: \"has(objectClass, 'inetOrgPerson') \&\& ${INCLUDE}\"|" "$ROOT/bench/delta/mapping.yaml" > "$D/mapping.yaml"
else
  cp "$ROOT/bench/delta/mapping.yaml" "$D/mapping.yaml"
fi
grep '^  include' "$D/mapping.yaml"
L="-x -H ldap://127.0.0.1:$LPORT -D cn=admin,dc=bench,dc=example -w secret"
change() { # FIRST COUNT ATTRIBUTE VALUE [FILTER]: replace ATTRIBUTE on users FIRST..FIRST+COUNT-1 (in search order)
  ldapsearch $L -LLL -E pr=1000/noprompt -b ou=Departments,dc=bench,dc=example "${5:-(objectClass=inetOrgPerson)}" 1.1 \
    | grep '^dn: ' | sed -n "$(($1 + 1)),$(($1 + $2))p" \
    | awk -v a="$3" -v v="$4" '{print; print "changetype: modify"; print "replace: " a; print a ": " v; print ""}' > "$D/change.ldif"
  ldapmodify $L -f "$D/change.ldif" > /dev/null
}
round() { # NAME
  /usr/bin/time -f "%e %U %S %M" -o "$D/time.txt" java -Xmx"$HEAP" -jar "$ROOT/target/dirsync.jar" sync \
    -c "$D/dirsync.yaml" --report "$D/$1.json" > "$D/$1.txt" 2>&1 || { echo "dirsync exit $? in $1"; tail -5 "$D/$1.txt"; }
  python3 - "$1" "$D/$1.json" "$D/time.txt" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import json, re, sys
name, report, times, load = sys.argv[1:5]
r = json.load(open(report))
def s(t):
    m = re.match(r'PT(?:(\d+)H)?(?:(\d+)M)?([\d.]+)S', t); return int(m.group(1) or 0)*3600 + int(m.group(2) or 0)*60 + float(m.group(3))
t = {k: round(s(v), 2) for k, v in r['timings'].items()}
wall, user, sys_, rss = open(times).read().split()
calls = r['apiCalls']
print(f"{name}: {r['outcome']}, {sum(calls.values())} API calls {dict(sorted(calls.items()))}; {r['message']}")
print(f"   stages {t}; process wall {wall} s, CPU {float(user)+float(sys_):.1f} s, max RSS {int(rss)//1024} MB; load {load}")
PY
}

round full
round quiet
if [ "$K1" -gt 0 ]; then change 0 "$K1" title "Changed $K1"; round "k$K1"; fi
if [ "$K2" -gt 0 ]; then change "$K1" "$K2" title "Changed $K2"; round "k$K2"; fi
change 0 1 employeeType Disabled "(uid=u0000100)"
round disable
round quiet2
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
