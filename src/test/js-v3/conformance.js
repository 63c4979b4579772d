'use strict';
// Conformance of the dirsync sandbox with the official Authing v3 Node SDK (authing-node-sdk 4.0.1), unchanged.
// Usage: node conformance.js <host> <accessKeyId> <accessKeySecret>
// Exits 0 when every step passes, 1 on the first failure (printing what failed).
const assert = require('assert/strict');
const { ManagementClient } = require('authing-node-sdk');

const host = process.argv[2] || 'http://127.0.0.1:7777';
const accessKeyId = process.argv[3] || 'demo-pool';
const accessKeySecret = process.argv[4] || 'demo-secret';
const run = Date.now().toString(36);

const client = new ManagementClient({ accessKeyId, accessKeySecret, host });

let passed = 0;
async function step(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok ${passed} - ${name}`);
  } catch (e) {
    console.error(`not ok - ${name}`);
    console.error(e && e.response ? `HTTP ${e.response.status} ${JSON.stringify(e.response.data)}` : '');
    console.error(e && e.stack ? e.stack : JSON.stringify(e));
    process.exit(1);
  }
}

function ok(answer) {
  assert.equal(answer.statusCode, 200, JSON.stringify(answer));
  return answer.data;
}

(async () => {
  const org = `org-${run}`;
  let alice;
  let bob;
  let carol;
  let engId;
  let opsId;

  await step('set-custom-fields defines user fields; get-custom-fields lists them', async () => {
    ok(await client.setCustomFields({ list: [
      { targetType: 'USER', key: 'title', dataType: 'STRING', label: 'Title' },
      { targetType: 'USER', key: 'level', dataType: 'NUMBER', label: 'Level' },
    ] }));
    const fields = ok(await client.getCustomFields({ targetType: 'USER' }));
    assert.deepEqual(fields.map((f) => f.key).filter((k) => k === 'title' || k === 'level').sort(), ['level', 'title']);
  });

  await step('create-organization and create-department (by code under a code parent)', async () => {
    const o = ok(await client.createOrganization({ organizationCode: org, organizationName: 'Org ' + run, metadata: {} }));
    assert.ok(o.departmentId);
    const eng = ok(await client.createDepartment({ organizationCode: org, name: 'Engineering', parentDepartmentId: 'root', code: 'eng', metadata: {} }));
    const ops = ok(await client.createDepartment({ organizationCode: org, name: 'Operations', parentDepartmentId: 'eng', departmentIdType: 'code', code: 'ops', metadata: {} }));
    engId = eng.departmentId;
    opsId = ops.departmentId;
    assert.equal(ops.parentDepartmentId, engId);
    const all = ok(await client.getAllDepartments({ organizationCode: org }));
    assert.deepEqual(all.list.map((d) => d.code).sort(), ['eng', 'ops']);
  });

  await step('create-user with custom data and a department (by code)', async () => {
    alice = ok(await client.createUser({
      username: `alice-${run}`, email: `Alice-${run}@Example.com`, externalId: `ext-a-${run}`, name: 'Alice',
      password: 'passw0rd!', customData: { title: 'Engineer', level: 3 }, departmentIds: ['eng'],
      options: { departmentIdType: 'code' },
    }));
    assert.equal(alice.email, `alice-${run}@example.com`);
    assert.equal(alice.status, 'Activated');
    assert.deepEqual(alice.customData, { title: 'Engineer', level: 3 });
  });

  await step('create-users-batch with custom data, departments and keepPassword', async () => {
    const users = ok(await client.createUsersBatch({
      list: [
        { username: `bob-${run}`, externalId: `ext-b-${run}`, password: '$2a$10$keptHashValue', customData: { title: 'Ops' }, departmentIds: [opsId, engId] },
        { phone: `+86 138${String(Date.now()).slice(-8)}`, username: `carol-${run}`, externalId: `ext-c-${run}`, password: '$2a$10$another', departmentIds: [engId] },
      ],
      options: { keepPassword: true, departmentIdType: 'department_id' },
    }));
    assert.equal(users.length, 2);
    [bob, carol] = users;
    assert.equal(bob.externalId, `ext-b-${run}`);
  });

  await step('get-user-batch by external_id with custom data and department ids', async () => {
    const found = ok(await client.getUserBatch({
      userIds: [`ext-a-${run}`, `ext-b-${run}`, 'nobody-' + run], userIdType: 'external_id', withCustomData: true, withDepartmentIds: true,
    }));
    assert.deepEqual(found.map((u) => u.externalId).sort(), [`ext-a-${run}`, `ext-b-${run}`]);
    const b = found.find((u) => u.externalId === `ext-b-${run}`);
    assert.deepEqual(b.departmentIds.sort(), [engId, opsId].sort());
    assert.equal(b.mainDepartmentId, opsId);
    assert.equal(b.customData.title, 'Ops');
  });

  await step('get-user by external_id; is-user-exists', async () => {
    const a = ok(await client.getUser({ userId: `ext-a-${run}`, userIdType: 'external_id', withCustomData: true }));
    assert.equal(a.userId, alice.userId);
    assert.equal(a.customData.level, 3);
    assert.equal(ok(await client.isUserExists({ externalId: `ext-c-${run}` })).exists, true);
    assert.equal(ok(await client.isUserExists({ username: 'nobody-' + run })).exists, false);
  });

  await step('list-users pages with a limit', async () => {
    const first = ok(await client.listUsers({ options: { pagination: { page: 1, limit: 2 } } }));
    assert.ok(first.totalCount >= 3);
    assert.equal(first.list.length, 2);
    const second = ok(await client.listUsers({ options: { pagination: { page: 2, limit: 2 }, withCustomData: true } }));
    assert.ok(second.list.length >= 1);
    assert.ok(!first.list.some((u) => second.list.some((v) => v.userId === u.userId)));
  });

  await step('update-user and update-user-batch change fields, custom data and block / unblock', async () => {
    const a = ok(await client.updateUser({ userId: alice.userId, nickname: 'Al', customData: { title: 'Lead' } }));
    assert.equal(a.nickname, 'Al');
    const batch = ok(await client.updateUserBatch({ list: [
      { userId: bob.userId, status: 'Suspended' }, { userId: carol.userId, name: 'Carol C' },
    ] }));
    assert.equal(batch.length, 2);
    let b = ok(await client.getUser({ userId: bob.userId }));
    assert.equal(b.status, 'Suspended');
    ok(await client.updateUser({ userId: `ext-b-${run}`, status: 'Activated', options: { userIdType: 'external_id' } }));
    b = ok(await client.getUser({ userId: bob.userId }));
    assert.equal(b.status, 'Activated');
    const custom = ok(await client.getUser({ userId: alice.userId, withCustomData: true })).customData;
    assert.deepEqual(custom, { title: 'Lead', level: 3 });
  });

  await step('groups: create-group, create-groups-batch, add / remove members, list members, user groups', async () => {
    ok(await client.createGroup({ code: `staff-${run}`, name: 'Staff', description: '', type: 'static' }));
    const made = ok(await client.createGroupsBatch({ list: [
      { code: `g1-${run}`, name: 'G1', description: '', type: 'static' }, { code: `g2-${run}`, name: 'G2', description: '', type: 'static' },
    ] }));
    assert.equal(made.length, 2);
    ok(await client.addGroupMembers({ code: `staff-${run}`, userIds: [alice.userId, bob.userId, carol.userId] }));
    ok(await client.removeGroupMembers({ code: `staff-${run}`, userIds: [carol.userId] }));
    const page = ok(await client.listGroupMembers({ code: `staff-${run}`, limit: 1 }));
    assert.equal(page.totalCount, 2);
    assert.equal(page.list.length, 1);
    const groups = ok(await client.getUserGroups({ userId: alice.userId }));
    assert.deepEqual(groups.list.map((g) => g.code), [`staff-${run}`]);
  });

  await step('roles: create-role, create-roles-batch, assign-role, assign / revoke-role-batch, members', async () => {
    ok(await client.createRole({ code: `reader-${run}` }));
    ok(await client.createRolesBatch({ list: [{ code: `writer-${run}` }, { code: `admin-${run}` }] }));
    ok(await client.assignRole({ code: `reader-${run}`, targets: [{ targetType: 'USER', targetIdentifier: alice.userId }] }));
    ok(await client.assignRoleBatch({
      targets: [{ targetType: 'USER', targetIdentifier: bob.userId }, { targetType: 'USER', targetIdentifier: carol.userId }],
      roles: [{ code: `writer-${run}` }, { code: `admin-${run}` }],
    }));
    ok(await client.revokeRoleBatch({ targets: [{ targetType: 'USER', targetIdentifier: carol.userId }], roles: [{ code: `admin-${run}` }] }));
    const members = ok(await client.listRoleMembers({ code: `writer-${run}` }));
    assert.equal(members.totalCount, 2);
    const roles = ok(await client.getUserRoles({ userId: carol.userId }));
    assert.deepEqual(roles.list.map((r) => r.code), [`writer-${run}`]);
  });

  await step('departments: add members, list member ids, set-user-departments for the main department', async () => {
    ok(await client.addDepartmentMembers({ organizationCode: org, departmentId: 'ops', departmentIdType: 'code', userIds: [alice.userId] }));
    const ids = ok(await client.listDepartmentMemberIds({ organizationCode: org, departmentId: opsId }));
    assert.deepEqual([...ids].sort(), [alice.userId, bob.userId].sort());
    ok(await client.setUserDepartments({ userId: alice.userId, departments: [
      { departmentId: engId, isMainDepartment: false }, { departmentId: opsId, isMainDepartment: true },
    ] }));
    const depts = ok(await client.getUserDepartments({ userId: alice.userId }));
    const main = depts.list.find((d) => d.isMainDepartment);
    assert.equal(main.departmentId, opsId);
    assert.equal(depts.totalCount, 2);
  });

  await step('a move as dirsync sends it: one set-user-departments with the whole set get-user-batch told, a department of another organization kept', async () => {
    const other = `org2-${run}`;
    ok(await client.createOrganization({ organizationCode: other, organizationName: 'Other ' + run, metadata: {} }));
    const x = ok(await client.createDepartment({ organizationCode: other, name: 'Elsewhere', parentDepartmentId: 'root', code: 'x', metadata: {} }));
    ok(await client.addDepartmentMembers({ organizationCode: other, departmentId: x.departmentId, userIds: [alice.userId] }));
    const [seen] = ok(await client.getUserBatch({ userIds: [alice.userId], withDepartmentIds: true }));
    assert.deepEqual([...seen.departmentIds].sort(), [engId, opsId, x.departmentId].sort());
    assert.equal(seen.mainDepartmentId, opsId);
    const kept = seen.departmentIds.filter((id) => id !== opsId);
    ok(await client.setUserDepartments({ userId: alice.userId, departments: kept.map((id) => ({ departmentId: id, isMainDepartment: id === engId })) }));
    const [moved] = ok(await client.getUserBatch({ userIds: [alice.userId], withDepartmentIds: true }));
    assert.deepEqual([...moved.departmentIds].sort(), [engId, x.departmentId].sort());
    assert.equal(moved.mainDepartmentId, engId);
  });

  await step('update-user-batch as dirsync sends it (fields, custom data, status); one unknown user refuses the whole batch', async () => {
    const list = ok(await client.updateUserBatch({ list: [
      { userId: alice.userId, name: 'Alice B', customData: { title: 'Staff', level: 4 } },
      { userId: carol.userId, status: 'Suspended', nickname: 'CC' },
    ] }));
    assert.equal(list.length, 2);
    const a = ok(await client.getUser({ userId: alice.userId, withCustomData: true }));
    assert.equal(a.name, 'Alice B');
    assert.deepEqual(a.customData, { title: 'Staff', level: 4 });
    const c = ok(await client.getUser({ userId: carol.userId }));
    assert.equal(c.status, 'Suspended');
    assert.equal(c.nickname, 'CC');
    const refused = await client.updateUserBatch({ list: [{ userId: alice.userId, name: 'Changed' }, { userId: 'nobody-' + run, name: 'X' }] });
    assert.notEqual(refused.statusCode, 200);
    assert.match(refused.message, /list\[1\]/);
    assert.equal(ok(await client.getUser({ userId: alice.userId })).name, 'Alice B');
    ok(await client.updateUserBatch({ list: [{ userId: carol.userId, status: 'Activated' }] }));
  });

  await step('roles in a namespace: get-namespace / create-namespace, create-roles-batch, list-roles, assign-role, revoke-role', async () => {
    const ns = `ns-${run}`;
    assert.equal((await client.getNamespace({ code: ns })).statusCode, 404);
    ok(await client.createNamespace({ code: ns, name: ns }));
    assert.equal(ok(await client.getNamespace({ code: ns })).code, ns);
    ok(await client.createRolesBatch({ list: [{ code: 'r1', name: 'r1', namespace: ns }, { code: 'r2', name: 'r2', namespace: ns }] }));
    const roles = ok(await client.listRoles({ namespace: ns, page: 1, limit: 50 }));
    assert.deepEqual(roles.list.map((r) => r.code).sort(), ['r1', 'r2']);
    const target = [{ targetType: 'USER', targetIdentifier: alice.userId }];
    ok(await client.assignRole({ code: 'r1', namespace: ns, targets: target }));
    assert.equal(ok(await client.listRoleMembers({ code: 'r1', namespace: ns })).totalCount, 1);
    ok(await client.revokeRole({ code: 'r1', namespace: ns, targets: target }));
    assert.equal(ok(await client.listRoleMembers({ code: 'r1', namespace: ns })).totalCount, 0);
  });

  await step('what dirsync reads and retires: list-groups pages, delete-groups-batch, get-organization, update-department, remove-department-members, delete-department', async () => {
    const first = ok(await client.listGroups({ page: 1, limit: 2 }));
    assert.equal(first.list.length, 2);
    assert.ok(first.totalCount >= 3);
    ok(await client.deleteGroupsBatch({ codeList: [`g2-${run}`] }));
    assert.ok(!ok(await client.listGroups({ page: 1, limit: 50 })).list.some((g) => g.code === `g2-${run}`));
    const o = ok(await client.getOrganization({ organizationCode: org, withCustomData: false, withPost: false }));
    ok(await client.updateDepartment({ organizationCode: org, departmentId: 'ops', metadata: {}, departmentIdType: 'code', name: 'Ops' }));
    ok(await client.updateDepartment({ organizationCode: org, departmentId: 'ops', metadata: {}, departmentIdType: 'code', parentDepartmentId: o.departmentId }));
    const ops = ok(await client.getAllDepartments({ organizationCode: org })).list.find((d) => d.code === 'ops');
    assert.equal(ops.name, 'Ops');
    assert.equal(ops.parentDepartmentId, o.departmentId);
    ok(await client.removeDepartmentMembers({ organizationCode: org, departmentId: 'ops', departmentIdType: 'code', userIds: [alice.userId, bob.userId] }));
    assert.deepEqual(ok(await client.listDepartmentMemberIds({ organizationCode: org, departmentId: opsId })), []);
    ok(await client.deleteDepartment({ organizationCode: org, departmentId: 'ops', departmentIdType: 'code' }));
    assert.ok(!ok(await client.getAllDepartments({ organizationCode: org })).list.some((d) => d.code === 'ops'));
  });

  await step('a duplicate externalId is answered in the body (statusCode 400, apiCode 2026)', async () => {
    const answer = await client.createUser({ username: `dup-${run}`, externalId: `ext-a-${run}` });
    assert.equal(answer.statusCode, 400);
    assert.equal(answer.apiCode, 2026);
    const batch = await client.createUsersBatch({ list: [{ username: `new-${run}` }, { username: `alice-${run}` }] });
    assert.equal(batch.statusCode, 400);
    assert.match(batch.message, /list\[1\]/);
    assert.equal(ok(await client.isUserExists({ username: `new-${run}` })).exists, false);
  });

  await step('a bad signature is refused with HTTP 401', async () => {
    const wrong = new ManagementClient({ accessKeyId, accessKeySecret: 'not-the-secret', host });
    let error;
    try {
      await wrong.getUser({ userId: alice.userId });
    } catch (e) {
      error = e;
    }
    assert.ok(error && error.response, 'expected an HTTP error');
    assert.equal(error.response.status, 401);
    assert.equal(error.response.data.statusCode, 401);
  });

  await step('delete-users-batch by external_id, and by user id as dirsync sends it (an absent id is no error)', async () => {
    ok(await client.deleteUsersBatch({ userIds: [`ext-b-${run}`], options: { userIdType: 'external_id' } }));
    ok(await client.deleteUsersBatch({ userIds: [carol.userId, 'nobody-' + run] }));
    const found = ok(await client.getUserBatch({ userIds: [`ext-a-${run}`, `ext-b-${run}`, `ext-c-${run}`], userIdType: 'external_id' }));
    assert.deepEqual(found.map((u) => u.externalId), [`ext-a-${run}`]);
  });

  console.log(`${passed} conformance steps passed`);
})();
