package io.dirsync.apply;

import io.dirsync.directory.Directory;
import io.dirsync.directory.fake.InMemoryDirectory;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.ManagedUser;
import io.dirsync.model.Plan;
import io.dirsync.model.RoleRef;
import io.dirsync.plan.PlanInput;
import io.dirsync.plan.Planner;
import io.dirsync.plan.RemovalAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What SyncRun does around the planner and the applier, reduced to what apply tests need. */
final class SyncHarness {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
  static final String JOB = "job";

  final InMemoryDirectory directory;
  final MemoryStateStore state = new MemoryStateStore();
  ApplySettings settings = new ApplySettings(4, 0, 8, Duration.ofMillis(1), Duration.ofMillis(4), 0.5, 42);
  RemovalAction action = RemovalAction.BLOCK;
  PlanInput lastInput;

  SyncHarness(InMemoryDirectory directory) {
    this.directory = directory;
  }

  static ApplySettings fastSettings(int concurrency) {
    return new ApplySettings(concurrency, 0, 8, Duration.ofMillis(1), Duration.ofMillis(4), 0.5, 42);
  }

  Plan plan(DesiredState desired) {
    Set<String> namespaces = namespaces(desired);
    List<ExternalId> ids = desired.users().stream().map(DesiredUser::externalId).toList();
    List<DirectoryUser> found = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += Directory.MAX_LOOKUP_BATCH) {
      found.addAll(directory.findByExternalIds(ids.subList(i, Math.min(ids.size(), i + Directory.MAX_LOOKUP_BATCH)), true, namespaces));
    }
    Set<RoleRef> roles = new HashSet<>();
    namespaces.forEach(ns -> roles.addAll(directory.listRoles(ns)));
    Map<ExternalId, ManagedUser> managed = state.managedUsers(JOB);
    lastInput = new PlanInput(JOB, CLOCK.instant(), desired, found, managed, directory.listDepartments(), directory.listGroups(), roles, action);
    return new Planner().plan(lastInput);
  }

  ApplyResult apply(Plan plan) {
    state.saveManaged(JOB, new Planner().matchedUsers(lastInput));
    String runId = state.startRun(JOB, false, CLOCK.instant());
    return new Applier(directory, state, settings, CLOCK).apply(runId, JOB, plan, lastInput.knownDirectoryIds(), false, ApplyListener.NONE);
  }

  ApplyResult sync(DesiredState desired) {
    return apply(plan(desired));
  }

  private static Set<String> namespaces(DesiredState desired) {
    Set<String> ns = new TreeSet<>();
    desired.roles().forEach(r -> ns.add(r.namespace()));
    desired.users().forEach(u -> u.roles().forEach(r -> ns.add(r.namespace())));
    return ns;
  }
}
