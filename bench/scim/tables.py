#!/usr/bin/env python3
"""Markdown results of bench/scim/run.sh: calls per run from the server's count and the run report,
next to the lower bound computed from the two generated LDIF versions (not from dirsync's plan).
usage: tables.py USERS DIR LOAD SECONDS COMMAND BATCH BULK (BULK: users per bulk request, 0 = no bulk)"""
import json, math, sys, datetime

N, D, LOAD, SECONDS, COMMAND, BATCH, BULK = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]), int(sys.argv[7])
CHUNK = 80  # users per membership call (the plan's operations)

def parse(path):
    entries, cur = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if cur: entries.append(cur)
            cur = None
            continue
        k, v = line.split(": ", 1)
        cur = cur or {}
        cur.setdefault(k, []).append(v)
    if cur: entries.append(cur)
    users = {e["employeeNumber"][0]: e for e in entries if "inetOrgPerson" in e.get("objectClass", [])}
    groups = {e["cn"][0]: set(e.get("member", [])) for e in entries if "groupOfNames" in e.get("objectClass", [])}
    ous = [e["dn"][0] for e in entries if "organizationalUnit" in e.get("objectClass", []) and ",ou=Departments," in e["dn"][0]]
    return users, groups, ous

u0, g0, d0 = parse(f"{D}/v0.ldif")
u1, g1, d1 = parse(f"{D}/v1.ldif")
lookups = math.ceil(N / BATCH)
teams = {}
for u in u0.values():
    teams.setdefault(u["dn"][0].split(",", 1)[1], []).append(u)
children = sum(1 for dn in d0 if dn.count(",ou=") >= 2)  # teams under a division
first_members = sum(math.ceil(len(m) / CHUNK) for m in g0.values()) + sum(math.ceil(len(m) / CHUNK) for m in teams.values())
creates = math.ceil(len(u0) / BULK) if BULK else len(u0)
first = lookups + creates + len(g0) + len(d0) + children + first_members
changed = sum(1 for k, u in u1.items() if {a: v for a, v in u.items() if a != "dn"} != {a: v for a, v in u0[k].items() if a != "dn"})
dn0 = {u["dn"][0]: k for k, u in u0.items()}
switch_calls = 0
for g in g1:
    added, removed = g1[g] - g0[g], g0[g] - g1[g]
    switch_calls += math.ceil(len(added) / CHUNK) + math.ceil(len(removed) / CHUNK)
change = lookups + changed + switch_calls
bounds = {"first": first, "nochange": lookups, "change": change}
what = {
    "first": f"{len(u0):,} users created (custom data and main department each; {creates:,} {'bulk requests' if BULK else 'creates'}), {len(g0)} groups and {len(d0)} departments created, "
             f"{children} department parent links, {sum(len(m) for m in g0.values()) + len(u0):,} memberships in {first_members:,} calls of ≤ {CHUNK}",
    "nochange": "no change",
    "change": f"{changed} users changed (phone or title), {switch_calls} group membership calls for {sum(len(g1[g] - g0[g]) for g in g1)} group switches",
}
runs = [("first", "first sync"), ("nochange", "no-change sync"), ("change", "1 % change sync")]
reports = {k: json.load(open(f"{D}/{k}.json")) for k, _ in runs}
stats = {k: json.load(open(f"{D}/{k}.stats.json")) for k, _ in runs}
secs = {k: open(f"{D}/{k}.seconds").read().strip() for k, _ in runs}
loads = {k: open(f"{D}/{k}.load").read().strip() for k, _ in runs}
out = []
PATCH = "--no-patch" not in COMMAND
out.append(f"### {N:,} users, SCIM server: {'bulk of ' + str(BULK) if BULK else 'no bulk'}, {'PATCH' if PATCH else 'no PATCH (GET + PUT)'}, filter maxResults {'≥ 80' if BATCH == 80 else BATCH}\n")
out.append(f"{datetime.date.today()}; command `{COMMAND}`; load before the run: {LOAD} (1/5/15 min, 2 CPUs); whole bench {SECONDS} s. "
           f"Look-up batch {BATCH} (the server's filter maxResults, at most 80).\n")
out.append("| run | real changes | HTTP requests (server count) | client count (report `apiCalls`) | look-ups (`GET /Users`) | writes | lower bound | actual ÷ lower bound | outcome | wall time | load after (1/5/15 min) |")
out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |")
for k, name in runs:
    s = stats[k]
    total = sum(s.values())
    client = sum(reports[k].get("apiCalls", {}).values())
    writes = sum(v for op, v in s.items() if not op.startswith("GET "))
    out.append(f"| {name} | {what[k]} | **{total:,}** | {client:,} | {s.get('GET /Users', 0):,} | {writes:,} | {bounds[k]:,} | "
               f"**{total / bounds[k]:.3f}** | {reports[k].get('outcome', '?')} | {secs[k]} s | {loads[k]} |")
out.append("")
out.append("Requests by method and endpoint (server count):\n")
ops = sorted(set().union(*[set(s) for s in stats.values()]))
out.append("| request | first sync | no-change sync | 1 % change sync |")
out.append("| --- | ---: | ---: | ---: |")
for op in ops:
    out.append(f"| `{op}` | " + " | ".join(f"{stats[k].get(op, 0):,}" for k, _ in runs) + " |")
print("\n".join(out))
