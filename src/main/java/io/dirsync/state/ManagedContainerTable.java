package io.dirsync.state;

import io.dirsync.model.ManagedContainers;
import io.dirsync.model.RoleRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;

/** The {@code managed_containers} table: a job's whole set is read in one query and replaced in one transaction. */
final class ManagedContainerTable {
  private static final String SELECT = "SELECT kind, namespace, code FROM managed_containers WHERE job = ?";
  private static final String DELETE = "DELETE FROM managed_containers WHERE job = ?";
  private static final String INSERT = "INSERT INTO managed_containers (job, kind, namespace, code) VALUES (?, ?, ?, ?)";
  private static final String GROUP = "group";
  private static final String ROLE = "role";
  private static final String DEPARTMENT = "department";

  private final Sql sql;

  ManagedContainerTable(Sql sql) {
    this.sql = sql;
  }

  ManagedContainers load(String job) {
    return sql.read("load managed groups, roles and departments of job " + job, c -> {
      Set<String> groups = new HashSet<>();
      Set<RoleRef> roles = new HashSet<>();
      Set<String> departments = new HashSet<>();
      try (PreparedStatement ps = c.prepareStatement(SELECT)) {
        ps.setString(1, job);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            switch (rs.getString(1)) {
              case GROUP -> groups.add(rs.getString(3));
              case ROLE -> roles.add(new RoleRef(rs.getString(2), rs.getString(3)));
              case DEPARTMENT -> departments.add(rs.getString(3));
              default -> { }
            }
          }
        }
      }
      return new ManagedContainers(groups, roles, departments);
    });
  }

  void replace(String job, ManagedContainers containers) {
    sql.write("save " + containers.size() + " managed groups, roles and departments of job " + job, c -> {
      try (PreparedStatement delete = c.prepareStatement(DELETE)) {
        delete.setString(1, job);
        delete.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        for (String g : containers.groups()) add(ps, job, GROUP, "", g);
        for (RoleRef r : containers.roles()) add(ps, job, ROLE, r.namespace(), r.code());
        for (String d : containers.departments()) add(ps, job, DEPARTMENT, "", d);
        ps.executeBatch();
      }
      return null;
    });
  }

  private static void add(PreparedStatement ps, String job, String kind, String namespace, String code) throws java.sql.SQLException {
    ps.setString(1, job);
    ps.setString(2, kind);
    ps.setString(3, namespace);
    ps.setString(4, code);
    ps.addBatch();
  }
}
