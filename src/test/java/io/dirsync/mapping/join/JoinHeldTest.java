package io.dirsync.mapping.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.mapping.MappingLoader;
import io.dirsync.model.DesiredState;
import io.dirsync.model.EntryKind;
import io.dirsync.model.ExternalId;
import io.dirsync.model.SourceEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a joined source holds reaches the joined state, its users named by the joined externalId. */
class JoinHeldTest {
  private static final String HR = """
      users:
        externalId: employee_id
        fields:
          username: {from: first_name, transforms: [lower]}
      """;
  private static final String AD = """
      users:
        externalId: objectGuidText
        fields:
          username: sAMAccountName
      groups:
        fromEntries:
          code: {from: cn, transforms: [lower, slugify]}
          description: description
      departments:
        fromEntries:
          base: OU=Corp,DC=corp,DC=example
          code: {from: ouPath, transforms: [slugify]}
          name: ou
      """;
  private static final String JOIN = """
      join:
        externalId: [hr]
        require: [hr]
        groups: [ad]
        departments: [ad]
      """;

  @Test
  void heldGroupsDepartmentsAndUsersUnderAHeldOuComeThroughTheJoin() {
    JoinMapping mapping = JoinMapping.parse("join.yaml", JOIN, List.of(
        new JoinSource("hr", MappingLoader.parse("hr.yaml", HR), "employee_id"),
        new JoinSource("ad", MappingLoader.parse("ad.yaml", AD), "employeeID")));
    JoinSession session = mapping.newSession(LocalDate.parse("2026-12-30"));
    session.accept("hr", SourceEntry.of(EntryKind.USER, "row:1", Map.of("employee_id", List.of("E1"), "first_name", List.of("Ada"))));
    session.accept("ad", SourceEntry.of(EntryKind.DEPARTMENT, "OU=Staff,OU=Corp,DC=corp,DC=example", Map.of("ou", List.of("Staff\u0007"))));
    session.accept("ad", new SourceEntry(EntryKind.GROUP, "CN=VPN,OU=Groups,DC=corp,DC=example",
        Map.of("cn", List.of("VPN"), "description", List.of("bell\u0007")), Map.of(), List.of("CN=Ada,OU=Staff,OU=Corp,DC=corp,DC=example")));
    session.accept("ad", SourceEntry.of(EntryKind.USER, "CN=Ada,OU=Staff,OU=Corp,DC=corp,DC=example",
        Map.of("objectGuidText", List.of("g-1"), "employeeID", List.of("E1"), "sAMAccountName", List.of("ada"))));

    DesiredState state = session.finish().state();

    assertThat(state.users()).extracting(u -> u.externalId().value()).containsExactly("E1");
    assertThat(state.held().groups()).containsExactly("vpn");
    assertThat(state.held().departments()).containsExactly("staff");
    assertThat(state.held().users()).containsExactly(ExternalId.of("E1"));
  }
}
