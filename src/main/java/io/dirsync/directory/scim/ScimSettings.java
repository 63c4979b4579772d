package io.dirsync.directory.scim;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach one SCIM 2.0 service provider. {@link #toString()} never shows a secret.
 *
 * @param baseUri the SCIM base, e.g. {@code https://idp.example.com/scim/v2} (no trailing slash needed)
 * @param auth how requests are authenticated
 * @param connectTimeout TCP connect timeout
 * @param callTimeout whole-call timeout
 * @param trustStore PEM or JKS/PKCS#12 file with the CA certificates to trust; null = the JVM's
 * @param trustStorePassword password of a JKS/PKCS#12 trust store, or null
 * @param insecure trust every certificate and skip host name checks (tests only)
 * @param customSchema the URN of the user extension schema that holds custom data, or null
 * @param rolesAsAttribute roles go into the users' multi-valued {@code roles} attribute (RFC 7643
 *     §4.1.2: value the role's code, type its namespace) instead of SCIM groups
 */
public record ScimSettings(
    URI baseUri,
    ScimAuth auth,
    Duration connectTimeout,
    Duration callTimeout,
    Path trustStore,
    String trustStorePassword,
    boolean insecure,
    String customSchema,
    boolean rolesAsAttribute) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

  public ScimSettings {
    if (baseUri == null) throw new IllegalArgumentException("SCIM base URL is required");
    String scheme = baseUri.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("SCIM base URL must start with http:// or https://, not " + baseUri);
    }
    String text = baseUri.toString();
    if (text.endsWith("/")) baseUri = URI.create(text.substring(0, text.length() - 1));
    if (auth == null) throw new IllegalArgumentException("SCIM authentication is required");
    if (connectTimeout == null) connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    if (callTimeout == null) callTimeout = DEFAULT_CALL_TIMEOUT;
    if (customSchema != null && customSchema.isBlank()) customSchema = null;
  }

  /** Settings with a bearer token and default timeouts, no custom schema. */
  public static ScimSettings of(URI baseUri, ScimAuth auth) {
    return new ScimSettings(baseUri, auth, null, null, null, null, false, null, false);
  }

  public ScimSettings withCustomSchema(String urn) {
    return new ScimSettings(baseUri, auth, connectTimeout, callTimeout, trustStore, trustStorePassword, insecure, urn, rolesAsAttribute);
  }

  public ScimSettings withRolesAsAttribute(boolean asAttribute) {
    return new ScimSettings(baseUri, auth, connectTimeout, callTimeout, trustStore, trustStorePassword, insecure, customSchema, asAttribute);
  }

  public ScimSettings withTrustStore(Path file, String password) {
    return new ScimSettings(baseUri, auth, connectTimeout, callTimeout, file, password, insecure, customSchema, rolesAsAttribute);
  }

  @Override
  public String toString() {
    return "ScimSettings[" + baseUri + ", " + auth + ", customSchema=" + customSchema + ", roles=" + (rolesAsAttribute ? "attribute" : "groups") + "]";
  }
}
