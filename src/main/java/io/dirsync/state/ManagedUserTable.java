package io.dirsync.state;

import io.dirsync.model.ExternalId;
import io.dirsync.model.ManagedUser;
import io.dirsync.model.UserLabel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code managed_users} table: upserts and deletes in JDBC batches of {@value #BATCH} rows, each
 * batch committed as it goes; one query loads a whole job.
 */
final class ManagedUserTable {
  /** Rows per JDBC batch; large enough to amortise round trips, small enough to bound memory. */
  static final int BATCH = 1000;

  private static final String SELECT =
      "SELECT external_id, directory_id, applied_hash, removed, last_seen, username, email, source_dn FROM managed_users WHERE job = ?";
  private static final String DELETE = "DELETE FROM managed_users WHERE job = ? AND external_id = ?";
  private static final int FETCH_SIZE = 5000;

  private final Sql sql;
  private final Dialect dialect;

  ManagedUserTable(Sql sql, Dialect dialect) {
    this.sql = sql;
    this.dialect = dialect;
  }

  Map<ExternalId, ManagedUser> load(String job) {
    return sql.read(
        "load managed users of job " + job,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setFetchSize(FETCH_SIZE);
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
              Map<ExternalId, ManagedUser> users = new HashMap<>();
              while (rs.next()) {
                ExternalId id = ExternalId.of(rs.getString(1));
                users.put(
                    id,
                    new ManagedUser(
                        id, rs.getString(2), rs.getString(3), rs.getBoolean(4), Sql.getInstant(rs, "last_seen"),
                        new UserLabel(rs.getString(6), rs.getString(7), rs.getString(8))));
              }
              return Map.copyOf(users);
            }
          }
        });
  }

  void save(String job, Collection<ManagedUser> users) {
    // The last of duplicate ids wins; PostgreSQL refuses to upsert one key twice in a statement.
    Map<ExternalId, ManagedUser> unique = new LinkedHashMap<>();
    for (ManagedUser u : users) unique.put(u.externalId(), u);
    if (unique.isEmpty()) return;
    List<ManagedUser> named = unique.values().stream().filter(u -> u.label() != null).toList();
    List<ManagedUser> unnamed = unique.values().stream().filter(u -> u.label() == null).toList();
    sql.write(
        "save " + unique.size() + " managed users of job " + job,
        c -> {
          upsert(c, job, named, dialect.upsertManagedNamed());
          upsert(c, job, unnamed, dialect.upsertManaged());
          return null;
        });
  }

  private static void upsert(Connection c, String job, List<ManagedUser> users, String statement) throws SQLException {
    if (users.isEmpty()) return;
    try (PreparedStatement ps = c.prepareStatement(statement)) {
      int pending = 0;
      for (ManagedUser u : users) {
        ps.setString(1, job);
        ps.setString(2, u.externalId().value());
        ps.setString(3, u.directoryId());
        ps.setString(4, u.appliedHash());
        ps.setBoolean(5, u.removed());
        Sql.setInstant(ps, 6, u.lastSeen());
        if (u.label() != null) {
          ps.setString(7, cut(u.label().username(), 1024));
          ps.setString(8, cut(u.label().email(), 1024));
          ps.setString(9, cut(u.label().dn(), 4000));
        }
        ps.addBatch();
        if (++pending == BATCH) {
          ps.executeBatch();
          // Bounded transactions: H2 updates existing rows about twice as fast, and each row is
          // true on its own, so a crash part-way keeps the batches before it.
          c.commit();
          pending = 0;
        }
      }
      if (pending > 0) ps.executeBatch();
    }
  }

  /** A name is only shown to people: one longer than its column is cut rather than failing the save. */
  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  void forget(String job, Collection<ExternalId> ids) {
    Set<ExternalId> unique = new LinkedHashSet<>(ids);
    if (unique.isEmpty()) return;
    sql.write(
        "forget " + unique.size() + " managed users of job " + job,
        c -> {
          deleteInBatches(c, job, new ArrayList<>(unique));
          return null;
        });
  }

  private static void deleteInBatches(Connection c, String job, List<ExternalId> ids) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DELETE)) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setString(1, job);
        ps.setString(2, ids.get(i).value());
        ps.addBatch();
        if ((i + 1) % BATCH == 0 || i == ids.size() - 1) {
          ps.executeBatch();
          c.commit();
        }
      }
    }
  }
}
