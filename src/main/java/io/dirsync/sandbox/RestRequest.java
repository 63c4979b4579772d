package io.dirsync.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One REST call: method, path, query parameters (axios style, {@code a[]=x&a[]=y}) and body. */
record RestRequest(String method, String path, Map<String, List<String>> query, byte[] body, List<String> pathVars) {

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2);
            }
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    RestRequest withPathVars(List<String> vars) {
        return new RestRequest(method, path, query, body, vars);
    }

    String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> params(String name) {
        return query.getOrDefault(name, List.of());
    }

    Integer intParam(String name) {
        String value = param(name);
        try {
            return value == null || value.isEmpty() ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("query parameter " + name + " must be a number, got " + value);
        }
    }

    String var(int index) {
        return pathVars.get(index);
    }

    Map<String, Object> json() {
        return Json.object(body);
    }
}
