package io.dirsync.directory.authing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to reach one Authing user pool. {@link #toString()} never shows the secret.
 *
 * @param host the API host, e.g. {@code https://core.authing.cn} or {@code http://127.0.0.1:7777}
 * @param userPoolId the user pool id
 * @param secret the user pool secret
 * @param connectTimeout TCP connect timeout
 * @param callTimeout whole-call timeout (the SDK's {@code timeout}, 30 s by default)
 * @param lang {@code zh-CN} or {@code en-US}: the language of the server's messages
 * @param tokenRefreshMargin how long before its expiry the management token is replaced
 */
public record AuthingConfig(
    URI host,
    String userPoolId,
    String secret,
    Duration connectTimeout,
    Duration callTimeout,
    String lang,
    Duration tokenRefreshMargin) {

  public static final URI DEFAULT_HOST = URI.create("https://core.authing.cn");
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);

  public AuthingConfig {
    if (host == null) host = DEFAULT_HOST;
    if (connectTimeout == null) connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    if (callTimeout == null) callTimeout = DEFAULT_CALL_TIMEOUT;
    if (lang == null || lang.isBlank()) lang = "zh-CN";
    if (tokenRefreshMargin == null) tokenRefreshMargin = DEFAULT_REFRESH_MARGIN;
    List<String> problems = new ArrayList<>();
    String scheme = host.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) problems.add("authing.host must be an http(s) URL, got " + host);
    if (userPoolId == null || userPoolId.isBlank()) problems.add("authing.userPoolId must not be empty");
    if (secret == null || secret.isEmpty()) problems.add("authing.secret must not be empty");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) problems.add("authing.connectTimeout must be positive");
    if (callTimeout.isNegative() || callTimeout.isZero()) problems.add("authing.callTimeout must be positive");
    if (!lang.equals("zh-CN") && !lang.equals("en-US")) problems.add("authing.lang must be zh-CN or en-US, got " + lang);
    if (tokenRefreshMargin.isNegative()) problems.add("authing.tokenRefreshMargin must not be negative");
    if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
  }

  /** The given host, pool and secret with every other setting at its default. */
  public static AuthingConfig of(URI host, String userPoolId, String secret) {
    return new AuthingConfig(host, userPoolId, secret, null, null, null, null);
  }

  public AuthingConfig withCallTimeout(Duration value) {
    return new AuthingConfig(host, userPoolId, secret, connectTimeout, value, lang, tokenRefreshMargin);
  }

  public AuthingConfig withLang(String value) {
    return new AuthingConfig(host, userPoolId, secret, connectTimeout, callTimeout, value, tokenRefreshMargin);
  }

  public AuthingConfig withTokenRefreshMargin(Duration value) {
    return new AuthingConfig(host, userPoolId, secret, connectTimeout, callTimeout, lang, value);
  }

  /** The base URL without a trailing slash. */
  String baseUrl() {
    String s = host.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  @Override
  public String toString() {
    return "AuthingConfig[host=" + host + ", userPoolId=" + userPoolId + ", secret=****, connectTimeout="
        + connectTimeout + ", callTimeout=" + callTimeout + ", lang=" + lang + ", tokenRefreshMargin=" + tokenRefreshMargin + "]";
  }
}
