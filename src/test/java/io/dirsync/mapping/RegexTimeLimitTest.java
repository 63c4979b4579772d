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
 * run for longer than the universe has left (without its bound, the split case was seen spinning in
 * String.split for ten minutes); the timeout only keeps a regression from hanging CI.
 */
// SEPARATE_THREAD: a regex that ignores interrupts must fail the test, not hang the build
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
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
  void theSplitMethodInAnExpressionIsBounded() {
    // the array split gives is compared, not returned (a mapping cannot return an array): the split itself must run
    assertFirstSkippedSecondMapped(map(mapping("{expression: \"cn.split('" + EVIL + "') == null ? 'x' : cn\"}"), POISON));
  }

  @Test
  void theReplaceMethodInAnExpressionTakesItsPatternLiterallyAndCannotBacktrack() {
    DesiredState state = map(mapping("{expression: \"cn.replace('" + EVIL + "', 'x') + '.'\"}"), POISON + EVIL);

    assertThat(state.skipped()).isEmpty();
    assertThat(state.users()).extracting(u -> u.fields().get("name")).containsExactly(POISON + "x.", "aaa.");
  }

  /**
   * Each memberOf value is evaluated on its own and takes a few milliseconds, far below the limit,
   * but 20,000 of them would take minutes: the limit is the entry's, for its whole mapping.
   */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void theLimitIsPerEntryForItsWholeMappingNotPerExpression() {
    String slow = "(.*a){5}b";
    String mapping = mapping("cn") + """
        groups:
          fromAttribute:
            attribute: memberOf
            include: "cn =~ '%s'"
            code: cn
        """.formatted(slow);
    List<String> groups = new java.util.ArrayList<>();
    for (int i = 0; i < 20_000; i++) groups.add("cn=" + "a".repeat(30) + "!" + i + ",ou=Groups,dc=x");
    MappingSession session = MappingLoader.parse("m.yaml", mapping).newSession();
    session.accept(SourceEntry.of(EntryKind.USER, "uid=1,dc=x",
        Map.of("employeeNumber", List.of("1"), "uid", List.of("1"), "cn", List.of("one"), "memberOf", groups)));
    session.accept(person("2", "aaa"));

    DesiredState state = session.finish();

    assertThat(state.users()).extracting(DesiredUser::externalId).containsExactly(ExternalId.of("2"));
    assertThat(state.unmappedUsers()).containsExactly(ExternalId.of("1"));
    assertThat(state.skipped()).singleElement().satisfies(s -> {
      assertThat(s.rule()).isEqualTo("time-limit");
      assertThat(s.reason()).startsWith("in groups.fromAttribute.include: ").contains("longer than the 1 s an entry may take");
    });
  }

  @Test
  void ordinaryPatternsStillWork() {
    DesiredState state = map(mapping("{expression: \"cn =~ 'a+!' && cn.matches('a+!') ? 'yes' : 'no'\"}"), "aaa!");

    assertThat(state.skipped()).isEmpty();
    assertThat(state.users()).extracting(u -> u.fields().get("name")).containsExactly("yes", "no");
  }
}
