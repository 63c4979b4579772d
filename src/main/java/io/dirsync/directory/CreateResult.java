package io.dirsync.directory;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;

/**
 * What {@link Directory#createUsers} did for one user: exactly one of {@code created} and
 * {@code failure} is set.
 */
public record CreateResult(DesiredUser user, DirectoryUser created, DirectoryException failure) {
  public CreateResult {
    if (user == null) throw new IllegalArgumentException("user is required");
    if ((created == null) == (failure == null)) throw new IllegalArgumentException("exactly one of created and failure is set");
  }

  public static CreateResult created(DesiredUser user, DirectoryUser created) {
    return new CreateResult(user, created, null);
  }

  public static CreateResult failed(DesiredUser user, DirectoryException failure) {
    return new CreateResult(user, null, failure);
  }
}
