package io.dirsync.plan;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.FieldChange;
import io.dirsync.model.Operation;
import io.dirsync.model.Plan;
import io.dirsync.model.OperationKind;
import io.dirsync.model.Operations;
import io.dirsync.model.SkippedEntry;
import io.dirsync.model.UserLabel;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    write(plan, out);
    return out.toString();
  }

  /**
   * Writes what {@link #render} returns, row by row: a plan of a million users is ~0.5 GB of text,
   * so no row is kept (the columns' widths are measured in a first pass over the operations).
   */
  public void write(Plan plan, Appendable to) {
    try {
      writeTo(plan, to);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the plan: " + e.getMessage(), e);
    }
  }

  private void writeTo(Plan plan, Appendable out) throws IOException {
    out.append(summary(plan)).append('\n');
    Map<OperationKind, List<Operation>> byKind = new EnumMap<>(OperationKind.class);
    plan.operations().forEach(op -> byKind.computeIfAbsent(op.kind(), k -> new ArrayList<>()).add(op));
    if (!byKind.isEmpty()) {
      out.append('\n');
      for (Map.Entry<OperationKind, List<Operation>> e : byKind.entrySet()) {
        OperationKind kind = e.getKey();
        List<Operation> ops = e.getValue();
        out.append(String.format(Locale.ROOT, "  %-24s %7d%s%n", kind.name(), ops.size(),
            Operations.isMembership(kind) ? String.format(Locale.ROOT, "   (%d membership(s))", ops.stream().mapToInt(Operations::memberships).sum()) : ""));
      }
    }
    for (Map.Entry<OperationKind, List<Operation>> e : byKind.entrySet()) {
      List<Operation> ops = e.getValue();
      out.append('\n').append(e.getKey().name()).append(" (").append(String.valueOf(ops.size())).append(")\n");
      int targetWidth = "TARGET".length();
      int whoWidth = "WHO".length();
      boolean named = false;
      for (Operation op : ops) {
        String who = who(plan, op);
        targetWidth = Math.max(targetWidth, op.target().length());
        whoWidth = Math.max(whoWidth, who.length());
        named |= !who.isEmpty();
      }
      row(out, "TARGET", "WHO", "DETAIL", targetWidth, whoWidth, named);
      for (Operation op : ops) row(out, op.target(), who(plan, op), shorten(detail(op, plan)), targetWidth, whoWidth, named);
    }
    if (!plan.skipped().isEmpty() || !plan.retired().isEmpty()) out.append('\n');
    for (String r : plan.retired()) out.append("retired ").append(r).append(": left the source, its managed memberships are revoked\n");
    for (SkippedEntry s : plan.skipped()) {
      out.append("skipped ").append(s.dn()).append(" (").append(s.rule()).append("): ").append(s.reason()).append('\n');
    }
  }

  private static void row(Appendable out, String target, String who, String detail, int targetWidth, int whoWidth,
      boolean named) throws IOException {
    out.append("  ").append(pad(target, targetWidth)).append("  ");
    if (named) out.append(pad(who, whoWidth)).append("  ");
    out.append(detail).append('\n');
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
