package io.dirsync.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The shape of a stored user: its fields, defaults and input normalisation. */
final class UserRecords {
    /** Every stored field of {@code User} (nested fields are computed on read). */
    static final List<String> FIELDS = List.of("id", "arn", "userPoolId", "status", "username", "email",
            "emailVerified", "phone", "phoneVerified", "unionid", "openid", "identities", "nickname",
            "registerSource", "photo", "password", "oauth", "token", "tokenExpiredAt", "loginsCount",
            "lastLogin", "lastIP", "signedUp", "blocked", "isDeleted", "device", "browser", "company", "name",
            "givenName", "familyName", "middleName", "profile", "preferredUsername", "website", "gender",
            "birthdate", "zoneinfo", "locale", "address", "formatted", "streetAddress", "locality", "region",
            "postalCode", "city", "province", "country", "createdAt", "updatedAt", "externalId",
            "phoneCountryCode", "mainDepartmentId", "expiredAt", "directManagement");

    /** Fields a client may not set directly. */
    private static final Set<String> SERVER_OWNED = Set.of("id", "arn", "userPoolId", "status", "identities",
            "createdAt", "updatedAt", "token");

    static final String DEFAULT_PHOTO = "https://files.authing.co/authing-console/default-user-avatar.png";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private UserRecords() {
    }

    /** A new user row with the API's defaults, filled from already validated input. */
    static Map<String, Object> newUser(String id, String poolId, String now, Map<String, Object> input) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String field : FIELDS) {
            row.put(field, null);
        }
        row.put("id", id);
        row.put("arn", "arn:cn:authing:" + poolId + ":user:" + id);
        row.put("userPoolId", poolId);
        row.put("status", "Activated");
        row.put("identities", List.of());
        row.put("registerSource", List.of("import:manual"));
        row.put("photo", DEFAULT_PHOTO);
        row.put("emailVerified", false);
        row.put("phoneVerified", false);
        row.put("loginsCount", 0);
        row.put("blocked", false);
        row.put("isDeleted", false);
        row.put("gender", "U");
        row.put("signedUp", now);
        row.put("createdAt", now);
        row.put("updatedAt", now);
        input.forEach((key, value) -> {
            if (value != null && !SERVER_OWNED.contains(key) && row.containsKey(key)) {
                row.put(key, value);
            }
        });
        return row;
    }

    /**
     * Normalises create/update input: keeps only known fields, lower-cases and checks the email,
     * blanks identifiers to null, checks ISO-8601 timestamps.
     */
    static Map<String, Object> normalise(Map<String, Object> input) {
        Map<String, Object> out = new LinkedHashMap<>();
        input.forEach((key, value) -> {
            if (!FIELDS.contains(key) || SERVER_OWNED.contains(key)) {
                throw ApiException.invalid("user field " + key + " cannot be set");
            }
            out.put(key, value);
        });
        for (String field : List.of("username", "email", "phone", "externalId")) {
            if (out.get(field) instanceof String s && s.isBlank()) {
                out.put(field, null);
            }
        }
        if (out.get("email") instanceof String email) {
            String lower = email.trim().toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(lower).matches()) {
                throw new ApiException(ApiException.NEED_IDENTIFIER, "email \"" + email + "\" is not a valid email address");
            }
            out.put("email", lower);
        }
        Times.requireIso("lastLogin", out.get("lastLogin"));
        Times.requireIso("signedUp", out.get("signedUp"));
        return out;
    }

    /** The user as returned on the wire: every {@code User} field, without internal extras. */
    static Map<String, Object> view(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : FIELDS) {
            out.put(field, row.get(field));
        }
        return out;
    }
}
