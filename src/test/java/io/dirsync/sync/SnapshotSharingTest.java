package io.dirsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A looked-up user equal to the desired one holds the desired user's values, not a copy of them. */
class SnapshotSharingTest {
  private static final ExternalId ANN = ExternalId.of("e1");
  private final DesiredUser desired = DesiredUser.of(ANN, Map.of("username", "ann", "email", "ann@x.org"));
  private final SnapshotReader.Compared compared = SnapshotReader.Compared.by(List.of(desired));

  @Test
  void equalFieldsAreTheDesiredUsersOwnAndOnlyComparedFieldsAreKept() {
    DirectoryUser found = DirectoryUser.of("u1", ANN,
        Map.of("username", "ann", "email", "ann@x.org", "createdAt", "2026-01-01", "blocked", false));

    DirectoryUser kept = compared.keep(found, desired);

    // blocked is compared (false here, unset in the desired user): not equal, so the found values are kept
    assertThat(kept.fields()).isEqualTo(Map.of("username", "ann", "email", "ann@x.org", "blocked", false));
    DirectoryUser unblocked = compared.keep(DirectoryUser.of("u1", ANN,
        Map.of("username", "ann", "email", "ann@x.org", "createdAt", "2026-01-01")), desired);
    assertThat(unblocked.fields()).isEqualTo(desired.fields());
    assertThat(unblocked.fields().getClass()).as("the desired user's view, not a copy").isEqualTo(desired.fields().getClass());
  }

  @Test
  void aChangedValueKeepsTheFoundValues() {
    DirectoryUser kept = compared.keep(DirectoryUser.of("u1", ANN, Map.of("username", "ann", "email", "old@x.org")), desired);

    assertThat(kept.fields()).isEqualTo(Map.of("username", "ann", "email", "old@x.org"));
    assertThat(kept.fields().getClass()).isNotEqualTo(desired.fields().getClass());
  }
}
