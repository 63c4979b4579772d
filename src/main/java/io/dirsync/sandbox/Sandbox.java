package io.dirsync.sandbox;

import java.time.Clock;

/** Everything one sandbox instance holds: its options, store, keys and domain stores. */
record Sandbox(SandboxOptions options, Clock clock, Database db, PoolKeys keys, TokenService tokens,
               UserStore users, GroupStore groups, NamespaceStore namespaces, RoleStore roles,
               OrgStore orgs, OrgMembers members, OrgViews views, UdfStore udf, PolicyStore policies,
               ActivityLog activity) implements AutoCloseable {

    static Sandbox open(SandboxOptions options, Clock clock) {
        Database db = Database.open(options.dataDir());
        return assemble(options, clock, db, PoolKeys.loadOrCreate(options.dataDir()));
    }

    /** Deletes every row (the pool key stays) and returns stores over the now empty database. */
    Sandbox wipe() {
        db.wipe();
        return assemble(options, clock, db, keys);
    }

    private static Sandbox assemble(SandboxOptions options, Clock clock, Database db, PoolKeys keys) {
        TokenService tokens = new TokenService(keys.tokenKey(options.secret()), clock);
        IdGenerator ids = new IdGenerator(clock);
        String pool = options.userPoolId();
        UserStore users = new UserStore(db, ids, clock, new Passwords(keys), pool);
        GroupStore groups = new GroupStore(db, ids, clock, users);
        NamespaceStore namespaces = new NamespaceStore(db, pool);
        RoleStore roles = new RoleStore(db, ids, clock, pool, namespaces, groups, users);
        OrgStore orgs = new OrgStore(db, ids, clock);
        OrgMembers members = new OrgMembers(db, clock, orgs, users);
        UdfStore udf = new UdfStore(db, users);
        PolicyStore policies = new PolicyStore(db, clock);
        ActivityLog activity = new ActivityLog(db, clock, pool);
        return new Sandbox(options, clock, db, keys, tokens, users, groups, namespaces, roles, orgs, members,
                new OrgViews(orgs), udf, policies, activity);
    }

    @Override
    public void close() {
        db.close();
    }
}
