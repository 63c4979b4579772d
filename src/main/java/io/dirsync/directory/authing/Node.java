package io.dirsync.directory.authing;

import java.util.List;

/**
 * A node (department) of an org. {@code path}, {@code codePath} and {@code namePath} run from the
 * root down to this node (empty when not selected); {@code children} holds child node ids.
 */
public record Node(
    String id,
    String orgId,
    String name,
    String nameI18n,
    String description,
    String descriptionI18n,
    Integer order,
    String code,
    boolean root,
    Integer depth,
    List<String> path,
    List<String> codePath,
    List<String> namePath,
    String createdAt,
    String updatedAt,
    List<String> children) {

  public Node {
    path = path == null ? List.of() : List.copyOf(path);
    codePath = codePath == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(codePath));
    namePath = namePath == null ? List.of() : List.copyOf(namePath);
    children = children == null ? List.of() : List.copyOf(children);
  }

  /** The parent's id from {@code path}, or null for a root (or when the path was not selected). */
  public String parentId() {
    return path.size() >= 2 ? path.get(path.size() - 2) : null;
  }
}
