package io.dirsync.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** GraphQL fetchers for users: queries, mutations and the computed fields of {@code User}. */
final class UserFetchers {
    private static final List<String> SEARCH_FIELDS = List.of("username", "nickname", "email", "phone", "company",
            "name", "givenName", "familyName", "middleName", "profile", "preferredUsername");

    private final Sandbox s;

    UserFetchers(Sandbox sandbox) {
        this.s = sandbox;
    }

    void register(Wiring w) {
        w.query("user", env -> s.users().get(Args.str(env, "id")));
        w.query("users", env -> s.users().page(Args.integer(env, "page"), Args.integer(env, "limit"),
                Args.str(env, "sortBy"), Boolean.TRUE.equals(Args.bool(env, "excludeUsersInOrg"))
                        ? u -> s.members().nodesOf((String) u.get("id")).isEmpty() : u -> true));
        w.query("findUser", env -> s.users().find(criteria(env)));
        w.query("userBatch", env -> userBatch(Args.strings(env, "ids"), Args.str(env, "type")));
        w.query("isUserExists", env -> s.users().exists(criteria(env)));
        w.query("archivedUsers", env -> s.users().archivedPage(Args.integer(env, "page"), Args.integer(env, "limit")));
        w.query("searchUser", env -> s.users().page(Args.integer(env, "page"), Args.integer(env, "limit"), null,
                search(Args.str(env, "query"), Args.strings(env, "fields"))
                        .and(inDepartments(Args.maps(env, "departmentOpts")))
                        .and(inGroups(Args.maps(env, "groupOpts")))
                        .and(withRoles(Args.maps(env, "roleOpts")))));
        w.mutation("createUser", env -> {
            Map<String, String> customData = s.udf().encodeRaw("USER", CustomParams.parse(Args.str(env, "params")));
            Map<String, Object> user = s.users().create(Args.map(env, "userInfo"),
                    Boolean.TRUE.equals(Args.bool(env, "keepPassword")));
            if (!customData.isEmpty()) {
                s.udf().set("USER", (String) user.get("id"), customData);
            }
            Map<String, Object> identity = Args.map(env, "identity");
            if (!identity.isEmpty()) {
                Map<String, Object> ident = new LinkedHashMap<>(identity);
                ident.put("userId", user.get("id"));
                ident.put("userPoolId", s.options().userPoolId());
                user = s.users().patch((String) user.get("id"), Map.of("identities", List.of(ident)));
            }
            s.activity().record(user, "createUser", "user created");
            return user;
        });
        w.mutation("updateUser", env -> {
            Map<String, Object> user = s.users().update(Args.str(env, "id"), Args.map(env, "input"));
            s.activity().record(user, "updateUser", "user updated");
            return user;
        });
        w.mutation("deleteUser", env -> delete(List.of(Args.str(env, "id"))));
        w.mutation("deleteUsers", env -> delete(Args.strings(env, "ids")));
        w.mutation("refreshToken", env -> new SessionActions(s).refreshToken(Args.str(env, "id")));

        w.type("User", "groups", env -> {
            List<Map<String, Object>> groups = s.groups().groupsOf(id(env.getSource()));
            return Paging.result(groups.size(), groups);
        });
        w.type("User", "roles", env -> {
            List<Map<String, Object>> roles = s.roles().rolesOfUser(id(env.getSource()),
                    RoleStore.ns(Args.str(env, "namespace")));
            return Paging.result(roles.size(), roles);
        });
        w.type("User", "departments", env -> {
            List<Map<String, Object>> list = s.members().departmentsOf(id(env.getSource()), Args.str(env, "orgId"));
            List<Map<String, Object>> out = list.stream().map(d -> {
                Map<String, Object> item = new LinkedHashMap<>(d);
                item.put("department", s.views().node(castMap(d.get("department"))));
                return item;
            }).toList();
            return Paging.result(out.size(), out);
        });
        w.type("User", "customData", env -> s.udf().valuesOf("USER", id(env.getSource())));
        w.type("User", "authorizedResources", env -> Paging.result(0, List.of()));
        w.type("User", "mainDepartmentCode", env -> {
            Map<String, Object> node = s.orgs().node((String) castMap(env.getSource()).get("mainDepartmentId"));
            return node == null ? null : node.get("code");
        });
    }

    /** Like REST {@code users/batch}: at most 80 ids, unknown ones left out, input order, no duplicates. */
    private List<Map<String, Object>> userBatch(List<String> ids, String type) {
        String field = type == null ? "id" : type;
        if (!List.of("id", "username", "email", "phone", "externalId").contains(field)) {
            throw ApiException.invalid("type must be one of id, username, email, phone, externalId, got " + field);
        }
        if (ids.size() > UserRoutes.BATCH_LIMIT) {
            throw new ApiException(ApiException.BATCH_TOO_LARGE,
                    "one query may not exceed " + UserRoutes.BATCH_LIMIT + " users, got " + ids.size());
        }
        Map<Object, Map<String, Object>> found = new LinkedHashMap<>();
        for (String id : ids) {
            Map<String, Object> user = s.users().findBy(field, id);
            if (user != null) {
                found.putIfAbsent(user.get("id"), user);
            }
        }
        return List.copyOf(found.values());
    }

    private Map<String, Object> delete(List<String> ids) {
        List<Map<String, Object>> doomed = ids.stream().map(s.users()::get).toList();
        s.users().archive(ids);
        doomed.forEach(u -> s.activity().record(u, "deleteUser", "user deleted"));
        return Args.message("删除成功!");
    }

    private static Map<String, String> criteria(graphql.schema.DataFetchingEnvironment env) {
        Map<String, String> criteria = new LinkedHashMap<>();
        for (String field : List.of("username", "email", "phone", "externalId")) {
            criteria.put(field, Args.str(env, field));
        }
        return criteria;
    }

    private static Predicate<Map<String, Object>> search(String query, List<String> fields) {
        String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
        List<String> where = fields.isEmpty() ? SEARCH_FIELDS : fields;
        return u -> q.isEmpty() || where.stream()
                .anyMatch(f -> u.get(f) instanceof String v && v.toLowerCase(Locale.ROOT).contains(q));
    }

    private Predicate<Map<String, Object>> inDepartments(List<Map<String, Object>> opts) {
        if (opts.isEmpty()) {
            return u -> true;
        }
        return u -> opts.stream().anyMatch(o -> s.members().memberIds((String) o.get("departmentId"),
                Boolean.TRUE.equals(o.get("includeChildrenDepartments"))).contains(id(u)));
    }

    private Predicate<Map<String, Object>> inGroups(List<Map<String, Object>> opts) {
        if (opts.isEmpty()) {
            return u -> true;
        }
        return u -> opts.stream().anyMatch(o -> s.groups().memberIds((String) o.get("code")).contains(id(u)));
    }

    private Predicate<Map<String, Object>> withRoles(List<Map<String, Object>> opts) {
        if (opts.isEmpty()) {
            return u -> true;
        }
        return u -> opts.stream().anyMatch(o -> {
            Map<String, Object> role = s.roles().get((String) o.get("code"), (String) o.get("namespace"));
            return role != null && s.roles().userIds((String) role.get("id")).contains(id(u));
        });
    }

    static String id(Object source) {
        return (String) castMap(source).get("id");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
