package io.dirsync.model;

import java.util.AbstractList;
import java.util.List;

/**
 * The users of a membership operation as a report names them ("ann (E1)"), each name made when
 * read: the HTML page counts every row's members but names only the first few of the rows it
 * shows, and a first sync of 100,000 users has 500,000 of them. Immutable.
 */
public final class MemberNames extends AbstractList<String> {
  private final Plan plan;
  private final List<ExternalId> users;

  public MemberNames(Plan plan, List<ExternalId> users) {
    this.plan = plan;
    this.users = List.copyOf(users);
  }

  @Override
  public String get(int i) {
    ExternalId id = users.get(i);
    UserLabel label = plan.label(id);
    String name = label.username() != null ? label.username() : label.email();
    return name == null ? id.value() : name + " (" + id.value() + ")";
  }

  @Override
  public int size() {
    return users.size();
  }
}
