package io.dirsync.apply;

import io.dirsync.directory.fake.InMemoryDirectory;
import io.dirsync.model.DesiredDepartment;
import io.dirsync.model.DesiredState;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.RoleRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A small company as the source describes it, and the directory's state reduced to what a sync decides. */
final class Company {
  static final RoleRef STAFF = new RoleRef("default", "staff");

  private Company() {}

  static DesiredUser user(int i) {
    String dept = i % 2 == 0 ? "rnd" : "sales";
    Map<String, Object> fields = Map.of("username", "u" + i, "email", "U" + i + "@Example.com", "name", "User " + i);
    return new DesiredUser(ExternalId.of(String.format("e%04d", i)), "uid=u" + i, fields, Map.of(), Map.of("level", (long) (i % 5)),
        new java.util.TreeSet<>(Set.of("all", i % 2 == 0 ? "even" : "odd")), new java.util.TreeSet<>(Set.of(STAFF)),
        new java.util.TreeSet<>(Set.of(dept)), dept, null);
  }

  static DesiredState of(int users) {
    List<DesiredUser> list = new ArrayList<>();
    for (int i = 0; i < users; i++) list.add(user(i));
    return of(list);
  }

  static DesiredState of(List<DesiredUser> users) {
    List<DesiredDepartment> departments = List.of(
        new DesiredDepartment("rnd", "R&D", "hq", "ou=rnd"),
        new DesiredDepartment("hq", "Head office", null, "ou=hq"),
        new DesiredDepartment("sales", "Sales", "hq", "ou=sales"));
    return new DesiredState(users, departments, List.of(), List.of(STAFF), List.of(), true, true);
  }

  /** Every user by externalId with fields, custom data and memberships, directory ids left out; plus the department tree. */
  static Map<String, String> snapshot(InMemoryDirectory directory) {
    Map<String, String> out = new TreeMap<>();
    for (DirectoryUser u : directory.allUsers()) {
      String key = u.externalId() == null ? "(no externalId) " + u.field("username") : u.externalId().value();
      String previous = out.put(key, new TreeMap<>(u.fields()) + " " + new TreeMap<>(u.customData()) + " " + u.groups() + " "
          + u.roles() + " " + u.departments() + " main=" + u.mainDepartment());
      if (previous != null) throw new AssertionError("duplicate user " + key);
    }
    directory.listDepartments().forEach(d -> out.put("dept:" + d.code(), d.name() + " under " + d.parentCode()));
    directory.listGroups().forEach(g -> out.put("group:" + g.code(), g.name()));
    return out;
  }
}
