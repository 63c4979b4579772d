package io.dirsync.directory.scim;

import java.net.URI;

/** How dirsync authenticates to the SCIM service provider. No variant prints its secret. */
public sealed interface ScimAuth {

  /** {@code Authorization: Bearer <token>}, a long-lived token issued by the service. */
  record Bearer(String token) implements ScimAuth {
    public Bearer {
      if (token == null || token.isBlank()) throw new IllegalArgumentException("SCIM bearer token must not be empty");
    }

    @Override
    public String toString() {
      return "Bearer[****]";
    }
  }

  /** HTTP basic authentication. */
  record Basic(String user, String password) implements ScimAuth {
    public Basic {
      if (user == null || user.isBlank()) throw new IllegalArgumentException("SCIM basic user must not be empty");
      if (password == null) throw new IllegalArgumentException("SCIM basic password must not be null");
    }

    @Override
    public String toString() {
      return "Basic[" + user + ", ****]";
    }
  }

  /** OAuth 2.0 client credentials grant (RFC 6749 §4.4): a token from {@code tokenUri}, renewed before it expires. */
  record ClientCredentials(URI tokenUri, String clientId, String clientSecret, String scope) implements ScimAuth {
    public ClientCredentials {
      if (tokenUri == null) throw new IllegalArgumentException("OAuth token URL is required");
      if (clientId == null || clientId.isBlank()) throw new IllegalArgumentException("OAuth client id must not be empty");
      if (clientSecret == null) throw new IllegalArgumentException("OAuth client secret must not be null");
    }

    @Override
    public String toString() {
      return "ClientCredentials[" + tokenUri + ", " + clientId + ", ****]";
    }
  }
}
