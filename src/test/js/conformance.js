'use strict';
// Conformance of the dirsync sandbox with the official Authing JS SDK (authing-js-sdk 4.23.55).
// Usage: node conformance.js [host] [userPoolId] [secret]
//   or set SANDBOX_URL, SANDBOX_USER_POOL_ID, SANDBOX_SECRET.
// Exits 0 when every step passes, 1 on the first failure (printing what failed).
const assert = require('assert/strict');
const { ManagementClient } = require('authing-js-sdk');

const host = process.argv[2] || process.env.SANDBOX_URL || 'http://127.0.0.1:7777';
const userPoolId = process.argv[3] || process.env.SANDBOX_USER_POOL_ID || 'demo-pool';
const secret = process.argv[4] || process.env.SANDBOX_SECRET || 'demo-secret';
const run = Date.now().toString(36);

const client = new ManagementClient({ userPoolId, secret, host, timeout: 10000 });

let passed = 0;
async function step(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok ${passed} - ${name}`);
  } catch (e) {
    console.error(`not ok - ${name}`);
    console.error(e && e.stack ? e.stack : JSON.stringify(e));
    process.exit(1);
  }
}

async function rejects(promise, check) {
  let error = null;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  assert.ok(error, 'expected the call to be rejected');
  check(error);
}

(async () => {
  const ext = `ext-${run}`;
  let user;
  let group;
  let orgId;
  let nodeId;

  await step('users.create with a password (RSA-encrypted by the SDK)', async () => {
    user = await client.users.create({
      username: `bob-${run}`,
      email: `Bob-${run}@Example.com`,
      password: 'passw0rd!',
      externalId: ext,
      nickname: 'Bob'
    });
    assert.equal(typeof user.id, 'string');
    assert.equal(user.email, `bob-${run}@example.com`);
    assert.equal(user.externalId, ext);
    assert.ok(user.password && !user.password.includes('passw0rd!'), 'password must be hashed');
  });

  await step('users.create of a duplicate is rejected with a code', async () => {
    await rejects(client.users.create({ username: `bob-${run}` }), e => assert.equal(e.code, 2034));
    await rejects(client.users.create({ externalId: ext }), e => assert.equal(e.code, 2026));
  });

  await step('users.batch by externalId', async () => {
    const users = await client.users.batch([ext, 'no-such-ext'], { queryField: 'externalId' });
    assert.equal(users.length, 1);
    assert.equal(users[0].id, user.id);
  });

  await step('users.batch of 81 ids is rejected with 2030', async () => {
    const ids = Array.from({ length: 81 }, (_, i) => `x${i}`);
    await rejects(client.users.batch(ids, { queryField: 'externalId' }), e => assert.equal(e.code, 2030));
  });

  await step('users.exists', async () => {
    assert.equal(await client.users.exists({ externalId: ext }), true);
    assert.equal(await client.users.exists({ email: `BOB-${run}@example.com` }), true);
    assert.equal(await client.users.exists({ username: `nobody-${run}` }), false);
  });

  await step('users.find', async () => {
    const found = await client.users.find({ externalId: ext });
    assert.equal(found.id, user.id);
    assert.equal(await client.users.find({ username: `nobody-${run}` }), null);
  });

  await step('users.update (email lower-cased, password re-encrypted)', async () => {
    const updated = await client.users.update(user.id, { nickname: 'Robert', email: `Rob-${run}@Example.com`, password: 'n3w-passw0rd' });
    assert.equal(updated.nickname, 'Robert');
    assert.equal(updated.email, `rob-${run}@example.com`);
  });

  await step('users.detail', async () => {
    const detail = await client.users.detail(user.id);
    assert.equal(detail.id, user.id);
    assert.equal(detail.nickname, 'Robert');
    assert.equal(await client.users.detail('no-such-id'), null);
  });

  await step('groups.create / addUsers / listUsers', async () => {
    group = await client.groups.create(`grp-${run}`, 'Group', 'desc');
    assert.equal(group.code, `grp-${run}`);
    const res = await client.groups.addUsers(group.code, [user.id]);
    assert.equal(res.code, 200);
    const members = await client.groups.listUsers(group.code, { page: 1, limit: 10 });
    assert.equal(members.totalCount, 1);
    assert.equal(members.list[0].id, user.id);
    const groups = await client.users.listGroups(user.id);
    assert.equal(groups.list[0].code, group.code);
  });

  await step('roles.create / addUsers / list / users.listRoles', async () => {
    const role = await client.roles.create(`role-${run}`, 'a role');
    assert.equal(role.code, `role-${run}`);
    assert.equal(role.namespace, 'default');
    await client.roles.addUsers(role.code, [user.id]);
    const roles = await client.roles.list({ page: 1, limit: 100 });
    assert.ok(roles.list.some(r => r.code === role.code));
    const userRoles = await client.users.listRoles(user.id);
    assert.deepEqual(userRoles.list.map(r => r.code), [role.code]);
    const roleUsers = await client.roles.listUsers(role.code);
    assert.equal(roleUsers.totalCount, 1);
  });

  await step('org.create / addNode / addMembers / listMembers', async () => {
    const org = await client.org.create(`Org ${run}`, 'an org', `org${run}`);
    orgId = org.id;
    assert.equal(org.nodes.length, 1);
    assert.equal(org.rootNode.code, `org${run}`);
    const node = await client.org.addNode(orgId, org.rootNode.id, { name: 'Sales', code: `sales${run}` });
    nodeId = node.id;
    assert.deepEqual(node.path, [org.rootNode.id, node.id]);
    const members = await client.org.addMembers(nodeId, [user.id]);
    assert.equal(members.totalCount, 1);
    const listed = await client.org.listMembers(org.rootNode.id, { page: 1, limit: 10, includeChildrenNodes: true });
    assert.equal(listed.totalCount, 1);
    assert.equal(listed.list[0].id, user.id);
    const found = await client.org.findById(orgId);
    assert.equal(found.nodes.length, 2);
    const departments = await client.users.listDepartment(user.id);
    assert.equal(departments.list[0].department.id, nodeId);
  });

  await step('udf.set + users.setUdfValue + users.getUdfValue', async () => {
    await client.udf.set('USER', `school${run}`, 'STRING', 'School');
    await client.udf.set('USER', `age${run}`, 'NUMBER', 'Age');
    await client.udf.set('USER', `vip${run}`, 'BOOLEAN', 'VIP');
    await client.users.setUdfValue(user.id, { [`school${run}`]: 'MIT', [`age${run}`]: 42, [`vip${run}`]: true });
    const values = await client.users.getUdfValue(user.id);
    assert.equal(values[`school${run}`], 'MIT');
    assert.equal(values[`age${run}`], 42);
    assert.equal(values[`vip${run}`], true);
    const withData = await client.users.batch([ext], { queryField: 'externalId', withCustomData: true });
    assert.equal(withData[0].customData[`school${run}`], 'MIT');
  });

  await step('users.delete', async () => {
    const res = await client.users.delete(user.id);
    assert.equal(res.code, 200);
    assert.equal(await client.users.detail(user.id), null);
    assert.equal(await client.users.find({ externalId: ext }), null);
  });

  await step('deleting a missing group is rejected', async () => {
    await rejects(client.groups.delete(`missing-${run}`), e => assert.equal(typeof e.code, 'number'));
  });

  console.log(`all ${passed} conformance steps passed against ${host}`);
})().catch(e => {
  console.error(e && e.stack ? e.stack : JSON.stringify(e));
  process.exit(1);
});
