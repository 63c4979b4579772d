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
 */
public record TargetConfig(
    TargetType type, String host, String userPoolId, Secret secret, String orgCode, Path sandboxData, Duration timeout,
    String firstLoginEmailAppId, ScimTargetConfig scim) {

  /** Kinds of target. */
  public enum TargetType { AUTHING, SANDBOX, SCIM }
}
