package io.dirsync.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** Reads the SCIM keys of a {@code target:} section ({@code type: scim}). */
final class ScimTargetSection {
  static final Set<String> KEYS = Set.of("url", "auth", "connectTimeout", "trustStore", "trustStorePassword", "insecure", "customSchema",
      "roles", "departments");

  private ScimTargetSection() {}

  static ScimTargetConfig read(YamlNode node, Path base) {
    String url = node.requiredString("url");
    if (url != null && !url.startsWith("http://") && !url.startsWith("https://")) {
      node.get("url").problem("target.url must start with http:// or https://, not '" + url + "'");
    }
    YamlNode auth = node.required("auth");
    Secret bearer = null;
    String basicUser = null;
    Secret basicPassword = null;
    String tokenUrl = null;
    String clientId = null;
    Secret clientSecret = null;
    String scope = null;
    if (auth != null) {
      auth.entries();
      auth.allowKeys(Set.of("bearer", "basic", "oauth"));
      int ways = (auth.get("bearer") == null ? 0 : 1) + (auth.get("basic") == null ? 0 : 1) + (auth.get("oauth") == null ? 0 : 1);
      if (ways != 1) auth.problem("target.auth must name exactly one of bearer, basic, oauth");
      bearer = auth.secret("bearer");
      YamlNode basic = auth.get("basic");
      if (basic != null) {
        basic.allowKeys(Set.of("user", "password"));
        basicUser = basic.requiredString("user");
        basicPassword = basic.secret("password");
        if (basicPassword == null) basic.problem("missing required key 'password' in " + basic.path() + " (use ${env:SCIM_PASSWORD})");
      }
      YamlNode oauth = auth.get("oauth");
      if (oauth != null) {
        oauth.allowKeys(Set.of("tokenUrl", "clientId", "clientSecret", "scope"));
        tokenUrl = oauth.requiredString("tokenUrl");
        clientId = oauth.requiredString("clientId");
        clientSecret = oauth.secret("clientSecret");
        if (clientSecret == null) oauth.problem("missing required key 'clientSecret' in " + oauth.path() + " (use ${env:SCIM_CLIENT_SECRET})");
        scope = oauth.string("scope", null);
        if (tokenUrl != null && !tokenUrl.startsWith("http://") && !tokenUrl.startsWith("https://")) {
          oauth.get("tokenUrl").problem("target.auth.oauth.tokenUrl must start with http:// or https://");
        }
      }
    }
    String trustStore = node.string("trustStore", null);
    return new ScimTargetConfig(url, bearer, basicUser, basicPassword, tokenUrl, clientId, clientSecret, scope,
        node.duration("connectTimeout", Duration.ofSeconds(10)), trustStore == null ? null : base.resolve(trustStore).normalize(),
        node.secret("trustStorePassword"), node.bool("insecure", false), node.string("customSchema", null),
        node.enumValue("roles", ScimTargetConfig.As.class, ScimTargetConfig.As.GROUPS),
        node.enumValue("departments", ScimTargetConfig.As.class, ScimTargetConfig.As.GROUPS));
  }
}
