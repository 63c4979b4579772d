package io.dirsync.directory.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.dirsync.directory.DirectoryException;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
 * @param extensionAttributes the names of the attributes of the User resource type's extension
 *     schemas (from /ResourceTypes and /Schemas): a core attribute of the same name is sent fully
 *     qualified in PATCH paths, where the bare name is ambiguous
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
    boolean enterprise,
    Set<String> extensionAttributes) {

  static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

  ServerFeatures {
    customTypes = Map.copyOf(customTypes);
    extensionAttributes = Set.copyOf(extensionAttributes);
  }

  static ServerFeatures discover(ScimClient client, String customSchema) {
    JsonNode config = client.get("ServiceProviderConfig", Map.of()).body();
    if (config == null) throw ScimErrors.unsupported("SCIM /ServiceProviderConfig answered nothing");
    boolean filter = config.path("filter").path("supported").asBoolean(false);
    int maxResults = config.path("filter").path("maxResults").asInt(0);
    if (maxResults <= 0) maxResults = Integer.MAX_VALUE;
    JsonNode bulk = config.path("bulk");
    Map<String, Map<String, String>> schemas = schemas(client, maxResults);
    ResourceTypes types = ResourceTypes.read(client, maxResults);
    Set<String> extensionAttributes = new HashSet<>();
    types.userExtensions().forEach(urn -> extensionAttributes.addAll(schemas.getOrDefault(urn, Map.of()).keySet()));
    return new ServerFeatures(
        config.path("patch").path("supported").asBoolean(false),
        bulk.path("supported").asBoolean(false) && bulk.path("maxOperations").asInt(0) > 0,
        bulk.path("maxOperations").asInt(0),
        bulk.path("maxPayloadSize").asLong(0),
        filter,
        maxResults,
        config.path("etag").path("supported").asBoolean(false),
        customSchema == null ? Map.of() : customTypes(schemas, customSchema),
        types.groups(),
        types.enterprise(),
        extensionAttributes);
  }

  /**
   * What /ResourceTypes declares (RFC 7643 §6): the Group type, the User type's extensions;
   * everything (and no other extension) when the server does not publish it.
   */
  record ResourceTypes(boolean groups, boolean enterprise, Set<String> userExtensions) {
    static ResourceTypes read(ScimClient client, int maxResults) {
      ResourceTypes all = new ResourceTypes(true, true, Set.of());
      List<JsonNode> list;
      try {
        list = Paging.all(client, maxResults, "ResourceTypes", Map.of());
      } catch (DirectoryException e) {
        if (e.httpStatus() == 404 || e.httpStatus() == 501) return all;
        throw e;
      }
      if (list.isEmpty()) return all;
      boolean groups = false;
      Set<String> extensions = new HashSet<>();
      for (JsonNode type : list) {
        String schema = type.path("schema").asText("");
        if (schema.equals(GROUP_SCHEMA) || type.path("endpoint").asText("").equals("/Groups")) groups = true;
        if (schema.equals(UserCodec.CORE) || type.path("endpoint").asText("").equals("/Users")) {
          type.path("schemaExtensions").forEach(ext -> extensions.add(ext.path("schema").asText()));
        }
      }
      return new ResourceTypes(groups, extensions.contains(UserCodec.ENTERPRISE), Set.copyOf(extensions));
    }
  }

  /** Each schema's top-level attributes and their types, by schema URN, from /Schemas; empty when not published. */
  private static Map<String, Map<String, String>> schemas(ScimClient client, int maxResults) {
    List<JsonNode> list;
    try {
      list = Paging.all(client, maxResults, "Schemas", Map.of());
    } catch (DirectoryException e) {
      if (e.httpStatus() == 404 || e.httpStatus() == 501) return Map.of();
      throw e;
    }
    Map<String, Map<String, String>> out = new HashMap<>();
    for (JsonNode schema : list) {
      Map<String, String> types = new HashMap<>();
      schema.path("attributes").forEach(a -> types.put(a.path("name").asText(), a.path("type").asText("string")));
      out.put(schema.path("id").asText(), types);
    }
    return out;
  }

  /** The custom schema's attributes; refused when the server lists schemas but not this one. */
  private static Map<String, String> customTypes(Map<String, Map<String, String>> schemas, String customSchema) {
    if (schemas.isEmpty()) return Map.of();
    Map<String, String> types = schemas.get(customSchema);
    if (types != null) return types;
    throw ScimErrors.unsupported("the SCIM server does not publish the custom data schema " + customSchema
        + " in /Schemas; set target.customSchema to one of its user extension schemas");
  }
}
