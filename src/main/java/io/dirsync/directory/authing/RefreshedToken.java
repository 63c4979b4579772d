package io.dirsync.directory.authing;

/** A fresh user token from {@code refreshToken}. {@link #toString()} hides the token. */
public record RefreshedToken(String token, long iat, long exp) {
  @Override
  public String toString() {
    return "RefreshedToken[token=****, iat=" + iat + ", exp=" + exp + "]";
  }
}
