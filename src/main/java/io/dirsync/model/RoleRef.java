package io.dirsync.model;

/** A role by namespace and code; the namespace {@code default} is Authing's default one. */
public record RoleRef(String namespace, String code) implements Comparable<RoleRef> {
  public static final String DEFAULT_NAMESPACE = "default";

  public RoleRef {
    if (namespace == null || namespace.isBlank()) namespace = DEFAULT_NAMESPACE;
    if (code == null || code.isBlank()) throw new IllegalArgumentException("role code must not be blank");
  }

  @Override
  public int compareTo(RoleRef o) {
    int c = namespace.compareTo(o.namespace);
    return c != 0 ? c : code.compareTo(o.code);
  }

  @Override
  public String toString() {
    return namespace + ":" + code;
  }
}
