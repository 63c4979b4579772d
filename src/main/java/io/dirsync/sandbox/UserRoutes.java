package io.dirsync.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** REST routes of the users module (detail, batch, sessions, audit, filter, resign) and the public key. */
final class UserRoutes {
    static final int BATCH_LIMIT = 80;
    private static final Set<String> BATCH_TYPES = Set.of("id", "username", "email", "phone", "externalId");

    private final Sandbox s;
    private final SessionActions sessions;

    UserRoutes(Sandbox sandbox) {
        this.s = sandbox;
        this.sessions = new SessionActions(sandbox);
    }

    void register(RestRoutes r) {
        r.add("GET", "/api/v2/.well-known", req -> Map.of("publicKey", s.keys().publicKeyPem()));
        r.add("POST", "/api/v2/users/batch", this::batch);
        r.add("POST", "/api/v2/users/kick", req -> {
            sessions.kick(strings(req.json().get("userIds")));
            return null;
        });
        r.add("POST", "/api/v2/users/filter", this::filter);
        r.add("GET", "/api/v2/users/login-status", req -> sessions.status(req.param("userId")));
        r.add("GET", "/logout", req -> {
            String userId = req.param("userId");
            if (userId == null || userId.isBlank()) {
                throw ApiException.invalid("query parameter userId is required");
            }
            sessions.logout(userId);
            return null;
        });
        r.add("GET", "/api/v2/analysis/user-action", req -> {
            Set<String> userIds = new HashSet<>();
            for (String arn : req.params("operator_arn")) {
                userIds.add(arn.substring(arn.lastIndexOf(':') + 1));
            }
            return s.activity().query(new HashSet<>(req.params("operation_name")), userIds,
                    req.intParam("page"), req.intParam("limit"));
        });
        r.add("GET", "/api/v2/users/{id}/orgs", req -> {
            s.users().require(req.var(0));
            List<Object> paths = new ArrayList<>();
            for (String node : s.members().nodesOf(req.var(0))) {
                List<Map<String, Object>> path = s.views().restPath(node, s.options().userPoolId());
                if (path != null) {
                    paths.add(path);
                }
            }
            return paths;
        });
        r.add("GET", "/api/v2/users/{id}/tenants", req -> List.of());
        r.add("GET", "/api/v2/users/{id}", req -> {
            Map<String, Object> user = s.users().get(req.var(0));
            return user == null ? null : view(user, "true".equals(req.param("with_custom_data")));
        });
        r.add("POST", "/api/v3/resign-user", true, false, req -> {
            resign(List.of(String.valueOf(req.json().get("userId"))));
            return null;
        });
        r.add("POST", "/api/v3/resign-user-batch", true, false, req -> {
            resign(strings(req.json().get("userIds")));
            return null;
        });
    }

    private Object batch(RestRequest req) {
        Map<String, Object> body = req.json();
        List<String> ids = strings(body.get("ids"));
        String type = body.get("type") == null ? "id" : body.get("type").toString();
        if (!BATCH_TYPES.contains(type)) {
            throw ApiException.invalid("type must be one of " + BATCH_TYPES + ", got " + type);
        }
        if (ids.size() > BATCH_LIMIT) {
            throw new ApiException(ApiException.BATCH_TOO_LARGE,
                    "one query may not exceed " + BATCH_LIMIT + " users, got " + ids.size());
        }
        boolean withCustomData = Boolean.TRUE.equals(body.get("withCustomData"));
        List<Map<String, Object>> found = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (String id : ids) {
            Map<String, Object> user = s.users().findBy(type, id);
            if (user != null && seen.add(user.get("id"))) {
                found.add(view(user, withCustomData));
            }
        }
        return found;
    }

    /** A simple filter: clauses {@code [field, op, value]}, field a name or {@code {type, value}}. */
    @SuppressWarnings("unchecked")
    private Object filter(RestRequest req) {
        Map<String, Object> body = req.json();
        List<Object> clauses = body.get("filter") instanceof List<?> l ? (List<Object>) l : List.of();
        List<Map<String, Object>> all = new ArrayList<>();
        Map<String, Object> everyone = s.users().page(1, Integer.MAX_VALUE, null, u -> matches(u, clauses));
        for (Object u : (List<Object>) everyone.get("list")) {
            all.add(view((Map<String, Object>) u, false));
        }
        Integer page = body.get("page") instanceof Number n ? n.intValue() : null;
        Integer limit = body.get("limit") instanceof Number n ? n.intValue() : null;
        return Paging.of(all, page, limit);
    }

    @SuppressWarnings("unchecked")
    private boolean matches(Map<String, Object> user, List<Object> clauses) {
        for (Object clause : clauses) {
            if (!(clause instanceof List<?> c) || c.size() != 3) {
                throw ApiException.invalid("each filter clause must be [field, operator, value], got " + clause);
            }
            Object actual;
            if (c.get(0) instanceof Map<?, ?> f && "userDefinedFields".equals(f.get("type"))) {
                String key = String.valueOf(f.get("value"));
                actual = s.udf().valuesOf("USER", (String) user.get("id")).stream()
                        .filter(v -> key.equals(v.get("key"))).map(v -> v.get("value")).findFirst().orElse(null);
            } else {
                Object field = c.get(0) instanceof Map<?, ?> f ? ((Map<String, Object>) f).get("value") : c.get(0);
                actual = user.get(String.valueOf(field));
            }
            String expected = c.get(2) == null ? null : String.valueOf(c.get(2));
            String got = actual == null ? null : String.valueOf(actual);
            boolean ok = switch (String.valueOf(c.get(1))) {
                case "EQ" -> Objects.equals(got, expected);
                case "NEQ" -> !Objects.equals(got, expected);
                case "CONTAINS" -> got != null && expected != null && got.contains(expected);
                default -> throw ApiException.invalid("filter operator must be EQ, NEQ or CONTAINS, got " + c.get(1));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private void resign(List<String> userIds) {
        userIds.forEach(s.users()::require);
        for (String id : userIds) {
            Map<String, Object> user = s.users().patch(id, Map.of("status", "Resigned", "blocked", true));
            s.activity().record(user, "resignUser", "user resigned");
        }
    }

    /** The REST user: every {@code User} field, {@code identities}, and optionally {@code customData}. */
    Map<String, Object> view(Map<String, Object> user, boolean withCustomData) {
        Map<String, Object> out = new LinkedHashMap<>(UserRecords.view(user));
        if (withCustomData) {
            out.put("customData", s.udf().valuesOf("USER", (String) user.get("id")));
        }
        return out;
    }

    static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(Objects::nonNull).forEach(v -> out.add(v.toString()));
        } else if (value != null) {
            throw ApiException.invalid("expected a list of ids, got " + value);
        }
        return out;
    }
}
