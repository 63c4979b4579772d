package io.dirsync.source.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.dirsync.source.SourceException;
import io.dirsync.source.SourceException.Kind;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/** Turns UnboundID errors into {@link SourceException}s an operator can act on. Messages never hold a password. */
final class LdapErrors {
  private LdapErrors() {}

  /** An error while connecting or binding to {@code servers}. */
  static SourceException connecting(String servers, String bindDn, LDAPException e) {
    ResultCode rc = e.getResultCode();
    if (rc == ResultCode.INVALID_CREDENTIALS || rc == ResultCode.INAPPROPRIATE_AUTHENTICATION
        || rc == ResultCode.INVALID_DN_SYNTAX && bindDn != null) {
      return new SourceException(Kind.AUTHENTICATION, "bind as '" + bindDn + "' to " + servers
          + " was refused (" + rc.getName() + "): check bindDn and bindPassword", e);
    }
    if (rc == ResultCode.UNWILLING_TO_PERFORM || rc == ResultCode.CONFIDENTIALITY_REQUIRED
        || rc == ResultCode.STRONG_AUTH_REQUIRED) {
      return new SourceException(Kind.AUTHENTICATION, "bind as '" + bindDn + "' to " + servers
          + " was refused (" + rc.getName() + "): " + clean(e) + hint(rc), e);
    }
    return new SourceException(Kind.UNREACHABLE, "cannot connect to " + servers + ": " + why(e), e);
  }

  /** An error from a search ({@code what} names it, e.g. "users search under ou=People,dc=x"). */
  static SourceException searching(String what, String filter, LDAPException e) {
    ResultCode rc = e.getResultCode();
    if (rc == ResultCode.FILTER_ERROR || rc == ResultCode.INAPPROPRIATE_MATCHING) {
      return new SourceException(Kind.CONFIGURATION, what + ": the filter " + filter + " is not valid: " + clean(e), e);
    }
    if (rc == ResultCode.NO_SUCH_OBJECT || rc == ResultCode.INVALID_DN_SYNTAX) {
      return new SourceException(Kind.CONFIGURATION, what + ": the base DN does not exist or is not a DN ("
          + rc.getName() + "): " + clean(e), e);
    }
    if (rc == ResultCode.INVALID_CREDENTIALS) {
      return new SourceException(Kind.AUTHENTICATION, what + ": the bind was refused: check bindDn and bindPassword", e);
    }
    if (rc == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
      return new SourceException(Kind.AUTHENTICATION, what + ": the bind DN may not search there (" + rc.getName() + ")", e);
    }
    if (!rc.isConnectionUsable() || rc == ResultCode.TIMEOUT || rc == ResultCode.UNAVAILABLE || rc == ResultCode.BUSY) {
      return new SourceException(Kind.UNREACHABLE, what + " failed: " + why(e), e);
    }
    return new SourceException(Kind.CONFIGURATION, what + " failed (" + rc.getName() + "): " + clean(e), e);
  }

  private static String why(LDAPException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "cannot resolve the host name (" + t.getMessage() + "): check the URL and DNS";
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return "connection refused (" + t.getMessage() + "): is the server running on that port?";
      }
      if (t instanceof SocketTimeoutException) {
        return "timed out (" + t.getMessage() + "): check the network or raise connectTimeout / responseTimeout";
      }
      if (t instanceof SSLException || t instanceof CertificateException) {
        return "TLS failed (" + t.getMessage() + "): check trustStore, the server certificate and its host names";
      }
    }
    String text = clean(e);
    if (text.toLowerCase(java.util.Locale.ROOT).contains("hostname") || text.contains("host name")) {
      return "TLS host name check failed: " + text + " (check that the URL's host is in the certificate)";
    }
    return text;
  }

  private static String hint(ResultCode rc) {
    return rc == ResultCode.CONFIDENTIALITY_REQUIRED || rc == ResultCode.STRONG_AUTH_REQUIRED
        ? " (the server wants TLS: use ldaps:// or startTls: true)" : "";
  }

  private static String clean(LDAPException e) {
    String text = e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getMessage();
    if (text == null || text.isBlank()) text = e.getResultCode().getName();
    if (e.getMatchedDN() != null && !e.getMatchedDN().isEmpty()) text += " (the nearest entry that exists is " + e.getMatchedDN() + ")";
    return text;
  }
}
