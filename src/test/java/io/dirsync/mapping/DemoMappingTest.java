package io.dirsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.DesiredDepartment;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.SourceEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoMappingTest {

  @Test
  void theDemoDirectoryMapsWithoutSkips() throws Exception {
    Mapping mapping = MappingLoader.load(Path.of("mappings/demo.yaml"), Map.of());
    List<SourceEntry> entries = Ldif.read(Path.of("config/demo/corp.ldif"));
    MappingSession session = mapping.newSession();
    entries.forEach(session::accept);
    DesiredState state = session.finish();
    System.out.println(state.users().size() + " users, skipped " + state.skipped());
    state.departments().forEach(System.out::println);
    state.groups().forEach(System.out::println);
    System.out.println(state.users().get(0));
    System.out.println(state.users().stream().filter(u -> Boolean.TRUE.equals(u.fields().get("blocked"))).map(DesiredUser::sourceDn).toList());
    assertThat(state.skipped()).isEmpty();
  }
}
