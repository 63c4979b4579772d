package io.dirsync.model;

import java.util.List;

/**
 * One planned change as a report shows it to a person.
 *
 * @param kind what kind of change
 * @param target the externalId, group, role or department code it is about
 * @param user who it is about (user operations), or null
 * @param changes fields before → after (updates), or the fields set (creates, before = null); never a password
 * @param members the users a membership operation adds or removes, by name
 * @param outcome what became of it
 * @param reason why it failed or was skipped, or null
 */
public record ReportedChange(
    OperationKind kind,
    String target,
    UserLabel user,
    List<FieldChange> changes,
    List<String> members,
    OperationOutcome outcome,
    String reason) {

  public ReportedChange {
    changes = changes == null ? List.of() : List.copyOf(changes);
    members = members == null ? List.of() : members instanceof MemberNames names ? names : List.copyOf(members);
  }
}
