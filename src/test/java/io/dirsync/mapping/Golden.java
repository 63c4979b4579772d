package io.dirsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.DesiredDepartment;
import io.dirsync.model.DesiredGroup;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.RoleRef;
import io.dirsync.model.SkippedEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders a desired state as stable text and compares it with a golden file under
 * src/test/resources/mapping/. Run with -DupdateGoldens=true to rewrite the files (then review the diff).
 */
final class Golden {
  private Golden() {}

  static void assertMatches(DesiredState state, String goldenName) throws Exception {
    String actual = render(state);
    Path file = Path.of("src/test/resources/mapping", goldenName);
    if (Boolean.getBoolean("updateGoldens") || !Files.exists(file)) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  static String render(DesiredState state) {
    StringBuilder out = new StringBuilder();
    out.append("createMissingGroups: ").append(state.createMissingGroups())
        .append("\ncreateMissingRoles: ").append(state.createMissingRoles()).append('\n');
    for (DesiredUser u : state.users()) {
      out.append("\nuser ").append(u.externalId()).append("  <").append(u.sourceDn()).append(">\n");
      u.fields().forEach((k, v) -> out.append("  ").append(k).append(" = ").append(value(v)).append(policy(u, k)).append('\n'));
      u.customData().forEach((k, v) -> out.append("  customData.").append(k).append(" = ").append(value(v)).append('\n'));
      out.append("  groups: ").append(u.groups()).append('\n');
      out.append("  roles: ").append(u.roles()).append('\n');
      out.append("  departments: ").append(u.departments()).append(" main ").append(u.mainDepartment()).append('\n');
      if (u.password() != null) {
        out.append("  password: ").append(u.password().value()).append(" keep=").append(u.password().keep()).append('\n');
      }
    }
    out.append('\n');
    for (DesiredDepartment d : state.departments()) {
      out.append("department ").append(d.code()).append(" \"").append(d.name()).append("\" parent ")
          .append(d.parentCode()).append("  <").append(d.sourceDn()).append(">\n");
    }
    for (DesiredGroup g : state.groups()) {
      out.append("group ").append(g.code()).append(" \"").append(g.name()).append("\" ").append(g.description()).append('\n');
    }
    for (RoleRef r : state.roles()) out.append("role ").append(r).append('\n');
    for (SkippedEntry s : state.skipped()) {
      out.append("skipped <").append(s.dn()).append("> ").append(s.rule()).append(": ").append(s.reason()).append('\n');
    }
    return out.toString();
  }

  private static String value(Object v) {
    return v instanceof String ? "\"" + v + "\"" : v + " (" + v.getClass().getSimpleName() + ")";
  }

  private static String policy(DesiredUser u, String field) {
    Map<String, ?> policies = u.policies();
    return policies.containsKey(field) ? "  [" + policies.get(field) + "]" : "";
  }
}
