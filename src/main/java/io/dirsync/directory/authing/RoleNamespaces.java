package io.dirsync.directory.authing;

import io.dirsync.model.RoleRef;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The pool's permission namespaces, loaded once; creates a missing one before a role is created in it. Thread-safe. */
final class RoleNamespaces {
  private static final int PAGE = 100;

  private final AclApi acl;
  private final Set<String> known = ConcurrentHashMap.newKeySet();
  private volatile boolean loaded;

  RoleNamespaces(AclApi acl) {
    this.acl = acl;
  }

  void ensure(String namespace) {
    if (namespace == null || RoleRef.DEFAULT_NAMESPACE.equals(namespace) || known.contains(namespace)) return;
    load();
    if (known.contains(namespace)) return;
    synchronized (this) {
      if (known.contains(namespace)) return;
      acl.createNamespace(namespace, namespace, "created by dirsync");
      known.add(namespace);
    }
  }

  private synchronized void load() {
    if (loaded) return;
    for (int page = 1; ; page++) {
      Paginated<Namespace> p = acl.listNamespaces(page, PAGE);
      p.list().forEach(n -> known.add(n.code()));
      if (p.list().size() < PAGE || page * PAGE >= p.totalCount()) break;
    }
    loaded = true;
  }
}
