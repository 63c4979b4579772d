package io.dirsync.directory.authing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Permission namespaces (REST {@code /api/v2/resource-namespace/{userPoolId}}). Thread-safe. */
public final class AclApi {
  private static final String ROUTE = "/api/v2/resource-namespace/{pool}";

  private final Transport t;

  AclApi(Transport transport) {
    this.t = transport;
  }

  public Paginated<Namespace> listNamespaces(int page, int limit) {
    JsonNode data = t.rest("GET " + ROUTE, "GET", path(), Map.of("page", page, "limit", limit), null);
    return new Paginated<>(data.path("total").asInt(0), Read.list(data.path("list"), AclApi::namespace));
  }

  public Namespace createNamespace(String code, String name, String description) {
    JsonNode data = t.rest("POST " + ROUTE, "POST", path(), Map.of(),
        Vars.of("name", name).put("code", code).put("description", description).map());
    return namespace(data);
  }

  private String path() {
    return "/api/v2/resource-namespace/" + UsersApi.segment(t.userPoolId());
  }

  private static Namespace namespace(JsonNode n) {
    return new Namespace(n.path("id").asLong(0), Read.text(n, "code"), Read.text(n, "name"), Read.text(n, "description"));
  }
}
