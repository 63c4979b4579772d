package io.dirsync.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** REST routes of the org module (count, list) and the ACL namespaces, plus role user search. */
final class OrgAclRoutes {
    private final Sandbox s;

    OrgAclRoutes(Sandbox sandbox) {
        this.s = sandbox;
    }

    void register(RestRoutes r) {
        r.add("GET", "/api/v2/orgs/count", req -> Map.of("count", s.orgs().allOrgs().size()));
        r.add("GET", "/api/v2/orgs", req -> Paging.slice(s.orgs().allOrgs(), req.intParam("page"), req.intParam("limit"))
                .stream().map(s.views()::org).toList());
        r.add("GET", "/api/v2/resource-namespace/{pool}", req -> {
            checkPool(req.var(0));
            List<Map<String, Object>> all = s.namespaces().all();
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("total", all.size());
            page.put("list", Paging.slice(all, req.intParam("page"), req.intParam("limit")));
            return page;
        });
        r.add("POST", "/api/v2/resource-namespace/{pool}", req -> {
            checkPool(req.var(0));
            Map<String, Object> body = req.json();
            return s.namespaces().create(str(body, "code"), str(body, "name"), str(body, "description"));
        });
        r.add("PUT", "/api/v2/resource-namespace/{pool}/code/{code}", req -> {
            checkPool(req.var(0));
            Map<String, Object> body = req.json();
            return s.namespaces().update(req.var(1), str(body, "code"), str(body, "name"), str(body, "description"));
        });
        r.add("DELETE", "/api/v2/resource-namespace/{pool}/code/{code}", req -> {
            checkPool(req.var(0));
            s.namespaces().delete(req.var(1));
            return null;
        });
        r.add("POST", "/api/v2/roles/roleUsers", req -> {
            Map<String, Object> body = req.json();
            Map<String, Object> role = s.roles().get(str(body, "code"), str(body, "namespace"));
            List<Map<String, Object>> users = new ArrayList<>();
            if (role != null) {
                String search = str(body, "search") == null ? "" : str(body, "search");
                for (Map<String, Object> u : s.users().byIds(s.roles().userIds((String) role.get("id")))) {
                    if (search.isEmpty() || String.valueOf(u.get("username")).contains(search)
                            || String.valueOf(u.get("email")).contains(search)) {
                        users.add(UserRecords.view(u));
                    }
                }
            }
            Integer page = body.get("page") instanceof Number n ? n.intValue() : null;
            Integer limit = body.get("limit") instanceof Number n ? n.intValue() : null;
            return Paging.of(users, page, limit);
        });
    }

    private void checkPool(String pool) {
        if (!s.options().userPoolId().equals(pool)) {
            throw new ApiException(2036, "user pool " + pool + " is not served here (this is "
                    + s.options().userPoolId() + ")");
        }
    }

    private static String str(Map<String, Object> body, String key) {
        Object value = body.get(key);
        return value == null ? null : value.toString();
    }
}
