package io.dirsync.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** Reads a job's {@code target:} section. */
final class TargetSection {
  private TargetSection() {}

  static TargetConfig read(YamlNode node, Path base) {
    if (node == null) return null;
    node.entries();
    TargetConfig.TargetType type = node.enumValue("type", TargetConfig.TargetType.class, TargetConfig.TargetType.AUTHING);
    if (type == TargetConfig.TargetType.SCIM) {
      Set<String> keys = new java.util.HashSet<>(ScimTargetSection.KEYS);
      keys.addAll(Set.of("type", "timeout"));
      node.allowKeys(keys);
      return new TargetConfig(type, null, null, null, null, null, node.duration("timeout", Duration.ofSeconds(30)), null,
          ScimTargetSection.read(node, base));
    }
    node.allowKeys(Set.of("type", "host", "userPoolId", "secret", "orgCode", "data", "timeout", "firstLoginEmailAppId"));
    String host = node.string("host", type == TargetConfig.TargetType.AUTHING ? "https://core.authing.cn" : null);
    String pool = type == TargetConfig.TargetType.AUTHING ? node.requiredString("userPoolId") : node.string("userPoolId", "demo-pool");
    Secret secret = node.secret("secret");
    if (secret == null && type == TargetConfig.TargetType.AUTHING) {
      node.problem("missing required key 'secret' in " + node.path() + " (use ${env:AUTHING_SECRET} or ${file:/run/secrets/authing})");
    }
    if (secret == null) secret = new Secret("demo-secret");
    if (host != null && !host.startsWith("http://") && !host.startsWith("https://")) {
      node.get("host").problem("target.host must start with http:// or https://, not '" + host + "'");
    }
    String data = node.string("data", "../data/sandbox");
    return new TargetConfig(type, host, pool, secret, node.string("orgCode", "dirsync"),
        base.resolve(data).normalize(), node.duration("timeout", Duration.ofSeconds(30)), node.string("firstLoginEmailAppId", null), null);
  }
}
