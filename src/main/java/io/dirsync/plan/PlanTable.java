package io.dirsync.plan;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.FieldChange;
import io.dirsync.model.Operation;
import io.dirsync.model.Plan;
import io.dirsync.model.OperationKind;
import io.dirsync.model.Operations;
import io.dirsync.model.UserLabel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plan as text for {@code dirsync plan}: the summary first (counts per kind, memberships apart
 * from operations), then the operations grouped by kind, each group headed by its count, each user
 * named by username / email and DN. Never shows a password.
 */
public final class PlanTable {

  private static final int MAX_DETAIL = 120;

  public String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append(summary(plan)).append('\n');
    Map<OperationKind, List<Operation>> byKind = new EnumMap<>(OperationKind.class);
    plan.operations().forEach(op -> byKind.computeIfAbsent(op.kind(), k -> new ArrayList<>()).add(op));
    if (!byKind.isEmpty()) {
      out.append('\n');
      byKind.forEach((kind, ops) -> out.append(String.format(Locale.ROOT, "  %-24s %7d%s%n", kind.name(), ops.size(),
          Operations.isMembership(kind) ? String.format(Locale.ROOT, "   (%d membership(s))", ops.stream().mapToInt(Operations::memberships).sum()) : "")));
    }
    byKind.forEach((kind, ops) -> {
      out.append('\n').append(kind.name()).append(" (").append(ops.size()).append(")\n");
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"TARGET", "WHO", "DETAIL"});
      ops.forEach(op -> rows.add(new String[] {op.target(), who(plan, op), shorten(detail(op, plan))}));
      int targetWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(6);
      int whoWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(3);
      boolean named = rows.stream().skip(1).anyMatch(r -> !r[1].isEmpty());
      for (String[] r : rows) {
        out.append("  ").append(pad(r[0], targetWidth)).append("  ");
        if (named) out.append(pad(r[1], whoWidth)).append("  ");
        out.append(r[2]).append('\n');
      }
    });
    if (!plan.skipped().isEmpty() || !plan.retired().isEmpty()) out.append('\n');
    plan.retired().forEach(r -> out.append("retired ").append(r).append(": left the source, its managed memberships are revoked\n"));
    plan.skipped().forEach(s -> out.append("skipped ").append(s.dn()).append(" (").append(s.rule()).append("): ").append(s.reason()).append('\n'));
    return out.toString();
  }

  static String summary(Plan plan) {
    String counts = plan.countsByKind().entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey().name())
        .collect(Collectors.joining(", "));
    int memberships = plan.operations().stream().mapToInt(Operations::memberships).sum();
    return (plan.isEmpty() ? "No changes" : plan.operations().size() + " operation(s): " + counts)
        + "; " + plan.sourceUsers() + " source user(s), " + plan.unchanged() + " unchanged, "
        + plan.managedUsers() + " managed, " + plan.removals() + " removal(s), " + memberships + " membership(s), "
        + (plan.retired().isEmpty() ? "" : plan.retired().size() + " retired group(s)/role(s)/department(s), ")
        + plan.skipped().size() + " skipped";
  }

  /** The single user of a user operation, by name; blank for departments, groups and membership lists. */
  private static String who(Plan plan, Operation op) {
    List<ExternalId> users = Operations.users(op);
    if (users.size() != 1 || !op.target().equals(users.get(0).value())) return "";
    String label = plan.label(users.get(0)).describe();
    return label.isEmpty() ? "-" : label;
  }

  static String detail(Operation op) {
    return detail(op, null);
  }

  static String detail(Operation op, Plan plan) {
    if (op instanceof Operation.CreateDepartment d) return quote(d.name()) + " under " + parent(d.parentCode());
    if (op instanceof Operation.UpdateDepartment d) {
      return quote(d.previousName()) + " under " + parent(d.previousParentCode()) + " → " + quote(d.name()) + " under " + parent(d.parentCode());
    }
    if (op instanceof Operation.CreateGroup g) return quote(g.name());
    if (op instanceof Operation.CreateRole r) return "role " + r.role();
    if (op instanceof Operation.CreateUser c) return create(c.user());
    if (op instanceof Operation.UpdateUser u) return changes(u.changes());
    if (op instanceof Operation.SetCustomData c) return "custom data " + changes(c.changes());
    if (op instanceof Operation.AddToGroup a) return "+" + users(a.users(), plan);
    if (op instanceof Operation.RemoveFromGroup r) return "-" + users(r.users(), plan);
    if (op instanceof Operation.AssignRole a) return "+" + users(a.users(), plan);
    if (op instanceof Operation.RevokeRole r) return "-" + users(r.users(), plan);
    if (op instanceof Operation.AddToDepartment a) return "+" + users(a.users(), plan);
    if (op instanceof Operation.RemoveFromDepartment r) return "-" + users(r.users(), plan);
    if (op instanceof Operation.SetMainDepartment m) return "main department " + show(m.previousDepartmentCode()) + " → " + show(m.departmentCode());
    if (op instanceof Operation.BlockUser b) return "block and log out " + show(b.userId());
    if (op instanceof Operation.DeleteUser d) return "delete " + show(d.userId());
    if (op instanceof Operation.DeleteGroup g) return "left the source: delete the group";
    if (op instanceof Operation.DeleteDepartment d) return "left the source: delete " + quote(d.name());
    return "";
  }

  private static String create(DesiredUser u) {
    String fields = u.fields().entrySet().stream().map(e -> e.getKey() + "=" + (OperationJson.isSecret(e.getKey()) ? "****" : show(e.getValue()))).collect(Collectors.joining(", "));
    return fields + (u.customData().isEmpty() ? "" : ", " + u.customData().size() + " custom value(s)")
        + (u.password() == null ? "" : ", with initial password");
  }

  private static String changes(List<FieldChange> changes) {
    return changes.stream().map(c -> OperationJson.isSecret(c.field()) ? c.field() + ": ****"
        : c.field() + ": " + show(c.before()) + " → " + show(c.after())).collect(Collectors.joining(", "));
  }

  private static String users(List<ExternalId> users, Plan plan) {
    return users.size() + " user(s): " + users.stream().map(id -> name(id, plan)).collect(Collectors.joining(", "));
  }

  /** A member as a person reads it: the username (or email) where known, else the externalId. */
  private static String name(ExternalId id, Plan plan) {
    if (plan == null) return id.value();
    UserLabel label = plan.label(id);
    String name = label.username() != null ? label.username() : label.email();
    return name == null ? id.value() : name;
  }

  private static String parent(String code) {
    return code == null ? "the root" : code;
  }

  private static String show(Object v) {
    if (v == null) return "(empty)";
    return v instanceof String s ? quote(s) : v.toString();
  }

  private static String quote(String s) {
    return s == null ? "(none)" : "\"" + s + "\"";
  }

  private static String shorten(String s) {
    return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL - 1) + "…";
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
