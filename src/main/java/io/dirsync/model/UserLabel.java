package io.dirsync.model;

/**
 * How plans and reports name a user to a person: username and/or email, and the source DN. Any
 * part may be null (a user gone from the source has no DN any more).
 */
public record UserLabel(String username, String email, String dn) {

  /** "alice · alice@example.org · uid=alice,ou=People,…", leaving out what is unknown. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    for (String part : new String[] {username, email, dn}) {
      if (part == null || part.isBlank()) continue;
      if (s.length() > 0) s.append(" · ");
      s.append(part);
    }
    return s.toString();
  }

  public boolean blank() {
    return describe().isEmpty();
  }

  /** The label of a user the mapping produced. */
  public static UserLabel of(DesiredUser user) {
    return new UserLabel(text(user.fields().get("username")), text(user.fields().get("email")), user.sourceDn());
  }

  /** The label of a user the directory holds (no DN: the directory does not know it). */
  public static UserLabel of(DirectoryUser user) {
    return new UserLabel(text(user.field("username")), text(user.field("email")), null);
  }

  /**
   * {@code first}'s parts, each missing one taken from {@code second}; null when neither names
   * anybody (either may be null).
   */
  public static UserLabel merge(UserLabel first, UserLabel second) {
    if (first == null || first.blank()) return second == null || second.blank() ? null : second;
    if (second == null) return first;
    return new UserLabel(or(first.username, second.username), or(first.email, second.email), or(first.dn, second.dn));
  }

  private static String or(String a, String b) {
    return a == null || a.isBlank() ? b : a;
  }

  private static String text(Object v) {
    return v == null ? null : v.toString();
  }
}
