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
    String clientSecret,
    boolean groups,
    boolean enterprise,
    java.nio.file.Path keyStore,
    String keyStorePassword) {

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
    return new ScimServerOptions(true, true, 100, 1_048_576, 200, true, custom, "test-token", null, null, null, null, true, true, null, null);
  }

  ScimServerOptions withoutPatch() {
    return new ScimServerOptions(false, bulk, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, etag, customAttributes,
        bearerToken, basicUser, basicPassword, clientId, clientSecret, groups, enterprise, keyStore, keyStorePassword);
  }

  ScimServerOptions withoutBulk() {
    return new ScimServerOptions(patch, false, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, etag, customAttributes,
        bearerToken, basicUser, basicPassword, clientId, clientSecret, groups, enterprise, keyStore, keyStorePassword);
  }

  ScimServerOptions withBulkLimits(int maxOperations, long maxPayloadSize) {
    return new ScimServerOptions(patch, bulk, maxOperations, maxPayloadSize, filterMaxResults, etag, customAttributes,
        bearerToken, basicUser, basicPassword, clientId, clientSecret, groups, enterprise, keyStore, keyStorePassword);
  }

  ScimServerOptions withFilterMaxResults(int max) {
    return new ScimServerOptions(patch, bulk, bulkMaxOperations, bulkMaxPayloadSize, max, etag, customAttributes,
        bearerToken, basicUser, basicPassword, clientId, clientSecret, groups, enterprise, keyStore, keyStorePassword);
  }

  ScimServerOptions withoutEtag() {
    return new ScimServerOptions(patch, bulk, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, false, customAttributes,
        bearerToken, basicUser, basicPassword, clientId, clientSecret, groups, enterprise, keyStore, keyStorePassword);
  }

  ScimServerOptions withCustomAttributes(Map<String, String> attributes) {
    return new ScimServerOptions(patch, bulk, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, etag, attributes,
        bearerToken, basicUser, basicPassword, clientId, clientSecret, groups, enterprise, keyStore, keyStorePassword);
  }

  ScimServerOptions withBasic(String user, String password) {
    return new ScimServerOptions(patch, bulk, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, etag, customAttributes,
        null, user, password, null, null, groups, enterprise, keyStore, keyStorePassword);
  }

  ScimServerOptions withBearer(String token) {
    return new ScimServerOptions(patch, bulk, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, etag, customAttributes,
        token, null, null, null, null, groups, enterprise, keyStore, keyStorePassword);
  }

  ScimServerOptions withClientCredentials(String id, String secret) {
    return new ScimServerOptions(patch, bulk, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, etag, customAttributes,
        null, null, null, id, secret, groups, enterprise, keyStore, keyStorePassword);
  }

  /** Without the Group resource type (no /Groups endpoint, none in /ResourceTypes). */
  ScimServerOptions withoutGroups() {
    return new ScimServerOptions(patch, bulk, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, etag, customAttributes,
        bearerToken, basicUser, basicPassword, clientId, clientSecret, false, enterprise, keyStore, keyStorePassword);
  }

  /** Users without the enterprise extension (not in their resource type's schemaExtensions). */
  ScimServerOptions withoutEnterprise() {
    return new ScimServerOptions(patch, bulk, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, etag, customAttributes,
        bearerToken, basicUser, basicPassword, clientId, clientSecret, groups, false, keyStore, keyStorePassword);
  }

  /** HTTPS with the key and certificate in this PKCS#12 key store. */
  ScimServerOptions withTls(java.nio.file.Path pkcs12, String password) {
    return new ScimServerOptions(patch, bulk, bulkMaxOperations, bulkMaxPayloadSize, filterMaxResults, etag, customAttributes,
        bearerToken, basicUser, basicPassword, clientId, clientSecret, groups, enterprise, pkcs12, password);
  }
}
