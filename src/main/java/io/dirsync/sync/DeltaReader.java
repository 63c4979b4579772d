package io.dirsync.sync;

import io.dirsync.mapping.Mapping;
import io.dirsync.mapping.MappingSession;
import io.dirsync.model.DesiredDepartment;
import io.dirsync.model.DesiredGroup;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.EntryKind;
import io.dirsync.model.ExternalId;
import io.dirsync.model.SourceEntry;
import io.dirsync.model.SourceUser;
import io.dirsync.source.DeltaSource;
import io.dirsync.source.Source;
import io.dirsync.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads the source for a job with delta sync: group and department entries whole every run (cheap,
 * no directory calls), users either all (a full run) or only those that changed since the saved
 * position plus those whose group membership in the source changed (found by comparing each
 * remembered user's digest of the groups containing it with the groups read now). Decides which of
 * the two a run is: full on {@code --full}, when the reconciliation period has passed, when nothing
 * or something unusable is saved, when the source config or mapping changed, when the OU tree
 * changed, after a run that did not apply everything, or when the server refuses the position.
 */
final class DeltaReader {
  private final Source source;
  private final Mapping mapping;
  private final DeltaSettings settings;
  private final StateStore state;
  private final String job;
  private final Clock clock;

  DeltaReader(Source source, Mapping mapping, DeltaSettings settings, StateStore state, String job, Clock clock) {
    this.source = source;
    this.mapping = mapping;
    this.settings = settings;
    this.state = state;
    this.job = job;
    this.clock = clock;
  }

  /**
   * One read.
   *
   * @param state the desired state: every user on a full run, the changed ones on a delta run
   * @param full whether every user was read
   * @param authority on a delta run, the externalIds this run may remove when absent from the state
   *     (users it read, and users the source reported deleted or out of scope); null on a full run
   * @param sourceUsers user entries in the source after this read
   * @param previous on a delta run, what the last applied run knew of the users of {@code authority}
   * @param rows what to remember of the users read; on a delta run they replace their keys' rows
   * @param removedKeys keys to forget (delta run)
   * @param next the watermark to save once this run applied everything
   * @param quiet a delta run with nothing to do: no user changed and groups and departments are as applied
   * @param summary one line for the report
   * @param entries the group and department entries the source delivered
   */
  record Reading(DesiredState state, boolean full, Set<ExternalId> authority, int sourceUsers,
      Map<ExternalId, SourceUser> previous, List<SourceUser> rows, Set<String> removedKeys, DeltaMark next, boolean quiet,
      String summary, Map<EntryKind, Integer> entries) {}

  private record Seen(String dn, String digest) {}

  Reading read(SyncListener listener, boolean forceFull, boolean lastRunClean) {
    Instant now = clock.instant();
    Optional<String> saved = state.watermark(job, DeltaMark.NAME);
    Optional<DeltaMark> stored = saved.flatMap(DeltaMark::parse);
    String reason = saved.filter(DeltaMark.INVALIDATED::equals).isPresent() && !forceFull
        ? "a saved plan was applied since the last run" : fullReason(stored, forceFull, lastRunClean, now);
    MappingSession session = mapping.newSession();
    long[] count = {0};
    Consumer<SourceEntry> accept = e -> {
      session.accept(e);
      if (++count[0] % 1000 == 0) listener.progress(count[0], -1);
    };
    List<String> ous = new ArrayList<>();
    source.read(EntryKind.DEPARTMENT, e -> {
      ous.add(DnKey.of(e.dn()));
      accept.accept(e);
    });
    Map<String, List<String>> groupsOf = new HashMap<>();
    int[] groupEntries = {0};
    source.read(EntryKind.GROUP, e -> {
      groupEntries[0]++;
      String groupKey = settings.source().key(e);
      String g = groupKey == null ? "dn:" + DnKey.of(e.dn()) : groupKey;
      for (String member : e.members()) groupsOf.computeIfAbsent(DnKey.of(member), k -> new ArrayList<>(2)).add(g);
      accept.accept(e);
    });
    String ousDigest = digest(ous);
    if (reason == null && !ousDigest.equals(stored.get().ous())) reason = "an OU was added, renamed, moved or deleted";
    Map<String, SourceUser> remembered = reason == null ? state.sourceUsers(job) : Map.of();
    if (reason == null && remembered.isEmpty()) reason = "no source users remembered from the last full run";

    Map<String, Seen> read = new LinkedHashMap<>();
    Consumer<SourceEntry> users = e -> {
      String key = settings.source().key(e);
      if (key != null) read.put(key, new Seen(e.dn(), digest(groupsOf.get(DnKey.of(e.dn())))));
      accept.accept(e);
    };
    Set<String> gone = new HashSet<>();
    DeltaSource.Position position = null;
    int changed = 0;
    int reread = 0;
    if (reason == null) {
      List<SourceEntry> changedEntries = new ArrayList<>();
      Optional<DeltaSource.Changes> changes = settings.source().changesSince(stored.get().position(), changedEntries::add);
      if (changes.isEmpty()) {
        reason = "the server did not accept the saved position (another server, a restore, or too old)";
      } else {
        changedEntries.forEach(users);
        changed = changedEntries.size();
        DeltaSource.Changes c = changes.get();
        position = c.next();
        Map<String, String> again = new LinkedHashMap<>();
        for (SourceUser r : remembered.values()) {
          if (read.containsKey(r.key())) continue;
          if (c.touchedKeys().contains(r.key()) || c.presentKeys() != null && !c.presentKeys().contains(r.key())) {
            gone.add(r.key());
          } else if (!digest(groupsOf.get(DnKey.of(r.dn()))).equals(r.groupsDigest())) {
            again.put(r.dn(), r.key());
          }
        }
        settings.source().readUsers(again.keySet(), users);
        again.forEach((dn, key) -> {
          if (!read.containsKey(key)) gone.add(key);
        });
        reread = again.size();
      }
    }
    if (reason != null) {
      position = settings.source().position();
      source.read(EntryKind.USER, users);
    }
    listener.progress(count[0], count[0]);
    DesiredState desired = UniqueValues.check(session.finish());
    List<SourceUser> rows = rows(read, desired);
    String containers = containersDigest(desired);
    Map<EntryKind, Integer> entries = Map.of(EntryKind.GROUP, groupEntries[0], EntryKind.DEPARTMENT, ous.size());
    if (reason != null) {
      DeltaMark next = new DeltaMark(position, settings.fingerprint(), ousDigest, containers, now);
      return new Reading(desired, true, null, read.size(), Map.of(), rows, Set.of(), next, false, "full run: " + reason,
          entries);
    }
    DeltaMark next = new DeltaMark(position, settings.fingerprint(), ousDigest, containers, stored.get().fullAt());
    Set<ExternalId> authority = new HashSet<>();
    Map<ExternalId, SourceUser> previous = new HashMap<>();
    Set<String> touched = new HashSet<>(read.keySet());
    touched.addAll(gone);
    for (String key : touched) {
      SourceUser old = remembered.get(key);
      if (old != null && old.externalId() != null) {
        authority.add(old.externalId());
        previous.put(old.externalId(), old);
      }
    }
    desired.users().forEach(u -> authority.add(u.externalId()));
    Set<String> total = new HashSet<>(remembered.keySet());
    total.removeAll(gone);
    total.addAll(read.keySet());
    boolean quiet = desired.users().isEmpty() && authority.isEmpty() && containers.equals(stored.get().containers());
    String summary = "delta run: " + changed + " changed user(s) read, " + reread + " read again for a group change, "
        + gone.size() + " gone from the source";
    return new Reading(desired, false, authority, total.size(), previous, rows, gone, next, quiet, summary, entries);
  }

  private String fullReason(Optional<DeltaMark> stored, boolean forceFull, boolean lastRunClean, Instant now) {
    if (forceFull) return "--full";
    if (stored.isEmpty()) return "no saved position (first run with delta sync)";
    DeltaMark mark = stored.get();
    if (!settings.fingerprint().equals(mark.fingerprint())) return "the source config or the mapping changed";
    Duration since = Duration.between(mark.fullAt(), now);
    if (since.compareTo(settings.fullEvery()) >= 0 || since.isNegative()) {
      return "full reconciliation due (delta.fullEvery " + settings.fullEvery() + ")";
    }
    if (!lastRunClean) return "the last run did not apply everything";
    return null;
  }

  private static List<SourceUser> rows(Map<String, Seen> read, DesiredState desired) {
    Map<String, DesiredUser> byDn = new HashMap<>();
    desired.users().forEach(u -> {
      if (u.sourceDn() != null) byDn.put(DnKey.of(u.sourceDn()), u);
    });
    List<SourceUser> rows = new ArrayList<>(read.size());
    read.forEach((key, seen) -> {
      DesiredUser u = byDn.get(DnKey.of(seen.dn()));
      rows.add(u == null ? new SourceUser(key, seen.dn(), null, seen.digest(), null, null, null, null)
          : new SourceUser(key, seen.dn(), u.externalId(), seen.digest(), u.groups(), u.roles(), u.departments(), u.mainDepartment()));
    });
    return rows;
  }

  /** Nothing to plan: the departments and groups are as the last run applied them, and no user changed. */
  static DesiredState withoutContainers(DesiredState d) {
    return new DesiredState(List.of(), List.of(), List.of(), List.of(), d.skipped(), d.createMissingGroups(),
        d.createMissingRoles(), d.unmappedUsers(), d.held());
  }

  private static String containersDigest(DesiredState d) {
    List<String> lines = new ArrayList<>();
    for (DesiredDepartment x : d.departments()) lines.add("d|" + x.code() + "|" + x.name() + "|" + x.parentCode());
    for (DesiredGroup g : d.groups()) lines.add("g|" + g.code() + "|" + g.name() + "|" + g.description());
    d.roles().forEach(r -> lines.add("r|" + r));
    return digest(lines);
  }

  static String digest(Collection<String> values) {
    List<String> sorted = new ArrayList<>(values == null ? List.of() : new TreeSet<>(values));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String v : sorted) {
        sha.update(v.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      byte[] hash = sha.digest();
      return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 15));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
