package io.dirsync.state;

import io.dirsync.model.ExternalId;
import io.dirsync.model.RoleRef;
import io.dirsync.model.SourceUser;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code source_users} table (delta sync): a job's rows are read in one query; a full run
 * replaces them, a delta run updates and deletes the rows it touched, each in one transaction.
 * Memberships are kept as text lines {@code g code}, {@code r namespace code}, {@code d code},
 * {@code m code}, each value URL-encoded.
 */
final class SourceUserTable {
  private static final String SELECT = "SELECT source_key, dn, external_id, groups_digest, memberships FROM source_users WHERE job = ?";
  private static final String DELETE_ALL = "DELETE FROM source_users WHERE job = ?";
  private static final String DELETE_ONE = "DELETE FROM source_users WHERE job = ? AND source_key = ?";
  private static final String INSERT = "INSERT INTO source_users (job, source_key, dn, external_id, groups_digest, memberships)"
      + " VALUES (?, ?, ?, ?, ?, ?)";
  private static final int BATCH = 1000;

  private final Sql sql;

  SourceUserTable(Sql sql) {
    this.sql = sql;
  }

  Map<String, SourceUser> load(String job) {
    return sql.read("load the source users of job " + job, c -> {
      Map<String, SourceUser> out = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement(SELECT)) {
        ps.setString(1, job);
        ps.setFetchSize(BATCH);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            SourceUser u = decode(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
            out.put(u.key(), u);
          }
        }
      }
      return out;
    });
  }

  void save(String job, boolean replaceAll, Collection<SourceUser> upserts, Collection<String> removedKeys) {
    sql.write("save " + upserts.size() + " source users of job " + job, c -> {
      if (replaceAll) {
        try (PreparedStatement delete = c.prepareStatement(DELETE_ALL)) {
          delete.setString(1, job);
          delete.executeUpdate();
        }
      } else {
        try (PreparedStatement delete = c.prepareStatement(DELETE_ONE)) {
          int n = 0;
          for (String key : removedKeys) n = deleteOne(delete, job, key, n);
          for (SourceUser u : upserts) n = deleteOne(delete, job, u.key(), n);
          delete.executeBatch();
        }
      }
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        int n = 0;
        for (SourceUser u : upserts) {
          ps.setString(1, job);
          ps.setString(2, u.key());
          ps.setString(3, u.dn());
          ps.setString(4, u.externalId() == null ? null : u.externalId().value());
          ps.setString(5, u.groupsDigest());
          ps.setString(6, encode(u));
          ps.addBatch();
          if (++n % BATCH == 0) ps.executeBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  private static int deleteOne(PreparedStatement delete, String job, String key, int n) throws SQLException {
    delete.setString(1, job);
    delete.setString(2, key);
    delete.addBatch();
    if (++n % BATCH == 0) delete.executeBatch();
    return n;
  }

  static String encode(SourceUser u) {
    StringBuilder out = new StringBuilder();
    u.groups().forEach(g -> out.append("g ").append(enc(g)).append('\n'));
    u.roles().forEach(r -> out.append("r ").append(enc(r.namespace())).append(' ').append(enc(r.code())).append('\n'));
    u.departments().forEach(d -> out.append("d ").append(enc(d)).append('\n'));
    if (u.mainDepartment() != null) out.append("m ").append(enc(u.mainDepartment())).append('\n');
    return out.toString();
  }

  static SourceUser decode(String key, String dn, String externalId, String digest, String memberships) {
    TreeSet<String> groups = new TreeSet<>();
    TreeSet<RoleRef> roles = new TreeSet<>();
    TreeSet<String> departments = new TreeSet<>();
    String main = null;
    for (String line : (memberships == null ? "" : memberships).split("\n")) {
      String[] parts = line.split(" ");
      switch (parts[0]) {
        case "g" -> groups.add(dec(parts[1]));
        case "r" -> roles.add(new RoleRef(dec(parts[1]), dec(parts[2])));
        case "d" -> departments.add(dec(parts[1]));
        case "m" -> main = dec(parts[1]);
        default -> { }
      }
    }
    return new SourceUser(key, dn, externalId == null ? null : ExternalId.of(externalId), digest, groups, roles, departments, main);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String dec(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
