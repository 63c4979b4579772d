package io.dirsync.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** GraphQL fetchers for organisations, department nodes and their members. */
final class OrgFetchers {
    private final Sandbox s;
    private final GroupRoleFetchers pages;

    OrgFetchers(Sandbox sandbox, GroupRoleFetchers pages) {
        this.s = sandbox;
        this.pages = pages;
    }

    void register(Wiring w) {
        w.query("org", env -> s.views().org(s.orgs().requireOrg(Args.str(env, "id"))));
        w.query("orgs", env -> {
            List<Map<String, Object>> all = s.orgs().allOrgs();
            if ("CREATEDAT_DESC".equals(Args.str(env, "sortBy"))) {
                java.util.Collections.reverse(all);
            }
            List<Map<String, Object>> page = Paging.slice(all, Args.integer(env, "page"), Args.integer(env, "limit"));
            return Paging.result(all.size(), page.stream().map(s.views()::org).toList());
        });
        w.mutation("createOrg", env -> s.views().org(s.orgs().createOrg(Args.str(env, "name"), Args.str(env, "code"),
                Args.str(env, "description"), Args.str(env, "tenantId"))));
        w.mutation("deleteOrg", env -> {
            s.orgs().deleteOrg(Args.str(env, "id"));
            return Args.message("删除成功!");
        });
        w.mutation("addNodeV2", env -> s.views().node(s.orgs().addNode(Args.str(env, "orgId"),
                Args.str(env, "parentNodeId"), Args.str(env, "name"), Args.str(env, "code"),
                Args.str(env, "description"), Args.str(env, "nameI18n"), Args.str(env, "descriptionI18n"),
                Args.integer(env, "order"))));
        w.mutation("updateNode", env -> s.views().node(s.orgs().updateNode(Args.str(env, "id"),
                Args.str(env, "name"), Args.str(env, "code"), Args.str(env, "description"))));
        w.mutation("deleteNode", env -> {
            s.orgs().deleteNode(Args.str(env, "orgId"), Args.str(env, "nodeId"));
            return Args.message("删除成功!");
        });
        w.mutation("moveNode", env -> {
            s.orgs().moveNode(Args.str(env, "orgId"), Args.str(env, "nodeId"), Args.str(env, "targetParentId"));
            return s.views().org(s.orgs().requireOrg(Args.str(env, "orgId")));
        });
        w.query("nodeById", env -> s.views().node(Args.str(env, "id")));
        w.query("nodeByCode", env -> s.views().node(s.orgs().nodeByCode(Args.str(env, "orgId"), Args.str(env, "code"))));
        w.query("searchNodes", env -> s.orgs().search(Args.str(env, "keyword")).stream().map(s.views()::node).toList());
        w.query("childrenNodes", env -> {
            s.orgs().requireNode(Args.str(env, "nodeId"));
            return s.views().nodes(s.orgs().children(Args.str(env, "nodeId")));
        });
        w.query("rootNode", env -> s.views().node(s.orgs().rootId(s.orgs().requireOrg(Args.str(env, "orgId"))
                .get("id").toString())));
        w.query("isRootNode", env -> {
            s.orgs().requireOrg(Args.str(env, "orgId"));
            return Args.str(env, "nodeId").equals(s.orgs().rootId(Args.str(env, "orgId")));
        });
        w.mutation("addMember", env -> {
            String node = s.members().resolve(Args.str(env, "nodeId"), Args.str(env, "orgId"), Args.str(env, "nodeCode"));
            s.members().add(node, Args.strings(env, "userIds"), Args.bool(env, "isLeader"));
            return s.views().node(node);
        });
        w.mutation("removeMember", env -> {
            String node = s.members().resolve(Args.str(env, "nodeId"), Args.str(env, "orgId"), Args.str(env, "nodeCode"));
            s.members().remove(node, Args.strings(env, "userIds"));
            return s.views().node(node);
        });
        w.mutation("moveMembers", env -> {
            s.members().move(Args.strings(env, "userIds"), Args.str(env, "sourceNodeId"), Args.str(env, "targetNodeId"));
            return Args.message("移动成功");
        });
        w.mutation("setMainDepartment", env -> {
            s.members().setMain(Args.str(env, "userId"), Args.str(env, "departmentId"));
            return Args.message("设置主部门成功");
        });
        w.type("Node", "users", env -> {
            String nodeId = UserFetchers.id(env.getSource());
            List<String> ids = new ArrayList<>(s.members().memberIds(nodeId,
                    Boolean.TRUE.equals(Args.bool(env, "includeChildrenNodes"))));
            if ("CREATEDAT_DESC".equals(Args.str(env, "sortBy"))) {
                java.util.Collections.reverse(ids);
            }
            return pages.usersPage(ids, Args.integer(env, "page"), Args.integer(env, "limit"));
        });
        w.type("Node", "roles", env -> {
            List<Map<String, Object>> roles = s.roles().rolesOfNode(UserFetchers.id(env.getSource()),
                    Args.str(env, "namespace"));
            return Paging.result(roles.size(), roles);
        });
        w.type("Node", "authorizedResources", env -> Paging.result(0, List.of()));
    }
}
