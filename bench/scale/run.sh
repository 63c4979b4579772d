#!/bin/bash
# Scale benchmark through the real CLI: OpenLDAP slapd (500 OUs, 1,000 groupOfNames, 3 groups per
# user) → the `dirsync` launcher (DIRSYNC_JAVA_OPTS=-Xmx256m; its own JIT/GC flags and CDS archive) →
# the sandbox in its own process.
#   bench/scale/run.sh read [USERS=100000] [ROUNDS=3]   read ratio vs ldapsearch, side by side, alternating, with
#                                                       the floor: the same searches by the UnboundID SDK alone (RawRead.java)
#   bench/scale/run.sh memory [USERS=100000]            first, no-change, 1 % change and no-change sync from slapd under
#                                                       -Xmx$HEAP (256m): calls, CPU, RSS, most live heap (GC log)
#   bench/scale/run.sh apply [USERS=2000]               first sync vs --latency 50 --rate-limit 200 (default concurrency)
#   bench/scale/run.sh embedded [USERS=20000]           dry run from the embedded demo source (LDIF)
#   bench/scale/run.sh million [USERS=1000000]          `dirsync plan` of the embedded source against the empty pool,
#                                                       HEAP=1g by default; GC log for the live heap after collections,
#                                                       HISTO=60: a class histogram (live heap) every 60 s
# HEAP=256m (dirsync's -Xmx). Needs slapd, ldap-utils, python3, java 17, target/dirsync.jar (./dirsync builds it).
set -euo pipefail
MODE=${1:-read}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MODE_HEAP=256m; [ "$MODE" = million ] && MODE_HEAP=1g
HEAP=${HEAP:-$MODE_HEAP}
D=$(mktemp -d /tmp/dirsync-scale-XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -INT "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done; done
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; sleep 2; kill -KILL "$p" 2>/dev/null || true; done
  rm -rf "$D"
}
trap cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
secs() { /usr/bin/python3 -c "import re,sys; m=re.match(r'PT(?:(\d+)H)?(?:(\d+)M)?([\d.]+)S', sys.argv[1]); print(int(m.group(1) or 0)*3600+int(m.group(2) or 0)*60+float(m.group(3)))" "$1"; }
[ -f "$ROOT/target/dirsync.jar" ] || (cd "$ROOT" && mvn -B -q -Dmaven.test.skip=true package)
"$ROOT/dirsync" --version > /dev/null  # builds the jar if needed
DIRSYNC=("$ROOT/dirsync")
export DIRSYNC_JAVA_OPTS="-Xmx$HEAP ${DIRSYNC_JAVA_OPTS:-}"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min, $(nproc) CPUs)"

start_sandbox() { # PORT [sandbox options…]
  local port=$1; shift
  nohup java -Xmx3g -jar "$ROOT/target/dirsync.jar" sandbox --port "$port" --data "$D/sandbox-$port" \
    --user-pool-id bench-pool --secret bench-secret "$@" > "$D/sandbox-$port.log" 2>&1 < /dev/null &
  PIDS+=($!)
  for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0; sleep 0.2; done
  echo "sandbox did not start"; cat "$D/sandbox-$port.log"; exit 1
}

write_config() { # FILE SOURCE_YAML SANDBOX_PORT RATE
  cat > "$1" <<CFG
state:
  url: jdbc:h2:file:$D/state-$3/state
reports: $D/reports
jobs:
  - name: bench
    source:
$2
      pageSize: 500
      users: {baseDn: "ou=Departments,dc=bench,dc=example", filter: "(objectClass=inetOrgPerson)"}
      groups: {baseDn: "ou=Groups,dc=bench,dc=example", filter: "(objectClass=groupOfNames)"}
      departments: {baseDn: "ou=Departments,dc=bench,dc=example", filter: "(objectClass=organizationalUnit)"}
    mapping: $ROOT/bench/sync/mapping.yaml
    target: {type: authing, host: "http://127.0.0.1:$3", userPoolId: bench-pool, secret: bench-secret, orgCode: bench}
    removal: {action: block, maxDeletes: 1000000, maxDeletePercent: 100}
    apply: {requestsPerSecond: $4}
CFG
}

embedded_setup() { # USERS: an LDIF of USERS users, the sandbox, and $D/dirsync.yaml reading the LDIF (embedded source); sets SPORT
  python3 "$ROOT/bench/scale/gen-ldif.py" "$1" > "$D/bench.ldif"
  SPORT=$(free_port); start_sandbox "$SPORT"
  write_config "$D/dirsync.yaml" "      type: ldap
      embedded: {ldif: [$D/bench.ldif]}" "$SPORT" 0
}

slapd_load() { # VERSION: gen-ldif.py $N VERSION loaded into $D/data by slapadd (slapd stopped)
  rm -rf "$D/data"; mkdir -p "$D/data"
  python3 "$ROOT/bench/scale/gen-ldif.py" "$N" "$1" > "$D/bench.ldif"
  T0=$(date +%s.%N); /usr/sbin/slapadd -q -w -f "$D/slapd.conf" -l "$D/bench.ldif"; rm "$D/bench.ldif"
  echo "slapadd (version $1): $(echo "$(date +%s.%N) - $T0" | bc) s"
}

slapd_start() { # slapd on $LPORT (picked once)
  LPORT=${LPORT:-$(free_port)}
  nohup /usr/sbin/slapd -f "$D/slapd.conf" -h "ldap://127.0.0.1:$LPORT/" -d 0 > "$D/slapd.log" 2>&1 < /dev/null &
  SLAPD=$!; PIDS+=($SLAPD)
  for _ in $(seq 1 100); do ldapsearch -x -H "ldap://127.0.0.1:$LPORT/" -s base -b "" >/dev/null 2>&1 && break; sleep 0.1; done
}

slapd_stop() {
  kill -INT "$SLAPD"; for _ in $(seq 1 100); do kill -0 "$SLAPD" 2>/dev/null || break; sleep 0.1; done
}

slapd_setup() { # $N users in slapd (version 0), the sandbox, and $D/dirsync.yaml reading slapd; sets LPORT, SPORT
  cat > "$D/slapd.conf" <<CONF
include   /etc/ldap/schema/core.schema
include   /etc/ldap/schema/cosine.schema
include   /etc/ldap/schema/nis.schema
include   /etc/ldap/schema/inetorgperson.schema
pidfile   $D/slapd.pid
modulepath /usr/lib/ldap
moduleload back_mdb
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
CONF
  slapd_load 0
  slapd_start
  SPORT=$(free_port); start_sandbox "$SPORT"
  write_config "$D/dirsync.yaml" "      type: ldap
      urls: [ldap://127.0.0.1:$LPORT]
      bindDn: cn=admin,dc=bench,dc=example
      bindPassword: secret" "$SPORT" 0
}

memory_run() { # NAME: one sync with the GC log; calls, wall, CPU, RSS and the most live heap after a full collection
  local code=0
  DIRSYNC_JAVA_OPTS="$DIRSYNC_JAVA_OPTS -Xlog:gc:file=$D/gc-$1.log:uptime" /usr/bin/time -f "%e %U %S %M" -o "$D/time-$1.txt" \
    "${DIRSYNC[@]}" sync -c "$D/dirsync.yaml" --report "$D/$1.json" > "$D/out-$1.txt" 2>&1 || code=$?
  python3 - "$1" "$code" "$D/$1.json" "$D/time-$1.txt" "$D/gc-$1.log" <<'PY'
import json, re, sys
name, code, report, times, gc = sys.argv[1:]
r = json.load(open(report)); wall, user, sys_, rss = open(times).read().split()[-4:]
lines = open(gc).read().splitlines()
full = [int(m.group(1)) for m in (re.search(r'Pause Full.*?\d+M->(\d+)M', l) for l in lines) if m]
cap = [m.group(1) for m in (re.search(r'\((\d+)M\)', l) for l in lines) if m][-1:] or ['?']
ops = {k: sum(v.values()) for k, v in r['counts'].items()}
print(f"{name}: exit {code}, outcome {r['outcome']}, {sum(r['apiCalls'].values())} calls, wall {wall} s, CPU {float(user)+float(sys_):.1f} s, "
      f"max RSS {int(rss)//1024} MB, most live after a full collection {max(full) if full else '-'} MB of {cap[0]} ({len(full)} full), operations {ops}")
PY
}

if [ "$MODE" = read ]; then
  N=${2:-100000}; ROUNDS=${3:-3}
  slapd_setup
  L="ldapsearch -x -LLL -H ldap://127.0.0.1:$LPORT -D cn=admin,dc=bench,dc=example -w secret -E pr=500/noprompt"
  ENTRIES=$((N + 1000 + 501))
  # not counted: the first sync after a build writes the launcher's CDS archive (see ./dirsync)
  "${DIRSYNC[@]}" sync --dry-run -c "$D/dirsync.yaml" --report "$D/r0.json" > "$D/out0.txt" 2>&1 || { echo "warm-up exit $?"; tail -5 "$D/out0.txt"; }
  for r in $(seq 1 "$ROUNDS"); do
    T0=$(date +%s.%N)
    C=$( { $L -b ou=Departments,dc=bench,dc=example '(objectClass=organizationalUnit)'; \
           $L -b ou=Groups,dc=bench,dc=example '(objectClass=groupOfNames)'; \
           $L -b ou=Departments,dc=bench,dc=example '(objectClass=inetOrgPerson)'; } | grep -c '^dn: ' || true)
    LS=$(echo "$(date +%s.%N) - $T0" | bc)
    /usr/bin/time -f "%e %U %S %M" -o "$D/time.txt" "${DIRSYNC[@]}" sync --dry-run \
      -c "$D/dirsync.yaml" --report "$D/r$r.json" > "$D/out$r.txt" 2>&1 || { echo "dirsync exit $?"; tail -5 "$D/out$r.txt"; }
    RS=$(secs "$(python3 -c "import json;print(json.load(open('$D/r$r.json'))['timings']['read'])")")
    # the floor: the same searches with the UnboundID SDK alone (no mapping), cold JVM, the launcher's flags
    read -r RC RAW < <(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx$HEAP -cp "$ROOT/target/dirsync.jar" \
      "$ROOT/bench/scale/RawRead.java" "$LPORT" cn=admin,dc=bench,dc=example secret 500)
    echo "round $r: ldapsearch $C entries in $LS s ($(echo "$C / $LS" | bc) /s) | dirsync read $ENTRIES entries in $RS s ($(echo "$ENTRIES / $RS" | bc) /s) | ratio $(echo "scale=3; $LS / $RS" | bc) | UnboundID alone, no mapping: $RC entries in $RAW s, ratio $(echo "scale=3; $LS / $RAW" | bc) | dirsync process wall/user/sys s, max RSS KB: $(cat "$D/time.txt") | exit 0 under -Xmx$HEAP"
  done
elif [ "$MODE" = memory ]; then
  # every kind of sync, one after another on one pool: first, no change, 1 % change (version 1 of the directory), no change
  N=${2:-100000}
  slapd_setup
  # not counted: the first sync after a build writes the launcher's CDS archive (see ./dirsync)
  "${DIRSYNC[@]}" sync --dry-run -c "$D/dirsync.yaml" > "$D/out-warm.txt" 2>&1 || { echo "warm-up exit $?"; tail -5 "$D/out-warm.txt"; }
  memory_run first
  memory_run no-change
  slapd_stop; slapd_load 1; slapd_start
  memory_run one-percent
  memory_run no-change-after
elif [ "$MODE" = embedded ]; then
  N=${2:-20000}
  embedded_setup "$N"
  /usr/bin/time -f "%e %U %S %M" -o "$D/time.txt" "${DIRSYNC[@]}" sync --dry-run -c "$D/dirsync.yaml" \
    --report "$D/e.json" > "$D/out.txt" 2>&1 || { echo "dirsync exit $?"; tail -5 "$D/out.txt"; }
  python3 - "$D/e.json" "$D/time.txt" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
def s(t):
    m = re.match(r'PT(?:(\d+)H)?(?:(\d+)M)?([\d.]+)S', t); return int(m.group(1) or 0)*3600 + int(m.group(2) or 0)*60 + float(m.group(3))
wall, user, sys_, rss = open(sys.argv[2]).read().split()[-4:]
print(f"embedded dry run: outcome {r['outcome']}, {r['sourceUsers']} users, stages { {k: round(s(v), 2) for k, v in r['timings'].items()} }")
print(f"dirsync process: wall {wall} s, CPU {float(user)+float(sys_):.1f} s, max RSS {rss} KB")
PY
elif [ "$MODE" = million ]; then
  N=${2:-1000000}
  embedded_setup "$N"
  # `plan` prints the whole plan (a table of every operation) to stdout; stage boundaries come from
  # the progress log lines (one every 5 s, with their stage), the live heap from the GC log
  # not counted: the first plan after a build writes the launcher's CDS archive (see ./dirsync)
  python3 "$ROOT/bench/scale/gen-ldif.py" 1000 > "$D/warm.ldif"
  sed "s|$D/bench.ldif|$D/warm.ldif|; s|state-$SPORT/state|warm/state|" "$D/dirsync.yaml" > "$D/warm.yaml"
  "${DIRSYNC[@]}" plan -c "$D/warm.yaml" > "$D/warm.txt" 2>&1 || { echo "warm-up exit $?"; tail -5 "$D/warm.txt"; }
  # HISTO=S: every S seconds a class histogram (a full collection: the live heap at that moment)
  T0=$(date +%s.%N)
  set +e
  DIRSYNC_JAVA_OPTS="$DIRSYNC_JAVA_OPTS -Xlog:gc:file=$D/gc.log:uptime" /usr/bin/time -f "%e %U %S %M" -o "$D/time.txt" \
    "${DIRSYNC[@]}" plan -c "$D/dirsync.yaml" > "$D/plan.txt" 2> "$D/err.txt" &
  RUN=$!
  if [ -n "${HISTO:-}" ]; then
    i=0
    while kill -0 "$RUN" 2>/dev/null; do
      sleep "$HISTO"
      JP=$(pgrep -f "dirsync.jar plan -c $D/dirsync.yaml" | head -1) || continue
      STAGE=$(grep -o '"message":"progress [a-z]*: [0-9]*' "$D/err.txt" | tail -1 | cut -d' ' -f2-)
      jcmd "$JP" GC.class_histogram > "$D/h$i.txt" 2>/dev/null || continue
      echo "histogram $i at $(date -u +%T) ($STAGE; $(awk '$4 == "io.dirsync.model.DesiredUser" {print $2}' "$D/h$i.txt") desired users): live $(( $(tail -1 "$D/h$i.txt" | awk '{print $3}') / 1048576 )) MB"
      i=$((i + 1))
    done
    BIG=$(for f in "$D"/h*.txt; do echo "$(tail -1 "$f" | awk '{print $3}') $f"; done | sort -n | tail -1 | cut -d' ' -f2)
    [ -n "$BIG" ] && { echo "largest histogram:"; head -16 "$BIG" | tail -13; tail -1 "$BIG"; }
  fi
  wait "$RUN"
  CODE=$?
  set -e
  echo "dirsync plan: exit $CODE; $(head -1 "$D/plan.txt" | cut -c1-300)"
  [ "$CODE" = 0 ] || tail -5 "$D/err.txt"
  echo "plan output: $(wc -l < "$D/plan.txt") lines, $(du -m "$D/plan.txt" | cut -f1) MB"
  grep '^skipped ' "$D/plan.txt" | head -5 || true
  python3 - "$D/time.txt" "$D/gc.log" "$D/err.txt" "$T0" <<'PY'
import re, sys, datetime
wall, user, sys_, rss = open(sys.argv[1]).read().split()[-4:]
print(f"dirsync process: wall {wall} s, CPU {float(user)+float(sys_):.1f} s, max RSS {int(rss)//1024} MB")
full, young, cap = [], [], None
for line in open(sys.argv[2]):
    m = re.search(r'\[([\d.]+)s\].*Pause (Full|Young).*?(\d+)M->(\d+)M\((\d+)M\)', line)
    if m:
        (full if m.group(2) == 'Full' else young).append((float(m.group(1)), int(m.group(4))))
        cap = int(m.group(5))
pauses = [float(m.group(1)) for m in (re.search(r'Pause (?:Full|Young).* ([\d.]+)ms$', l.strip()) for l in open(sys.argv[2])) if m]
if pauses: print(f"GC pauses: longest {max(pauses):.0f} ms, total {sum(pauses)/1000:.1f} s")
if full:
    t, mb = max(full, key=lambda x: x[1])
    print(f"GC: {len(full)} full collections, most live heap after a full collection {mb} MB (at {t:.0f} s of the JVM) of {cap} MB; {len(young)} young")
else:
    print(f"GC: no full collection; {len(young)} young, heap after the last {young[-1][1] if young else '-'} MB of {cap} MB")
# stage boundaries: the first progress line of each stage (log lines carry an ISO time)
first = {}
for line in open(sys.argv[3]):
    m = re.search(r'(\d\d:\d\d:\d\d)[.,\d]*.*progress (\w+):', line)
    if m and m.group(2) not in first: first[m.group(2)] = m.group(1)
print("first progress line of each stage (5 s resolution):", first)
PY
else
  N=${2:-2000}
  python3 "$ROOT/bench/scale/gen-ldif.py" "$N" > "$D/bench.ldif"
  SPORT=$(free_port); start_sandbox "$SPORT" --latency 50 --rate-limit 200
  write_config "$D/dirsync.yaml" "      type: ldap
      embedded: {ldif: [$D/bench.ldif]}" "$SPORT" 200
  # not counted: the first sync after a build writes the launcher's CDS archive (see ./dirsync)
  "${DIRSYNC[@]}" sync --dry-run -c "$D/dirsync.yaml" --report "$D/warm.json" > "$D/out-warm.txt" 2>&1 || { echo "warm-up exit $?"; tail -5 "$D/out-warm.txt"; }
  # the same run without the apply (read, look-up against the empty pool, plan): its CPU is taken off the
  # first sync's to give dirsync's own CPU per applied call
  /usr/bin/time -f "%e %U %S %M" -o "$D/time-dry.txt" "${DIRSYNC[@]}" sync --dry-run \
    -c "$D/dirsync.yaml" --report "$D/dry.json" > "$D/out-dry.txt" 2>&1 || { echo "dirsync exit $?"; tail -5 "$D/out-dry.txt"; }
  /usr/bin/time -f "%e %U %S %M" -o "$D/time.txt" "${DIRSYNC[@]}" sync \
    -c "$D/dirsync.yaml" --report "$D/first.json" > "$D/out.txt" 2>&1 || { echo "dirsync exit $?"; tail -5 "$D/out.txt"; }
  python3 - "$D/first.json" "$D/time.txt" "$D/time-dry.txt" "$D/dry.json" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
def s(t):
    m = re.match(r'PT(?:(\d+)H)?(?:(\d+)M)?([\d.]+)S', t); return int(m.group(1) or 0)*3600 + int(m.group(2) or 0)*60 + float(m.group(3))
calls = sum(r['apiCalls'].values()); t = {k: s(v) for k, v in r['timings'].items()}
wall, user, sys_, rss = open(sys.argv[2]).read().split()[-4:]
print(f"first sync: outcome {r['outcome']}, {calls} API calls, stages {t}")
print(f"calls/rate = {calls/200:.1f} s; whole run (read+lookup+plan+apply) {sum(t.values()):.1f} s = {sum(t.values())/(calls/200):.2f} x; apply {t.get('apply',0):.1f} s")
print(f"dirsync process: wall {wall} s, CPU {float(user)+float(sys_):.1f} s = {1000*(float(user)+float(sys_))/calls:.2f} ms per call (everything included); max RSS {rss} KB")
dwall, duser, dsys, drss = open(sys.argv[3]).read().split()[-4:]
dry = float(duser) + float(dsys); applied = sum(v.get('APPLIED', 0) for v in r['counts'].values())
apply_calls = calls - sum(json.load(open(sys.argv[4]))['apiCalls'].values())  # less what the dry run also calls
print(f"dry run of the same directory: CPU {dry:.1f} s; apply CPU = {float(user)+float(sys_)-dry:.1f} s over {apply_calls} apply calls"
      f" = {1000*(float(user)+float(sys_)-dry)/apply_calls:.3f} ms per call ({applied} operations applied)")
PY
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
