package io.dirsync.directory.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryDirectoryFaultsTest {

  @Test
  void aLostCreateAnswerStillCreatesTheUser() {
    InMemoryDirectory d = new InMemoryDirectory().loseNextCreateAnswer();

    assertThatThrownBy(() -> d.createUser(DesiredUser.of(ExternalId.of("e1"), Map.of("username", "ann"))))
        .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.outcomeUnknown()).isTrue());

    assertThat(d.findByExternalId(ExternalId.of("e1"), Set.of())).isPresent();
  }

  @Test
  void emailsAreStoredLowerCasedAndUniqueIgnoringCase() {
    InMemoryDirectory d = new InMemoryDirectory();
    d.createUser(DesiredUser.of(ExternalId.of("e1"), Map.of("username", "ann", "email", "Ann@Example.com")));

    assertThat(d.usersByExternalId().get("e1").field("email")).isEqualTo("ann@example.com");
    assertThatThrownBy(() -> d.createUser(DesiredUser.of(ExternalId.of("e2"), Map.of("username", "bob", "email", "ANN@example.com"))))
        .isInstanceOfSatisfying(DirectoryException.class, e -> {
          assertThat(e.kind()).isEqualTo(DirectoryException.Kind.PERMANENT);
          assertThat(e.code()).isEqualTo(InMemoryDirectory.CODE_EMAIL_TAKEN);
        });
  }

  @Test
  void afterAFatalErrorEveryCallFailsFatally() {
    InMemoryDirectory d = new InMemoryDirectory().failFatallyFrom("listGroups");

    assertThatThrownBy(d::listGroups).isInstanceOfSatisfying(DirectoryException.class,
        e -> assertThat(e.kind()).isEqualTo(DirectoryException.Kind.FATAL));
    assertThatThrownBy(d::listDepartments).isInstanceOfSatisfying(DirectoryException.class,
        e -> assertThat(e.kind()).isEqualTo(DirectoryException.Kind.FATAL));
  }

  @Test
  void aMoveThatWouldMakeACycleIsRefused() {
    InMemoryDirectory d = new InMemoryDirectory();
    d.createDepartment("a", "A", null);
    d.createDepartment("b", "B", "a");

    assertThatThrownBy(() -> d.moveDepartment("a", "b")).isInstanceOfSatisfying(DirectoryException.class,
        e -> assertThat(e.kind()).isEqualTo(DirectoryException.Kind.PERMANENT));
  }

  @Test
  void injectedTransientFaultsFollowTheSeed() {
    assertThat(failures(5)).isEqualTo(failures(5)).isBetween(10, 50);
  }

  private static int failures(long seed) {
    InMemoryDirectory d = new InMemoryDirectory().injectTransientFaults(seed, 0.3);
    int failed = 0;
    for (int i = 0; i < 100; i++) {
      try {
        d.listGroups();
      } catch (DirectoryException e) {
        if (e.isTransient()) failed++;
      }
    }
    return failed;
  }
}
