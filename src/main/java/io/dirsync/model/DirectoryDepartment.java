package io.dirsync.model;

/**
 * A department as the directory holds it, under the org that dirsync manages.
 *
 * @param id the directory's node id
 * @param code the department code (dirsync's key)
 * @param name display name
 * @param parentCode the parent's code, or null when it hangs directly under the org's root
 */
public record DirectoryDepartment(String id, String code, String name, String parentCode) {}
