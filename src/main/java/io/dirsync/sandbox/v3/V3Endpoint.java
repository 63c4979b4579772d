package io.dirsync.sandbox.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dirsync.sandbox.PoolStore;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The sandbox's v3 management API ({@code /api/v3/*}, signed REST) over the same store as its v2
 * API: checks the signature (HTTP 401 when missing or wrong), answers in v3's envelope
 * ({@code statusCode}, {@code message}, {@code apiCode}, {@code requestId}, {@code data}) with
 * business errors as HTTP 200. The HTTP front applies the knobs (rate limit, latency, faults and the
 * body-level throttle) to these routes as to the v2 ones. Thread-safe.
 */
public final class V3Endpoint {
    /** One answer: HTTP status, JSON body, and the route name the stats count (null when unrouted). */
    public record Answer(int status, Map<String, Object> body, String route) {
    }

    private final Routes routes = new Routes();
    private final SignatureCheck signatures;

    public V3Endpoint(PoolStore store) {
        this.signatures = new SignatureCheck(store.userPoolId(), store.secret(), store.clock());
        Views views = new Views(store);
        Departments departments = new Departments(store, views);
        new UserRoutes(store, views, departments).register(routes);
        new OrgRoutes(store, views, departments).register(routes);
        new GroupRoleRoutes(store, views).register(routes);
    }

    /** Whether a request is for this API: a signed {@code /api/v3/} call, or one the v2 routes do not know. */
    public static boolean wants(String path, String authorization, boolean v2Route) {
        return path.startsWith("/api/v3/") && (!v2Route || (authorization != null && authorization.startsWith("authing ")));
    }

    /** @param headers request headers by lower-case name (first value) */
    public Answer handle(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {
        String name = path.substring("/api/v3/".length());
        Routes.Handler handler = routes.find(method, name);
        String route = handler == null ? null : method + " /api/v3/" + name;
        try {
            JsonNode params = method.equals("GET") ? query(rawQuery) : body(body);
            signatures.verify(method, path, rawQuery, headers, params);
            if (handler == null) {
                return new Answer(404, envelope(404, 404, "the sandbox has no v3 route " + method + " " + path, null), null);
            }
            return new Answer(200, envelope(200, 0, "", handler.handle(new V3Request(route, params))), route);
        } catch (V3Error e) {
            int status = e.statusCode() == 401 ? 401 : 200;
            return new Answer(status, envelope(e.statusCode(), e.apiCode(), e.getMessage(), null), route);
        } catch (PoolStore.StoreError e) {
            V3Error v3 = V3Error.fromStore(e.code(), e.getMessage());
            return new Answer(200, envelope(v3.statusCode(), v3.apiCode(), v3.getMessage(), null), route);
        }
    }

    private static Map<String, Object> envelope(int statusCode, int apiCode, String message, Object data) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statusCode", statusCode);
        out.put("message", message);
        if (statusCode != 200) {
            out.put("apiCode", apiCode);
        }
        out.put("requestId", UUID.randomUUID().toString().replace("-", ""));
        if (statusCode == 200) {
            out.put("data", data);
        }
        return out;
    }

    private static JsonNode body(byte[] body) {
        if (body == null || body.length == 0) {
            return Views.JSON.createObjectNode();
        }
        try {
            JsonNode node = Views.JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw V3Error.invalid("the request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw V3Error.invalid("the request body is not JSON: " + e.getMessage());
        }
    }

    /** The query as an object: {@code key[]} repeated becomes an array, everything else text. */
    private static JsonNode query(String raw) {
        ObjectNode out = Views.JSON.createObjectNode();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (key.endsWith("[]")) {
                String name = key.substring(0, key.length() - 2);
                JsonNode existing = out.get(name);
                ArrayNode array = existing instanceof ArrayNode a ? a : out.putArray(name);
                array.add(value);
            } else {
                out.put(key, value);
            }
        }
        return out;
    }
}
