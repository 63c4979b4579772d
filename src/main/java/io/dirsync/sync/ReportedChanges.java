package io.dirsync.sync;

import io.dirsync.model.ChangeRows;
import io.dirsync.model.ExternalId;
import io.dirsync.model.Failure;
import io.dirsync.model.MemberNames;
import io.dirsync.model.FieldChange;
import io.dirsync.model.Operation;
import io.dirsync.model.OperationOutcome;
import io.dirsync.model.Operations;
import io.dirsync.model.Plan;
import io.dirsync.model.ReportedChange;
import io.dirsync.model.SkippedEntry;
import io.dirsync.model.UserLabel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plan's operations as a report lists them, user by user, each with what became of it. The rows
 * are made from the plan when read ({@link ChangeRows}), so the report's JSON file is written row
 * by row and no run holds a second copy of its plan as rows.
 */
record ReportedChanges(List<ReportedChange> rows, Map<OperationOutcome, Integer> memberships) {
  private static final String HIDDEN = "****";

  /**
   * @param planned a dry run: every operation would have been applied
   * @param applied the plan was applied: an operation not failed nor skipped was applied
   */
  static ReportedChanges of(Plan plan, boolean planned, boolean applied, List<Failure> failures, List<SkippedEntry> skipped) {
    if (plan == null || (!planned && !applied)) return new ReportedChanges(List.of(), Map.of());
    Map<String, String> failed = new HashMap<>();
    failures.forEach(f -> failed.putIfAbsent(f.kind() + " " + f.target(), f.reason()));
    Map<String, String> notApplied = new HashMap<>();
    skipped.forEach(s -> notApplied.putIfAbsent(s.rule() + " " + s.dn(), s.reason()));
    Outcomes outcomes = new Outcomes(planned, failed, notApplied);
    Map<OperationOutcome, Integer> memberships = new EnumMap<>(OperationOutcome.class);
    for (Operation op : plan.operations()) {
      int members = Operations.memberships(op);
      if (members > 0) memberships.merge(outcomes.of(op), members, Integer::sum);
    }
    List<Operation> ops = plan.operations();
    return new ReportedChanges(new ChangeRows() {
      @Override
      public ReportedChange get(int i) {
        Operation op = ops.get(i);
        return row(plan, op, outcomes.of(op), outcomes.reason(op));
      }

      @Override
      public int size() {
        return ops.size();
      }

      @Override
      public int createdBlocked(OperationOutcome outcome) {
        int n = 0;
        for (Operation op : ops) {
          if (op instanceof Operation.CreateUser c && Boolean.TRUE.equals(c.user().fields().get("blocked"))
              && outcomes.of(op) == outcome) n++;
        }
        return n;
      }
    }, memberships);
  }

  /** What became of each operation: failed or skipped as the apply said, else planned (dry run) or applied. */
  private record Outcomes(boolean planned, Map<String, String> failed, Map<String, String> notApplied) {
    OperationOutcome of(Operation op) {
      if (failed.containsKey(op.kind() + " " + op.target())) return OperationOutcome.FAILED;
      if (notApplied.containsKey(skipKey(op))) return OperationOutcome.SKIPPED;
      return planned ? OperationOutcome.PLANNED : OperationOutcome.APPLIED;
    }

    String reason(Operation op) {
      String key = op.kind() + " " + op.target();
      return failed.containsKey(key) ? failed.get(key) : notApplied.get(skipKey(op));
    }

    private static String skipKey(Operation op) {
      return "apply " + op.kind().name().toLowerCase(Locale.ROOT) + " " + op.target();
    }
  }

  private static ReportedChange row(Plan plan, Operation op, OperationOutcome outcome, String reason) {
    List<ExternalId> users = Operations.users(op);
    boolean single = users.size() == 1 && op.target().equals(users.get(0).value());
    UserLabel user = single ? plan.label(users.get(0)) : null;
    List<String> members = single ? List.of() : new MemberNames(plan, users);
    return new ReportedChange(op.kind(), op.target(), user, changes(op), members, outcome, reason);
  }

  private static List<FieldChange> changes(Operation op) {
    if (op instanceof Operation.UpdateUser u) return masked(u.changes());
    if (op instanceof Operation.SetCustomData c) return masked(c.changes());
    if (op instanceof Operation.CreateUser c) {
      List<FieldChange> set = new ArrayList<>();
      new TreeMap<>(c.user().fields()).forEach((k, v) -> set.add(new FieldChange(k, null, secret(k) ? HIDDEN : v)));
      return set;
    }
    if (op instanceof Operation.SetMainDepartment m) {
      return List.of(new FieldChange("mainDepartment", m.previousDepartmentCode(), m.departmentCode()));
    }
    if (op instanceof Operation.UpdateDepartment d) {
      return List.of(new FieldChange("name", d.previousName(), d.name()), new FieldChange("parent", d.previousParentCode(), d.parentCode()));
    }
    return List.of();
  }

  private static List<FieldChange> masked(List<FieldChange> changes) {
    return changes.stream().map(c -> secret(c.field()) ? new FieldChange(c.field(), HIDDEN, HIDDEN) : c).toList();
  }

  private static boolean secret(String field) {
    return field.toLowerCase(Locale.ROOT).contains("password");
  }
}
