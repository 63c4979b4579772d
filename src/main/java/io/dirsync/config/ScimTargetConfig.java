package io.dirsync.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A SCIM 2.0 target ({@code target.type: scim}). Exactly one way to authenticate is set.
 *
 * @param url the SCIM base URL, e.g. https://idp.example.com/scim/v2
 * @param bearerToken a long-lived bearer token, or null
 * @param basicUser HTTP basic user, or null
 * @param basicPassword HTTP basic password, or null
 * @param tokenUrl OAuth 2.0 token endpoint (client credentials), or null
 * @param clientId OAuth client id, or null
 * @param clientSecret OAuth client secret, or null
 * @param scope OAuth scope, or null
 * @param connectTimeout TCP connect timeout
 * @param trustStore PEM or JKS/PKCS#12 file with the CA certificates to trust; null = the JVM's
 * @param trustStorePassword password of a JKS/PKCS#12 trust store, or null
 * @param insecure trust every certificate (tests only)
 * @param customSchema the user extension schema URN that holds custom data, or null
 * @param roles where roles go: SCIM groups ({@code role:<namespace>:<code>}) or the users' {@code roles} attribute
 * @param departments where departments go: SCIM groups ({@code dept:<code>}) or the users' enterprise
 *     {@code department} attribute (the name of the main department)
 */
public record ScimTargetConfig(
    String url,
    Secret bearerToken,
    String basicUser,
    Secret basicPassword,
    String tokenUrl,
    String clientId,
    Secret clientSecret,
    String scope,
    Duration connectTimeout,
    Path trustStore,
    Secret trustStorePassword,
    boolean insecure,
    String customSchema,
    As roles,
    As departments) {

  public ScimTargetConfig {
    if (roles == null) roles = As.GROUPS;
    if (departments == null) departments = As.GROUPS;
  }

  /** How roles or departments are kept on a SCIM server ({@code groups} or {@code attribute}). */
  public enum As { GROUPS, ATTRIBUTE }
}
