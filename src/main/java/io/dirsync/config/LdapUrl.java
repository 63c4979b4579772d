package io.dirsync.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One server of {@code source.urls}: {@code ldap://host[:389]} or {@code ldaps://host[:636]}.
 *
 * @param secure whether the connection is TLS from the start (ldaps)
 */
public record LdapUrl(String host, int port, boolean secure) {

  public LdapUrl {
    if (host == null || host.isBlank()) throw new IllegalArgumentException("an LDAP URL needs a host");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port + " is out of range");
  }

  /** Parses {@code ldap://host:port/} or {@code ldaps://host:port}; throws IllegalArgumentException saying why. */
  public static LdapUrl parse(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean secure = switch (scheme) {
      case "ldap" -> false;
      case "ldaps" -> true;
      default -> throw new IllegalArgumentException("'" + text + "' must start with ldap:// or ldaps://");
    };
    if (uri.getHost() == null) throw new IllegalArgumentException("'" + text + "' has no host name");
    String path = uri.getRawPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      throw new IllegalArgumentException("'" + text + "' must not hold a base DN; put it under users.baseDn");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : secure ? 636 : 389;
    return new LdapUrl(uri.getHost(), port, secure);
  }

  @Override
  public String toString() {
    return (secure ? "ldaps://" : "ldap://") + host + ":" + port;
  }
}
