package io.dirsync.mapping;

import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SkippedEntry;
import io.dirsync.model.SourceEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers to map one rule over one entry. */
final class MappingFixture {
  static final String DN = "uid=t,ou=People,dc=example,dc=org";

  private MappingFixture() {}

  /** A user entry with id=1 plus the given attribute/value pairs (a name may repeat for several values). */
  static SourceEntry user(String... attributeValuePairs) {
    return user(Map.of(), attributeValuePairs);
  }

  static SourceEntry user(Map<String, List<byte[]>> binary, String... attributeValuePairs) {
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    attributes.put("id", List.of("1"));
    for (int i = 0; i < attributeValuePairs.length; i += 2) {
      attributes.merge(attributeValuePairs[i], List.of(attributeValuePairs[i + 1]),
          (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
    }
    return new SourceEntry(EntryKind.USER, DN, attributes, binary, List.of());
  }

  /** Maps {@code entry} with a mapping whose only field is {@code field: ruleYaml}. */
  static DesiredState run(String field, String ruleYaml, SourceEntry entry) {
    String yaml = "users:\n  externalId: id\n  fields:\n    " + field + ": " + ruleYaml + "\n";
    MappingSession session = MappingLoader.parse("test.yaml", yaml).newSession();
    session.accept(entry);
    return session.finish();
  }

  /** The field's value, or null when the rule gave none; fails when the entry was skipped. */
  static Object value(String field, String ruleYaml, SourceEntry entry) {
    DesiredState state = run(field, ruleYaml, entry);
    if (!state.skipped().isEmpty()) throw new AssertionError("skipped: " + state.skipped());
    DesiredUser user = state.users().get(0);
    return user.fields().get(field);
  }

  /** The reason the entry was skipped; fails when it was not. */
  static SkippedEntry skip(String field, String ruleYaml, SourceEntry entry) {
    DesiredState state = run(field, ruleYaml, entry);
    if (state.skipped().size() != 1) throw new AssertionError("expected one skip, got " + state.skipped() + " " + state.users());
    return state.skipped().get(0);
  }
}
