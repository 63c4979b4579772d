#!/usr/bin/env python3
"""Writes the scale benchmark's directory as LDIF to stdout (deterministic, streamed).

usage: gen-ldif.py USERS [VERSION]
  500 OUs: ou=Division 01..20 under ou=Departments, each with ou=Team 01..24;
  1,000 groupOfNames cn=Group 0001..1000 under ou=Groups, each user in 3 of them;
  USERS inetOrgPerson uid=u0000001.. in the teams. VERSION 1 changes 1 % of the users
  (phone of i % 200 == 37, title of i % 200 == 137, team of i % 1000 == 512).
"""
import sys

N = int(sys.argv[1])
VERSION = int(sys.argv[2]) if len(sys.argv) > 2 else 0
BASE = "dc=bench,dc=example"
DEPTS = "ou=Departments," + BASE
out = sys.stdout
w = out.write

def team_of(i):
    t = (i * 7919) % 480
    if VERSION and i % 1000 == 512:
        t = (t + 1) % 480
    return t

def team_dn(t):
    return "ou=Team %02d,ou=Division %02d,%s" % (t % 24 + 1, t // 24 + 1, DEPTS)

def user_dn(i):
    return "uid=u%07d,%s" % (i, team_dn(team_of(i)))

def first_group(i):
    return (i * 729 + 17) % 1000

w("dn: %s\nobjectClass: domain\ndc: bench\n\n" % BASE)
w("dn: %s\nobjectClass: organizationalUnit\nou: Departments\n\n" % DEPTS)
w("dn: ou=Groups,%s\nobjectClass: organizationalUnit\nou: Groups\n\n" % BASE)
for d in range(20):
    w("dn: ou=Division %02d,%s\nobjectClass: organizationalUnit\nou: Division %02d\n\n" % (d + 1, DEPTS, d + 1))
    for t in range(24):
        w("dn: ou=Team %02d,ou=Division %02d,%s\nobjectClass: organizationalUnit\nou: Team %02d\n\n"
          % (t + 1, d + 1, DEPTS, t + 1))

# residue r of i % 1000 -> first group; user i is in first, first+331, first+677 (mod 1000)
residues_of = {g: [] for g in range(1000)}
for r in range(1000):
    g1 = first_group(r)
    for k in (0, 331, 677):
        residues_of[(g1 + k) % 1000].append(r)

for g in range(1000):
    w("dn: cn=Group %04d,ou=Groups,%s\nobjectClass: groupOfNames\ncn: Group %04d\n" % (g + 1, BASE, g + 1))
    any_member = False
    for r in residues_of[g]:
        for i in range(r, N, 1000):
            w("member: %s\n" % user_dn(i))
            any_member = True
    if not any_member:
        w("member: cn=nobody\n")
    w("\n")

for i in range(N):
    mobile = "+86 138 %04d %04d" % ((i // 10000) % 10000, i % 10000)
    if VERSION and i % 200 == 37:
        mobile = "+86 139 %04d %04d" % ((i // 10000) % 10000, i % 10000)
    title = "Engineer %d" % (i % 7)
    if VERSION and i % 200 == 137:
        title = "Senior Engineer %d" % (i % 7)
    w("dn: %s\nobjectClass: inetOrgPerson\nuid: u%07d\ncn: User %07d\nsn: Surname%07d\n"
      "givenName: Given%07d\nmail: u%07d@bench.example\nmobile: %s\nemployeeNumber: E%07d\n"
      "title: %s\nemployeeType: %s\n\n"
      % (user_dn(i), i, i, i, i, i, mobile, i, title, "Staff" if i % 10 else "Contractor"))
