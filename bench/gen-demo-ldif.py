#!/usr/bin/env python3
"""Writes config/demo/corp.ldif: a believable company of about 300 people (deterministic)."""
import random, sys

random.seed(20261122)
BASE = "dc=corp,dc=example"
DEPTS = "ou=Departments," + BASE

# (path from top, description); users are placed in leaves
TREE = [
    (["研发中心"], "Research & Development"),
    (["研发中心", "平台部"], "Platform"),
    (["研发中心", "移动部"], "Mobile"),
    (["研发中心", "数据部"], "Data"),
    (["Sales"], "Sales"),
    (["Sales", "EMEA"], "Europe, Middle East and Africa"),
    (["Sales", "APAC"], "Asia Pacific"),
    (["Sales", "Americas"], "North and South America"),
    (["运营中心"], "Operations"),
    (["运营中心", "市场部"], "Marketing"),
    (["运营中心", "客服部"], "Customer Care"),
    (["Finance"], "Finance"),
    (["People"], "Human Resources"),
]
LEAVES = {
    ("研发中心", "平台部"): 60, ("研发中心", "移动部"): 45, ("研发中心", "数据部"): 30,
    ("Sales", "EMEA"): 30, ("Sales", "APAC"): 30, ("Sales", "Americas"): 25,
    ("运营中心", "市场部"): 25, ("运营中心", "客服部"): 25, ("Finance",): 15, ("People",): 15,
}
CN_SURNAMES = "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高".split()
CN_GIVEN = "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 建华 晓东 子涵 雨桐".split()
PINYIN_S = dict(zip(CN_SURNAMES, "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao".split()))
PINYIN_G = dict(zip(CN_GIVEN, "wei fang na min jing li qiang lei jun yang yong yan jie juan tao ming chao xiuying xia ping gang guiying jianhua xiaodong zihan yutong".split()))
LATIN_GIVEN = "Oliver Amelia Jack Isla Harry Ava Noah Mia Leo Sophie Lucas Emma Hugo Chloe Mateo Lena Finn Clara Elias Nora Sofia Diego Camila Liam Aisha Omar".split()
LATIN_SN = "Smith Jones Taylor Brown Williams Wilson Müller Schmidt Dubois Rossi García Martínez Novak Jensen Kowalski Silva Costa O'Brien Murphy Andersen".split()
TITLES_ENG = ["Software Engineer", "Senior Software Engineer", "Staff Engineer", "QA Engineer", "Site Reliability Engineer"]
TITLES_SALES = ["Account Executive", "Sales Engineer", "Account Manager"]
TITLES_OTHER = ["Specialist", "Analyst", "Coordinator"]

def dn_of(path):
    return ",".join("ou=" + p for p in reversed(path)) + "," + DEPTS

out = []
def entry(lines):
    out.append("\n".join(lines) + "\n")

entry([f"dn: {BASE}", "objectClass: top", "objectClass: domain", "dc: corp"])
entry([f"dn: {DEPTS}", "objectClass: top", "objectClass: organizationalUnit", "ou: Departments"])
entry([f"dn: ou=Groups,{BASE}", "objectClass: top", "objectClass: organizationalUnit", "ou: Groups"])
for path, desc in TREE:
    entry([f"dn: {dn_of(path)}", "objectClass: top", "objectClass: organizationalUnit", f"ou: {path[-1]}", f"description: {desc}"])

users = []  # (dn, uid, leaf, title)
used_uids = set()
n = 10000
for leaf, count in LEAVES.items():
    chinese = leaf[0] in ("研发中心", "运营中心", "Finance", "People") or leaf == ("Sales", "APAC")
    manager_dn = None
    for i in range(count):
        n += 1
        if chinese and random.random() < 0.8:
            s, g = random.choice(CN_SURNAMES), random.choice(CN_GIVEN)
            cn, sn, given = s + g, s, g
            base_uid = PINYIN_S[s] + "." + PINYIN_G[g]
            mobile = "+86 1%d%d %04d %04d" % (random.choice([3, 5, 8]), random.randint(0, 9), random.randint(0, 9999), random.randint(0, 9999))
        else:
            given, sn = random.choice(LATIN_GIVEN), random.choice(LATIN_SN)
            cn = f"{given} {sn}"
            base_uid = (given + "." + sn).lower().replace("'", "").replace("ü", "u").replace("í", "i")
            region = {"EMEA": "+44 20 7946 %04d", "Americas": "+1 415 555 %04d"}.get(leaf[-1], "+65 6%03d %04d")
            mobile = region % ((random.randint(0, 9999),) if region.count("%") == 1 else (random.randint(0, 999), random.randint(0, 9999)))
        uid, k = base_uid, 1
        while uid in used_uids:
            k += 1
            uid = f"{base_uid}{k}"
        used_uids.add(uid)
        if i == 0:
            title = {"研发中心": "Engineering Manager", "Sales": "Sales Manager"}.get(leaf[0], "Team Manager")
        else:
            title = random.choice(TITLES_ENG if leaf[0] == "研发中心" else TITLES_SALES if leaf[0] == "Sales" else TITLES_OTHER)
        dn = f"uid={uid},{dn_of(list(leaf))}"
        lines = [f"dn: {dn}", "objectClass: top", "objectClass: person", "objectClass: organizationalPerson", "objectClass: inetOrgPerson",
                 f"uid: {uid}", f"cn: {cn}", f"sn: {sn}", f"givenName: {given}", f"displayName: {cn}",
                 f"mail: {uid}@corp.example", f"mobile: {mobile}", f"employeeNumber: E{n}", f"title: {title}"]
        if manager_dn:
            lines.append(f"manager: {manager_dn}")
        users.append((dn, uid, leaf, title))
        if i == 0:
            manager_dn = dn
        entry(lines)

# two disabled accounts
for dn, uid, leaf, title in (users[17], users[203]):
    for j, block in enumerate(out):
        if block.startswith(f"dn: {dn}\n"):
            out[j] = block.rstrip("\n") + "\nemployeeType: Disabled\n"

def group(cn, desc, members):
    entry([f"dn: cn={cn},ou=Groups,{BASE}", "objectClass: top", "objectClass: groupOfNames", f"cn: {cn}", f"description: {desc}"]
          + [f"member: {m}" for m in members])

platform = [u[0] for u in users if u[2] == ("研发中心", "平台部")]
mobile = [u[0] for u in users if u[2] == ("研发中心", "移动部")]
data = [u[0] for u in users if u[2] == ("研发中心", "数据部")]
sales = [u[0] for u in users if u[2][0] == "Sales"]
managers = [u[0] for u in users if "Manager" in u[3]]
group("platform-team", "Platform engineers", platform)
group("mobile-team", "Mobile engineers", mobile)
group("data-team", "Data engineers", data)
group("engineering", "All engineering (nested: the team groups)",
      [f"cn=platform-team,ou=Groups,{BASE}", f"cn=mobile-team,ou=Groups,{BASE}", f"cn=data-team,ou=Groups,{BASE}"])
group("sales-all", "Everyone in Sales", sales)
group("managers", "People managers", managers)
group("vpn-users", "Remote access", random.sample([u[0] for u in users], 80))

sys.stdout.write("version: 1\n\n" + "\n".join(out))
print(f"{len(users)} users", file=sys.stderr)
