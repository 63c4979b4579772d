package io.dirsync.sandbox.v3;

import java.util.HashMap;
import java.util.Map;

/** The v3 routing table: {@code "GET get-user"} → handler returning the envelope's {@code data}. */
final class Routes {
    interface Handler {
        Object handle(V3Request request);
    }

    private final Map<String, Handler> handlers = new HashMap<>();

    void get(String name, Handler handler) {
        handlers.put("GET " + name, handler);
    }

    void post(String name, Handler handler) {
        handlers.put("POST " + name, handler);
    }

    Handler find(String method, String name) {
        return handlers.get(method + " " + name);
    }

    static Map<String, Object> success() {
        return Map.of("success", true);
    }
}
