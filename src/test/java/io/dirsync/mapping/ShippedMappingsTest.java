package io.dirsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.DesiredState;
import io.dirsync.model.EntryKind;
import io.dirsync.model.SourceEntry;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden tests: a small directory in, the exact desired state out, for each mapping in mappings/. */
class ShippedMappingsTest {

  @Test
  void theDemoMappingGivesTheGoldenStateForASmallCorpDirectory() throws Exception {
    Golden.assertMatches(run("demo.yaml", Ldif.resource("demo.ldif")), "demo.golden.txt");
  }

  @Test
  void theActiveDirectoryMappingGivesTheGoldenStateForAnAdExport() throws Exception {
    Golden.assertMatches(run("active-directory.yaml", Ldif.resource("ad.ldif")), "ad.golden.txt");
  }

  @Test
  void theOpenLdapMappingGivesTheGoldenStateForAnOpenLdapExport() throws Exception {
    Golden.assertMatches(run("openldap-inetorgperson.yaml", Ldif.resource("openldap.ldif")), "openldap.golden.txt");
  }

  @Test
  void theOrderOfEntriesDoesNotChangeTheResult() throws Exception {
    List<SourceEntry> entries = new java.util.ArrayList<>(Ldif.resource("openldap.ldif"));
    DesiredState forward = run("openldap-inetorgperson.yaml", entries);
    Collections.reverse(entries);
    DesiredState backward = run("openldap-inetorgperson.yaml", entries);
    assertThat(Golden.render(backward)).isEqualTo(Golden.render(forward));
  }

  @Test
  void theWholeDemoDirectoryMapsWithoutSkips() throws Exception {
    DesiredState state = run("demo.yaml", Ldif.read(Path.of("config/demo/corp.ldif")));
    assertThat(state.skipped()).isEmpty();
    assertThat(state.users()).hasSizeGreaterThan(100);
    assertThat(state.users()).filteredOn(u -> Boolean.TRUE.equals(u.fields().get("blocked"))).hasSize(2);
    assertThat(state.users()).allSatisfy(u -> assertThat(u.mainDepartment()).isNotNull());
    assertThat(state.departments()).allSatisfy(d -> assertThat(d.code()).matches("dept-[a-z0-9-]+"));
  }

  @Test
  void theMappingsTellTheSourceWhichAttributesTheyRead() {
    Mapping ad = load("active-directory.yaml");
    assertThat(ad.attributes(EntryKind.USER)).contains("objectguid", "samaccountname", "useraccountcontrol",
        "iscriticalsystemobject", "objectclass").doesNotContain("dn", "value", "memberof");
    assertThat(ad.attributes(EntryKind.GROUP)).contains("objectguid", "cn", "objectclass", "iscriticalsystemobject");
    assertThat(ad.attributes(EntryKind.DEPARTMENT)).contains("objectguid", "ou");
    Mapping demo = load("demo.yaml");
    assertThat(demo.attributes(EntryKind.GROUP)).containsExactlyInAnyOrder("cn", "description");
    assertThat(demo.attributes(EntryKind.DEPARTMENT)).containsExactly("ou");
    assertThat(demo.roleNamespaces()).containsExactly("default");
  }

  static Mapping load(String name) {
    return MappingLoader.load(Path.of("mappings", name), Map.of());
  }

  static DesiredState run(String mappingName, List<SourceEntry> entries) {
    MappingSession session = load(mappingName).newSession();
    entries.forEach(session::accept);
    return session.finish();
  }
}
