package io.dirsync.sandbox.v3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dirsync.sandbox.PoolStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Store rows as v3's DTOs ({@code UserDto}, {@code DepartmentDto}, {@code GroupDto}, {@code RoleDto}) and custom-data values. */
final class Views {
    static final ObjectMapper JSON = new ObjectMapper();
    /** UserDto fields stored under the same name. */
    static final List<String> USER_FIELDS = List.of("externalId", "email", "phone", "phoneCountryCode", "username", "name",
            "nickname", "photo", "loginsCount", "lastLogin", "gender", "emailVerified", "phoneVerified", "birthdate",
            "country", "province", "city", "address", "streetAddress", "postalCode", "company", "browser", "device",
            "givenName", "familyName", "middleName", "profile", "preferredUsername", "website", "zoneinfo", "locale",
            "formatted", "region", "signedUp", "createdAt", "updatedAt", "mainDepartmentId");
    /** Writable through create-user / update-user (CreateUserReqDto, UpdateUserInfoDto). */
    static final Set<String> WRITABLE = Set.of("email", "phone", "phoneCountryCode", "username", "externalId", "name",
            "nickname", "photo", "gender", "emailVerified", "phoneVerified", "birthdate", "country", "province", "city",
            "address", "streetAddress", "postalCode", "company", "browser", "device", "givenName", "familyName",
            "middleName", "profile", "preferredUsername", "website", "zoneinfo", "locale", "formatted", "region",
            "password");

    private final PoolStore store;

    Views(PoolStore store) {
        this.store = store;
    }

    Map<String, Object> user(Map<String, Object> row, V3Request flags) {
        Map<String, Object> out = new LinkedHashMap<>();
        String id = (String) row.get("id");
        out.put("userId", id);
        out.put("status", status(row));
        out.put("workStatus", "Active");
        USER_FIELDS.forEach(f -> {
            if (row.get(f) != null) {
                out.put(f, row.get(f));
            }
        });
        out.put("lastIp", row.get("lastIP"));
        out.put("userSourceType", "adminCreated");
        out.put("emailVerified", Boolean.TRUE.equals(row.get("emailVerified")));
        out.put("phoneVerified", Boolean.TRUE.equals(row.get("phoneVerified")));
        if (flags.bool("withCustomData") || flags.params().path("options").path("withCustomData").asBoolean(false)) {
            Map<String, Object> custom = customData(id);
            if (flags.bool("flatCustomData")) {
                out.putAll(custom);
            } else {
                out.put("customData", custom);
            }
        }
        if (flags.bool("withDepartmentIds") || flags.params().path("options").path("withDepartmentIds").asBoolean(false)) {
            out.put("departmentIds", new ArrayList<>(store.nodesOfUser(id)));
        }
        if (flags.bool("withIdentities")) {
            out.put("identities", List.of());
        }
        return out;
    }

    static String status(Map<String, Object> row) {
        Object status = row.get("status");
        if (status instanceof String s && !s.equals("Activated")) {
            return s;
        }
        return Boolean.TRUE.equals(row.get("blocked")) ? "Suspended" : "Activated";
    }

    Map<String, Object> customData(String userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        store.customData("USER", userId).forEach((key, typed) -> out.put(key, decode(typed.get(0), typed.get(1))));
        return out;
    }

    static Object decode(String dataType, String text) {
        if (text == null) {
            return null;
        }
        switch (dataType) {
            case "NUMBER" -> {
                BigDecimal d = new BigDecimal(text);
                return d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValue() : (Object) d.doubleValue();
            }
            case "BOOLEAN" -> {
                return Boolean.parseBoolean(text);
            }
            case "DATETIME" -> {
                return Long.parseLong(text);
            }
            case "OBJECT" -> {
                try {
                    return JSON.readValue(text, Object.class);
                } catch (JsonProcessingException e) {
                    return text;
                }
            }
            default -> {
                return text;
            }
        }
    }

    /** A custom-data value as the JSON text the store takes. */
    static String encode(JsonNode value) {
        return value == null || value.isNull() ? null : value.toString();
    }

    Map<String, Object> department(String orgCode, Map<String, Object> node) {
        Map<String, Object> out = new LinkedHashMap<>();
        String id = (String) node.get("id");
        out.put("organizationCode", orgCode);
        out.put("departmentId", id);
        out.put("createdAt", node.get("createdAt"));
        out.put("updatedAt", node.get("updatedAt"));
        out.put("name", node.get("name"));
        out.put("description", node.get("description"));
        out.put("code", node.get("code"));
        String parentId = (String) node.get("parentId");
        Map<String, Object> parent = store.node(parentId);
        out.put("parentDepartmentId", parentId);
        out.put("parentDepartmentCode", parent == null ? null : parent.get("code"));
        out.put("membersCount", store.nodeMemberIds(id, false).size());
        out.put("hasChildren", !store.childNodeIds(id).isEmpty());
        out.put("isVirtualNode", false);
        out.put("leaderUserIds", List.of());
        return out;
    }

    static Map<String, Object> group(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", row.get("id"));
        out.put("code", row.get("code"));
        out.put("name", row.get("name"));
        out.put("description", row.get("description") == null ? "" : row.get("description"));
        out.put("type", "static");
        out.put("metadataSource", List.of());
        return out;
    }

    static Map<String, Object> role(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", row.get("id"));
        out.put("code", row.get("code"));
        out.put("name", row.get("code"));
        out.put("description", row.get("description") == null ? "" : row.get("description"));
        out.put("namespace", row.get("namespace"));
        out.put("namespaceName", row.get("namespace"));
        out.put("status", "ENABLE");
        return out;
    }

    /** A {@code {totalCount, list}} page of {@code all}. */
    static Map<String, Object> page(List<?> all, int page, int limit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totalCount", all.size());
        long from = (long) (Math.max(1, page) - 1) * limit;
        out.put("list", from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + limit)));
        return out;
    }
}
