package io.dirsync.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** User sessions: issuing user tokens (a login), kicking, logging out, and login status. */
final class SessionActions {
    static final Duration USER_TOKEN_TTL = Duration.ofDays(15);

    private final Sandbox s;

    SessionActions(Sandbox sandbox) {
        this.s = sandbox;
    }

    /** Issues a user JWT and records a login. */
    Map<String, Object> refreshToken(String userId) {
        Map<String, Object> user = s.users().require(userId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "user");
        data.put("userPoolId", s.options().userPoolId());
        data.put("appId", null);
        data.put("arn", user.get("arn"));
        data.put("id", userId);
        data.put("userId", userId);
        data.put("_id", userId);
        data.put("phone", user.get("phone"));
        data.put("email", user.get("email"));
        data.put("username", user.get("username"));
        data.put("unionid", user.get("unionid"));
        data.put("openid", user.get("openid"));
        data.put("clientId", s.options().userPoolId());
        TokenService.Issued issued = s.tokens().issue(userId, USER_TOKEN_TTL, data);
        s.users().patch(userId, Map.of(
                "token", issued.token(),
                "tokenExpiredAt", Times.format(Instant.ofEpochSecond(issued.exp())),
                "lastLogin", Times.now(s.clock()),
                "loginsCount", ((Number) user.getOrDefault("loginsCount", 0)).intValue() + 1));
        s.activity().loggedIn(userId);
        s.activity().record(user, "login", "user logged in (token issued by refreshToken)");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("token", issued.token());
        result.put("iat", issued.iat());
        result.put("exp", issued.exp());
        return result;
    }

    /** Forces the users offline; unknown ids fail the call and nobody is kicked. */
    void kick(List<String> userIds) {
        List<String> missing = userIds.stream().filter(id -> s.users().get(id) == null).toList();
        if (!missing.isEmpty()) {
            throw new ApiException(ApiException.NOT_FOUND, "users do not exist: " + String.join(", ", missing));
        }
        for (String id : userIds) {
            endSession(id, "kick", "user kicked offline by an administrator");
        }
    }

    void logout(String userId) {
        s.users().require(userId);
        endSession(userId, "logout", "user logged out by an administrator");
    }

    Map<String, Object> status(String userId) {
        Map<String, Object> user = s.users().get(userId);
        Map<String, Object> result = new LinkedHashMap<>();
        boolean loggedIn = user != null && s.activity().isLoggedIn(userId);
        result.put("isLogin", loggedIn);
        if (loggedIn) {
            result.put("user", UserRecords.view(user));
            result.put("application", List.of());
        }
        return result;
    }

    private void endSession(String userId, String operation, String description) {
        Map<String, Object> user = s.users().get(userId);
        s.activity().loggedOut(userId);
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("token", null);
        patch.put("tokenExpiredAt", Times.now(s.clock()));
        s.users().patch(userId, patch);
        s.activity().record(user, operation, description);
    }
}
