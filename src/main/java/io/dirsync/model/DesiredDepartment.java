package io.dirsync.model;

/**
 * A department the directory should hold.
 *
 * @param code stable code, unique among departments (derived from the source, e.g. the OU path)
 * @param name display name
 * @param parentCode the parent's code, or null for a top-level department
 * @param sourceDn where it came from, for reports (may be null)
 */
public record DesiredDepartment(String code, String name, String parentCode, String sourceDn) {
  public DesiredDepartment {
    if (code == null || code.isBlank()) throw new IllegalArgumentException("department code must not be blank");
    if (name == null || name.isBlank()) throw new IllegalArgumentException("department name must not be blank: " + code);
    if (code.equals(parentCode)) throw new IllegalArgumentException("department " + code + " is its own parent");
  }
}
