package io.dirsync.app;

import io.dirsync.config.ScimTargetConfig;
import io.dirsync.config.TargetConfig;
import io.dirsync.directory.Directory;
import io.dirsync.directory.scim.ScimAuth;
import io.dirsync.directory.scim.ScimDirectory;
import io.dirsync.directory.scim.ScimSettings;
import io.dirsync.model.RunOutcome;
import java.net.URI;
import java.time.Clock;

/** Builds the SCIM adapter from a {@code target.type: scim} section. */
final class ScimTargets {
  private ScimTargets() {}

  static Directory open(TargetConfig target, Clock clock) {
    ScimTargetConfig c = target.scim();
    ScimAuth auth;
    if (c.bearerToken() != null) auth = new ScimAuth.Bearer(c.bearerToken().value());
    else if (c.basicUser() != null) auth = new ScimAuth.Basic(c.basicUser(), c.basicPassword().value());
    else auth = new ScimAuth.ClientCredentials(URI.create(c.tokenUrl()), c.clientId(), c.clientSecret().value(), c.scope());
    try {
      return new ScimDirectory(new ScimSettings(URI.create(c.url()), auth, c.connectTimeout(), target.timeout(), c.trustStore(),
          c.trustStorePassword() == null ? null : c.trustStorePassword().value(), c.insecure(), c.customSchema()), clock);
    } catch (IllegalArgumentException e) {
      throw new RunFailure(RunOutcome.CONFIG_ERROR, "target: " + e.getMessage(), e);
    }
  }
}
