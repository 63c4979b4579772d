package io.dirsync.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The REST routing table: method + path template → handler returning the envelope's {@code data}. */
final class RestRoutes {
    interface Handler {
        Object handle(RestRequest request);
    }

    /** A route; {@code name} (e.g. {@code GET /api/v2/users/{id}}) is what the stats count. */
    record Route(String method, Pattern pattern, String name, boolean v3Envelope, boolean open, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    void add(String method, String template, Handler handler) {
        add(method, template, false, false, handler);
    }

    void add(String method, String template, boolean v3Envelope, boolean open, Handler handler) {
        String regex = template.replaceAll("\\{[^}]+}", "([^/]+)");
        routes.add(new Route(method, Pattern.compile(regex), method + " " + template, v3Envelope, open, handler));
    }

    /** The first route matching, with its path variables filled into the request; null when none. */
    Match match(RestRequest request) {
        for (Route route : routes) {
            if (!route.method().equals(request.method())) {
                continue;
            }
            Matcher m = route.pattern().matcher(request.path());
            if (m.matches()) {
                List<String> vars = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    vars.add(java.net.URLDecoder.decode(m.group(i), java.nio.charset.StandardCharsets.UTF_8));
                }
                return new Match(route, request.withPathVars(vars));
            }
        }
        return null;
    }

    record Match(Route route, RestRequest request) {
    }
}
