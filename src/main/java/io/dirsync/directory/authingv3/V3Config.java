package io.dirsync.directory.authingv3;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to reach one Authing user pool through the v3 management API. {@link #toString()} never
 * shows the secret.
 *
 * @param host the API host, e.g. {@code https://api.authing.cn} or {@code http://127.0.0.1:7777}
 * @param accessKeyId the access key id (the user pool id, or an access key created in the pool)
 * @param accessKeySecret the matching secret
 * @param connectTimeout TCP connect timeout
 * @param callTimeout whole-call timeout
 * @param lang {@code zh-CN} or {@code en-US}: the language of the server's messages
 */
public record V3Config(URI host, String accessKeyId, String accessKeySecret, Duration connectTimeout, Duration callTimeout,
    String lang) {

  public static final URI DEFAULT_HOST = URI.create("https://api.authing.cn");

  public V3Config {
    if (host == null) host = DEFAULT_HOST;
    if (connectTimeout == null) connectTimeout = Duration.ofSeconds(10);
    if (callTimeout == null) callTimeout = Duration.ofSeconds(30);
    if (lang == null || lang.isBlank()) lang = "zh-CN";
    List<String> problems = new ArrayList<>();
    if (!"http".equals(host.getScheme()) && !"https".equals(host.getScheme())) problems.add("host must be an http(s) URL, got " + host);
    if (accessKeyId == null || accessKeyId.isBlank()) problems.add("accessKeyId must not be empty");
    if (accessKeySecret == null || accessKeySecret.isEmpty()) problems.add("accessKeySecret must not be empty");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) problems.add("connectTimeout must be positive");
    if (callTimeout.isNegative() || callTimeout.isZero()) problems.add("callTimeout must be positive");
    if (!lang.equals("zh-CN") && !lang.equals("en-US")) problems.add("lang must be zh-CN or en-US, got " + lang);
    if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
  }

  public static V3Config of(URI host, String accessKeyId, String accessKeySecret) {
    return new V3Config(host, accessKeyId, accessKeySecret, null, null, null);
  }

  String baseUrl() {
    String s = host.toString();
    while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
    return s;
  }

  @Override
  public String toString() {
    return "V3Config[host=" + host + ", accessKeyId=" + accessKeyId + ", accessKeySecret=****, connectTimeout="
        + connectTimeout + ", callTimeout=" + callTimeout + ", lang=" + lang + "]";
  }
}
