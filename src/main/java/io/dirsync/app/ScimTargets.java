package io.dirsync.app;

import io.dirsync.config.ScimTargetConfig;
import io.dirsync.config.TargetConfig;
import io.dirsync.directory.Directory;
import io.dirsync.directory.scim.DepartmentAttribute;
import io.dirsync.directory.scim.ScimAuth;
import io.dirsync.mapping.Mapping;
import io.dirsync.mapping.MappingSession;
import io.dirsync.model.DesiredState;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import java.util.Set;
import io.dirsync.directory.scim.ScimDirectory;
import io.dirsync.directory.scim.ScimSettings;
import io.dirsync.model.RunOutcome;
import java.net.URI;
import java.time.Clock;

/** Builds the SCIM adapter from a {@code target.type: scim} section, and the mapping as it keeps departments. */
final class ScimTargets {
  private ScimTargets() {}

  /**
   * The mapping as the target keeps departments: unchanged, or, for a SCIM target with
   * {@code departments: attribute}, with each user's department as its {@code department} field.
   */
  static Mapping mapping(TargetConfig target, Mapping mapping) {
    if (target == null || target.type() != TargetConfig.TargetType.SCIM || target.scim().departments() != ScimTargetConfig.As.ATTRIBUTE) {
      return mapping;
    }
    return new Mapping() {
      @Override
      public MappingSession newSession() {
        MappingSession session = mapping.newSession();
        return new MappingSession() {
          @Override
          public void accept(SourceEntry entry) {
            session.accept(entry);
          }

          @Override
          public DesiredState finish() {
            return DepartmentAttribute.apply(session.finish());
          }
        };
      }

      @Override
      public Set<String> attributes(EntryKind kind) {
        return mapping.attributes(kind);
      }

      @Override
      public Set<String> roleNamespaces() {
        return mapping.roleNamespaces();
      }
    };
  }

  static Directory open(TargetConfig target, Clock clock) {
    ScimTargetConfig c = target.scim();
    ScimAuth auth;
    if (c.bearerToken() != null) auth = new ScimAuth.Bearer(c.bearerToken().value());
    else if (c.basicUser() != null) auth = new ScimAuth.Basic(c.basicUser(), c.basicPassword().value());
    else auth = new ScimAuth.ClientCredentials(URI.create(c.tokenUrl()), c.clientId(), c.clientSecret().value(), c.scope());
    try {
      return new ScimDirectory(new ScimSettings(URI.create(c.url()), auth, c.connectTimeout(), target.timeout(), c.trustStore(),
          c.trustStorePassword() == null ? null : c.trustStorePassword().value(), c.insecure(), c.customSchema(),
          c.roles() == ScimTargetConfig.As.ATTRIBUTE), clock);
    } catch (IllegalArgumentException e) {
      throw new RunFailure(RunOutcome.CONFIG_ERROR, "target: " + e.getMessage(), e);
    }
  }
}
