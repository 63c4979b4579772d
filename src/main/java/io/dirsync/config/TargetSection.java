package io.dirsync.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    node.allowKeys(Set.of("type", "host", "userPoolId", "secret", "orgCode", "data", "timeout", "firstLoginEmailAppId",
        "api", "accessKeyId", "accessKeySecret"));
    TargetConfig.TargetApi api = node.enumValue("api", TargetConfig.TargetApi.class, TargetConfig.TargetApi.V2);
    boolean v3 = api == TargetConfig.TargetApi.V3;
    String defaultHost = v3 ? "https://api.authing.cn" : "https://core.authing.cn";
    String host = node.string("host", type == TargetConfig.TargetType.AUTHING ? defaultHost : null);
    String accessKeyId = v3 ? node.string("accessKeyId", null) : null;
    Secret accessKeySecret = v3 ? node.secret("accessKeySecret") : null;
    if (!v3) {
      for (String key : List.of("accessKeyId", "accessKeySecret")) {
        if (node.get(key) != null) node.get(key).problem("target." + key + " is for api: v3 only (this target speaks v2)");
      }
    }
    boolean poolOptional = type != TargetConfig.TargetType.AUTHING || accessKeyId != null;
    String pool = poolOptional ? node.string("userPoolId", type == TargetConfig.TargetType.AUTHING ? accessKeyId : "demo-pool")
        : node.requiredString("userPoolId");
    Secret secret = node.secret("secret");
    if (secret == null && accessKeySecret != null) secret = accessKeySecret;
    if (secret == null && type == TargetConfig.TargetType.AUTHING) {
      node.problem("missing required key 'secret' in " + node.path() + " (use ${env:AUTHING_SECRET} or ${file:/run/secrets/authing})");
    }
    if (secret == null) secret = new Secret("demo-secret");
    if (host != null && !host.startsWith("http://") && !host.startsWith("https://")) {
      node.get("host").problem("target.host must start with http:// or https://, not '" + host + "'");
    }
    String data = node.string("data", "../data/sandbox");
    return new TargetConfig(type, host, pool, secret, node.string("orgCode", "dirsync"),
        base.resolve(data).normalize(), node.duration("timeout", Duration.ofSeconds(30)), node.string("firstLoginEmailAppId", null), null,
        api, accessKeyId, accessKeySecret);
  }
}
