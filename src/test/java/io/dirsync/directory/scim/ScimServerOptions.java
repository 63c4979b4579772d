package io.dirsync.directory.scim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the SCIM test server behaves: which features its /ServiceProviderConfig offers, its limits,
 * the extension schema for custom data, and the credentials it accepts (bearer token, basic, or
 * OAuth 2.0 client credentials at {@code /oauth/token}).
 */
record ScimServerOptions(
    boolean patch,
    boolean bulk,
    int bulkMaxOperations,
    long bulkMaxPayloadSize,
    int filterMaxResults,
    boolean etag,
    Map<String, String> customAttributes,
    String bearerToken,
    String basicUser,
    String basicPassword,
    String clientId,
    String clientSecret) {

  static final String CUSTOM_SCHEMA = "urn:dirsync:scim:schemas:extension:custom:2.0:User";

  ScimServerOptions {
    customAttributes = Map.copyOf(customAttributes);
  }

  /** Everything on, bearer token {@code test-token}, custom attributes school, age, vip, level, title, employeeType. */
  static ScimServerOptions defaults() {
    Map<String, String> custom = new LinkedHashMap<>();
    custom.put("school", "string");
    custom.put("age", "integer");
    custom.put("vip", "boolean");
    custom.put("level", "string");
    custom.put("title", "string");
    custom.put("employeeType", "string");
    return new ScimServerOptions(true, true, 100, 1_048_576, 200, true, custom, "test-token", null, null, null, null);
  }

  ScimServerOptions withoutPatch() {
    return new ScimServerOptions(false, bulk, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, etag, customAttributes,
        bearerToken, basicUser, basicPassword, clientId, clientSecret);
  }

  ScimServerOptions withoutBulk() {
    return new ScimServerOptions(patch, false, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, etag, customAttributes,
        bearerToken, basicUser, basicPassword, clientId, clientSecret);
  }

  ScimServerOptions withBulkLimits(int maxOperations, long maxPayloadSize) {
    return new ScimServerOptions(patch, bulk, maxOperations, maxPayloadSize, filterMaxResults, etag, customAttributes,
        bearerToken, basicUser, basicPassword, clientId, clientSecret);
  }

  ScimServerOptions withFilterMaxResults(int max) {
    return new ScimServerOptions(patch, bulk, bulkMaxOperations, bulkMaxPayloadSize, max, etag, customAttributes,
        bearerToken, basicUser, basicPassword, clientId, clientSecret);
  }

  ScimServerOptions withoutEtag() {
    return new ScimServerOptions(patch, bulk, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, false, customAttributes,
        bearerToken, basicUser, basicPassword, clientId, clientSecret);
  }

  ScimServerOptions withCustomAttributes(Map<String, String> attributes) {
    return new ScimServerOptions(patch, bulk, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, etag, attributes,
        bearerToken, basicUser, basicPassword, clientId, clientSecret);
  }

  ScimServerOptions withBasic(String user, String password) {
    return new ScimServerOptions(patch, bulk, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, etag, customAttributes,
        null, user, password, null, null);
  }

  ScimServerOptions withBearer(String token) {
    return new ScimServerOptions(patch, bulk, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, etag, customAttributes,
        token, null, null, null, null);
  }

  ScimServerOptions withClientCredentials(String id, String secret) {
    return new ScimServerOptions(patch, bulk, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, etag, customAttributes,
        null, null, null, id, secret);
  }
}
