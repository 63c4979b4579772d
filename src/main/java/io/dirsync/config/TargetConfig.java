package io.dirsync.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The directory to sync into.
 *
 * @param type {@code authing} (a real user pool, or any server speaking its v2 API), {@code sandbox}
 *     (an in-process sandbox persisted under {@code sandboxData}) or {@code scim} (a SCIM 2.0 service provider)
 * @param host the API host, e.g. https://core.authing.cn (authing only)
 * @param orgCode the org whose departments dirsync manages (created on first use)
 * @param sandboxData where the in-process sandbox keeps its data (sandbox only)
 * @param firstLoginEmailAppId when set, users created with an email get the first-login
 *     verification email of this application (migrations)
 * @param scim the SCIM service provider (scim only, else null)
 * @param api which Authing management API to speak: {@code v2} (GraphQL, the default) or {@code v3}
 *     (signed REST with batch writes)
 * @param accessKeyId v3 only: the access key id (defaults to the user pool id)
 * @param accessKeySecret v3 only: the access key secret (defaults to the user pool secret)
 */
public record TargetConfig(
    TargetType type, String host, String userPoolId, Secret secret, String orgCode, Path sandboxData, Duration timeout,
    String firstLoginEmailAppId, ScimTargetConfig scim, TargetApi api, String accessKeyId, Secret accessKeySecret) {

  public TargetConfig {
    if (api == null) api = TargetApi.V2;
    if (accessKeyId == null) accessKeyId = userPoolId;
    if (accessKeySecret == null) accessKeySecret = secret;
  }

  /** A v2 (or SCIM) target. */
  public TargetConfig(TargetType type, String host, String userPoolId, Secret secret, String orgCode, Path sandboxData,
      Duration timeout, String firstLoginEmailAppId, ScimTargetConfig scim) {
    this(type, host, userPoolId, secret, orgCode, sandboxData, timeout, firstLoginEmailAppId, scim, TargetApi.V2, null, null);
  }

  /** Kinds of target. */
  public enum TargetType { AUTHING, SANDBOX, SCIM }

  /** The Authing management API versions dirsync speaks. */
  public enum TargetApi { V2, V3 }
}
