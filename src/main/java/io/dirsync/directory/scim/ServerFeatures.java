package io.dirsync.directory.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.dirsync.directory.DirectoryException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the service provider says it supports (RFC 7643 §5 ServiceProviderConfig, §6 ResourceTypes,
 * §7 Schemas), read once before the first call that needs it.
 *
 * @param filterMaxResults the most resources one list answer holds (Integer.MAX_VALUE when unstated)
 * @param bulkMaxPayloadSize in bytes
 * @param customTypes the custom-data schema's attributes and their SCIM types; empty when the server
 *     does not publish /Schemas (values are then sent as given)
 * @param groups whether the server declares the Group resource type (true when it publishes no /ResourceTypes)
 * @param enterprise whether the User resource type declares the enterprise extension (true when it
 *     publishes no /ResourceTypes)
 */
record ServerFeatures(
    boolean patch,
    boolean bulk,
    int bulkMaxOperations,
    long bulkMaxPayloadSize,
    boolean filter,
    int filterMaxResults,
    boolean etag,
    Map<String, String> customTypes,
    boolean groups,
    boolean enterprise) {

  static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

  ServerFeatures {
    customTypes = Map.copyOf(customTypes);
  }

  static ServerFeatures discover(ScimClient client, String customSchema) {
    JsonNode config = client.get("ServiceProviderConfig", Map.of()).body();
    if (config == null) throw ScimErrors.unsupported("SCIM /ServiceProviderConfig answered nothing");
    boolean filter = config.path("filter").path("supported").asBoolean(false);
    int maxResults = config.path("filter").path("maxResults").asInt(0);
    if (maxResults <= 0) maxResults = Integer.MAX_VALUE;
    JsonNode bulk = config.path("bulk");
    Map<String, String> custom = customSchema == null ? Map.of() : customTypes(client, customSchema, maxResults);
    ResourceTypes types = ResourceTypes.read(client, maxResults);
    return new ServerFeatures(
        config.path("patch").path("supported").asBoolean(false),
        bulk.path("supported").asBoolean(false) && bulk.path("maxOperations").asInt(0) > 0,
        bulk.path("maxOperations").asInt(0),
        bulk.path("maxPayloadSize").asLong(0),
        filter,
        maxResults,
        config.path("etag").path("supported").asBoolean(false),
        custom,
        types.groups(),
        types.enterprise());
  }

  /** What /ResourceTypes declares (RFC 7643 §6); everything when the server does not publish it. */
  record ResourceTypes(boolean groups, boolean enterprise) {
    static ResourceTypes read(ScimClient client, int maxResults) {
      List<JsonNode> list;
      try {
        list = Paging.all(client, maxResults, "ResourceTypes", Map.of());
      } catch (DirectoryException e) {
        if (e.httpStatus() == 404 || e.httpStatus() == 501) return new ResourceTypes(true, true);
        throw e;
      }
      if (list.isEmpty()) return new ResourceTypes(true, true);
      boolean groups = false;
      boolean enterprise = false;
      for (JsonNode type : list) {
        String schema = type.path("schema").asText("");
        if (schema.equals(GROUP_SCHEMA) || type.path("endpoint").asText("").equals("/Groups")) groups = true;
        if (schema.equals(UserCodec.CORE) || type.path("endpoint").asText("").equals("/Users")) {
          for (JsonNode ext : type.path("schemaExtensions")) {
            if (UserCodec.ENTERPRISE.equals(ext.path("schema").asText())) enterprise = true;
          }
        }
      }
      return new ResourceTypes(groups, enterprise);
    }
  }

  /** The custom schema's attributes from /Schemas; refused when the server lists schemas but not this one. */
  private static Map<String, String> customTypes(ScimClient client, String customSchema, int maxResults) {
    List<JsonNode> list;
    try {
      list = Paging.all(client, maxResults, "Schemas", Map.of());
    } catch (DirectoryException e) {
      if (e.httpStatus() == 404 || e.httpStatus() == 501) return Map.of();
      throw e;
    }
    if (list.isEmpty()) return Map.of();
    for (JsonNode schema : list) {
      if (!customSchema.equals(schema.path("id").asText())) continue;
      Map<String, String> types = new HashMap<>();
      schema.path("attributes").forEach(a -> types.put(a.path("name").asText(), a.path("type").asText("string")));
      return types;
    }
    throw ScimErrors.unsupported("the SCIM server does not publish the custom data schema " + customSchema
        + " in /Schemas; set target.customSchema to one of its user extension schemas");
  }
}
