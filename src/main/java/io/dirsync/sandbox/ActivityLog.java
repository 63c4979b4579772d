package io.dirsync.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The audit trail of user actions (login, logout, kick, create, update, delete) and login state. */
final class ActivityLog {
    private final Database db;
    private final Table actions;
    private final Table sessions;
    private final Clock clock;
    private final String poolId;
    private final ConcurrentSkipListMap<Long, Map<String, Object>> bySeq = new ConcurrentSkipListMap<>();
    private final AtomicLong seq = new AtomicLong();

    ActivityLog(Database db, Clock clock, String poolId) {
        this.db = db;
        this.actions = db.table("userActions");
        this.sessions = db.table("sessions");
        this.clock = clock;
        this.poolId = poolId;
        for (Map<String, Object> row : actions.values()) {
            long n = ((Number) row.get("seq")).longValue();
            bySeq.put(n, row);
            seq.accumulateAndGet(n, Math::max);
        }
    }

    /** Records one action by a user. */
    void record(Map<String, Object> user, String operation, String description) {
        if (user == null) {
            return;
        }
        db.write(() -> {
            long n = seq.incrementAndGet();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seq", n);
            row.put("userpool_id", poolId);
            row.put("userId", user.get("id"));
            Map<String, Object> who = new LinkedHashMap<>();
            who.put("id", user.get("id"));
            who.put("displayName", firstNonNull(user.get("username"), user.get("email"), user.get("phone"),
                    user.get("externalId")));
            row.put("user", who);
            row.put("geoip", Map.of("city_name", "", "region_name", "", "ip", "127.0.0.1"));
            row.put("operation_name", operation);
            row.put("operation_desc", description);
            row.put("timestamp", Times.now(clock));
            row.put("app_id", null);
            row.put("app", Map.of("name", "sandbox"));
            bySeq.put(n, actions.put(String.format("%016d", n), row));
        });
    }

    /** Newest first, filtered by operation names and user ids when given. */
    Map<String, Object> query(Set<String> operations, Set<String> userIds, Integer page, Integer limit) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> row : bySeq.descendingMap().values()) {
            if ((operations.isEmpty() || operations.contains(row.get("operation_name")))
                    && (userIds.isEmpty() || userIds.contains(row.get("userId")))) {
                all.add(row);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("list", Paging.slice(all, page, limit));
        result.put("totalCount", all.size());
        return result;
    }

    void loggedIn(String userId) {
        sessions.put(userId, Map.of("userId", userId, "isLogin", true, "at", Times.now(clock)));
    }

    void loggedOut(String userId) {
        if (sessions.get(userId) != null) {
            sessions.put(userId, Map.of("userId", userId, "isLogin", false, "at", Times.now(clock)));
        }
    }

    boolean isLoggedIn(String userId) {
        Map<String, Object> row = sessions.get(userId);
        return row != null && Boolean.TRUE.equals(row.get("isLogin"));
    }

    private static Object firstNonNull(Object... values) {
        for (Object v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
