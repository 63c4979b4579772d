#!/usr/bin/env python3
"""Writes a synthetic directory for the SCIM sync benchmark to stdout (deterministic).
usage: gen-ldif.py USERS VERSION   (VERSION 1 = the 1 % change: phone of i%200==37, title of
i%200==137, one group switched for i%1000==812)"""
import sys

N, V = int(sys.argv[1]), int(sys.argv[2])
BASE = "dc=bench,dc=example"
DIVISIONS, TEAMS, GROUPS = 10, 10, 200
TITLES = ["Engineer", "Analyst", "Designer", "Accountant", "Manager", "Sales Representative"]
out = sys.stdout
out.write(f"dn: {BASE}\nobjectClass: domain\ndc: bench\n\n")
out.write(f"dn: ou=Departments,{BASE}\nobjectClass: organizationalUnit\nou: Departments\n\n")
out.write(f"dn: ou=Groups,{BASE}\nobjectClass: organizationalUnit\nou: Groups\n\n")
for d in range(DIVISIONS):
    out.write(f"dn: ou=Division {d:02},ou=Departments,{BASE}\nobjectClass: organizationalUnit\nou: Division {d:02}\n\n")
    for t in range(TEAMS):
        out.write(f"dn: ou=Team {t:02},ou=Division {d:02},ou=Departments,{BASE}\nobjectClass: organizationalUnit\nou: Team {t:02}\n\n")

def groups_of(i):
    g = [(i * 7) % GROUPS, (i * 13 + 5) % GROUPS]
    if g[1] == g[0]:
        g[1] = (g[1] + 1) % GROUPS
    if V == 1 and i % 1000 == 812:
        g[1] = (g[1] + 100) % GROUPS if (g[1] + 100) % GROUPS != g[0] else (g[1] + 101) % GROUPS
    return g

members = {g: [] for g in range(GROUPS)}
for i in range(N):
    team = min(i * DIVISIONS * TEAMS // N, DIVISIONS * TEAMS - 1)  # contiguous, as an LDAP subtree is read
    d, t = team // TEAMS, team % TEAMS
    dn = f"uid=u{i:06},ou=Team {t:02},ou=Division {d:02},ou=Departments,{BASE}"
    phone = f"+86 138 {i % 10000:04} {(i * 7 + (1 if V == 1 and i % 200 == 37 else 0)) % 10000:04}"
    title = TITLES[i % len(TITLES)] + (" II" if V == 1 and i % 200 == 137 else "")
    out.write(f"dn: {dn}\nobjectClass: inetOrgPerson\nuid: u{i:06}\ncn: User {i:06}\ngivenName: User\nsn: N{i:06}\n"
              f"mail: u{i:06}@bench.example\nmobile: {phone}\nemployeeNumber: B{i:06}\ntitle: {title}\nemployeeType: staff\n\n")
    for g in groups_of(i):
        members[g].append(dn)
for g in range(GROUPS):
    out.write(f"dn: cn=Group {g:03},ou=Groups,{BASE}\nobjectClass: groupOfNames\ncn: Group {g:03}\n")
    for m in members[g]:
        out.write(f"member: {m}\n")
    out.write("\n")
