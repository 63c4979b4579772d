package io.dirsync.directory.authing;

import java.util.List;

/** An org: its root node and the flat list of all its nodes (root included). */
public record Org(String id, Node rootNode, List<Node> nodes) {
  public Org {
    nodes = List.copyOf(nodes);
  }
}
