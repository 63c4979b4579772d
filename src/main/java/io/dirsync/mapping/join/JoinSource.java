package io.dirsync.mapping.join;

import io.dirsync.mapping.Mapping;

/**
 * One source of a joined job as the join sees it.
 *
 * @param name the name the join mapping uses for it
 * @param mapping its entry mapping (maps its entries on their own)
 * @param joinKey the attribute whose value is the same person's key in every source
 */
public record JoinSource(String name, Mapping mapping, String joinKey) {
  public JoinSource {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("a join source needs a name");
    if (mapping == null) throw new IllegalArgumentException("join source " + name + " needs a mapping");
    if (joinKey == null || joinKey.isBlank()) throw new IllegalArgumentException("join source " + name + " needs a joinKey");
  }
}
