package io.dirsync.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** GraphQL fetchers for groups and roles. */
final class GroupRoleFetchers {
    private final Sandbox s;

    GroupRoleFetchers(Sandbox sandbox) {
        this.s = sandbox;
    }

    void register(Wiring w) {
        w.query("group", env -> s.groups().get(Args.str(env, "code")));
        w.query("groups", env -> groups(env.getArgument("userId"), Args.integer(env, "page"),
                Args.integer(env, "limit"), Args.str(env, "sortBy")));
        w.mutation("createGroup", env -> s.groups().create(Args.str(env, "code"), Args.str(env, "name"),
                Args.str(env, "description")));
        w.mutation("updateGroup", env -> s.groups().update(Args.str(env, "code"), Args.str(env, "name"),
                Args.str(env, "description"), Args.str(env, "newCode")));
        w.mutation("deleteGroups", env -> {
            s.groups().delete(Args.strings(env, "codeList"));
            return Args.message("删除成功!");
        });
        w.mutation("addUserToGroup", env -> {
            s.groups().addUsers(Args.str(env, "code"), Args.strings(env, "userIds"));
            return Args.message("添加成功");
        });
        w.mutation("removeUserFromGroup", env -> {
            s.groups().removeUsers(Args.str(env, "code"), Args.strings(env, "userIds"));
            return Args.message("移除成功");
        });
        w.type("Group", "users", env -> usersPage(
                List.copyOf(s.groups().memberIds((String) UserFetchers.castMap(env.getSource()).get("code"))),
                Args.integer(env, "page"), Args.integer(env, "limit")));
        w.type("Group", "authorizedResources", env -> Paging.result(0, List.of()));

        w.query("role", env -> s.roles().get(Args.str(env, "code"), Args.str(env, "namespace")));
        w.query("roles", env -> s.roles().page(Args.str(env, "namespace"), Args.integer(env, "page"),
                Args.integer(env, "limit"), Args.str(env, "sortBy")));
        w.mutation("createRole", env -> s.roles().create(Args.str(env, "namespace"), Args.str(env, "code"),
                Args.str(env, "description"), Args.str(env, "parent")));
        w.mutation("updateRole", env -> s.roles().update(Args.str(env, "code"), Args.str(env, "namespace"),
                Args.str(env, "description"), Args.str(env, "newCode")));
        w.mutation("deleteRole", env -> {
            s.roles().delete(List.of(Args.str(env, "code")), Args.str(env, "namespace"));
            return Args.message("删除成功!");
        });
        w.mutation("deleteRoles", env -> {
            s.roles().delete(Args.strings(env, "codeList"), Args.str(env, "namespace"));
            return Args.message("删除成功!");
        });
        w.mutation("assignRole", env -> grant(env, false));
        w.mutation("revokeRole", env -> grant(env, true));
        w.type("Role", "users", env -> usersPage(
                List.copyOf(s.roles().userIds(UserFetchers.id(env.getSource()))),
                Args.integer(env, "page"), Args.integer(env, "limit")));
        w.type("Role", "parent", env -> {
            Map<String, Object> role = UserFetchers.castMap(env.getSource());
            Object parent = role.get("parentCode");
            return parent == null ? null : s.roles().get((String) parent, (String) role.get("namespace"));
        });
        w.type("Role", "authorizedResources", env -> Paging.result(0, List.of()));
    }

    private Map<String, Object> groups(Object userId, Integer page, Integer limit, String sortBy) {
        if (userId == null) {
            return s.groups().page(page, limit, sortBy);
        }
        return Paging.of(s.groups().groupsOf(userId.toString()), page, limit);
    }

    private Map<String, Object> grant(graphql.schema.DataFetchingEnvironment env, boolean revoke) {
        List<String> codes = new ArrayList<>(Args.strings(env, "roleCodes"));
        String single = Args.str(env, "roleCode");
        if (single != null) {
            codes.add(single);
        }
        if (codes.isEmpty()) {
            throw ApiException.invalid("give roleCode or roleCodes");
        }
        List<String> nodeIds = new ArrayList<>();
        for (String code : Args.strings(env, "nodeCodes")) {
            // node codes are unique per org only: grant to every node with that code
            s.orgs().search(code).stream().filter(n -> code.equals(n.get("code")))
                    .forEach(n -> nodeIds.add((String) n.get("id")));
        }
        s.roles().grant(revoke, Args.str(env, "namespace"), codes, Args.strings(env, "userIds"),
                Args.strings(env, "groupCodes"), nodeIds);
        return Args.message(revoke ? "撤销角色成功" : "授权成功");
    }

    /** A page of users from an ordered id list; ids only are sliced, so large memberships stay cheap. */
    Map<String, Object> usersPage(List<String> ids, Integer page, Integer limit) {
        return Paging.result(ids.size(), s.users().byIds(Paging.slice(ids, page, limit)));
    }
}
