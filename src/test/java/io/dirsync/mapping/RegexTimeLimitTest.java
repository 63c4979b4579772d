package io.dirsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.EntryKind;
import io.dirsync.model.ExternalId;
import io.dirsync.model.SourceEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pattern that backtracks catastrophically on one value skips that entry (rule {@code time-limit})
 * instead of hanging the run; the other entries are mapped. Without the bound each of these would
 * run for longer than the universe has left; the timeout only keeps a regression from hanging CI.
 */
@Timeout(120)
class RegexTimeLimitTest {
  // nested quantifiers Java's regex engine cannot memoise: exponential in the number of a's
  private static final String EVIL = "(.*a){12}b";
  private static final String POISON = "a".repeat(40) + "!";

  private static DesiredState map(String mapping, String poisonedCn) {
    MappingSession session = MappingLoader.parse("m.yaml", mapping).newSession();
    session.accept(person("1", poisonedCn));
    session.accept(person("2", "aaa"));
    return session.finish();
  }

  private static SourceEntry person(String id, String cn) {
    return SourceEntry.of(EntryKind.USER, "uid=" + id + ",dc=x", Map.of("employeeNumber", List.of(id), "uid", List.of(id), "cn", List.of(cn)));
  }

  private static void assertFirstSkippedSecondMapped(DesiredState state) {
    assertThat(state.users()).extracting(DesiredUser::externalId).containsExactly(ExternalId.of("2"));
    assertThat(state.skipped()).singleElement().satisfies(s -> {
      assertThat(s.dn()).isEqualTo("uid=1,dc=x");
      assertThat(s.reason()).contains("regular expression ran longer than");
    });
  }

  private static String mapping(String nameRule) {
    return """
        users:
          externalId: employeeNumber
          fields:
            username: uid
        """ + "    name: " + nameRule + "\n";
  }

  @Test
  void theReplaceTransformIsBounded() {
    assertFirstSkippedSecondMapped(map(mapping("{from: cn, transforms: [{replace: {pattern: \"" + EVIL + "\", with: x}}]}"), POISON));
  }

  @Test
  void theExtractTransformIsBounded() {
    assertFirstSkippedSecondMapped(map(mapping("{from: cn, transforms: [{extract: \"" + EVIL + "\"}]}"), POISON));
  }

  @Test
  void theMatchOperatorInAnExpressionIsBounded() {
    assertFirstSkippedSecondMapped(map(mapping("{expression: \"cn =~ '" + EVIL + "' ? 'x' : cn\"}"), POISON));
  }

  @Test
  void theMatchesMethodInAnExpressionIsBounded() {
    assertFirstSkippedSecondMapped(map(mapping("{expression: \"cn.matches('" + EVIL + "') ? 'x' : cn\"}"), POISON));
  }

  @Test
  void ordinaryPatternsStillWork() {
    DesiredState state = map(mapping("{expression: \"cn =~ 'a+!' && cn.matches('a+!') ? 'yes' : 'no'\"}"), "aaa!");

    assertThat(state.skipped()).isEmpty();
    assertThat(state.users()).extracting(u -> u.fields().get("name")).containsExactly("yes", "no");
  }
}
