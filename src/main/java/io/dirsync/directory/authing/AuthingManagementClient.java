package io.dirsync.directory.authing;

import java.time.Clock;
import java.util.Map;

/**
 * A client of the Authing v2 management API for one user pool, speaking the official SDK's wire
 * protocol (GraphQL at {@code /graphql/v2}, REST under {@code /api/v2}). One HTTP connection pool,
 * one management token (cached until shortly before it expires, fetched once when many calls start
 * together, replaced once when the server refuses it). It never retries on its own otherwise:
 * failures are {@link AuthingException}s classed TRANSIENT, PERMANENT or FATAL. Thread-safe;
 * {@link #close()} when done.
 */
public final class AuthingManagementClient implements AutoCloseable {
  private final Transport transport;
  private final UsersApi users;
  private final GroupsApi groups;
  private final RolesApi roles;
  private final OrgApi org;
  private final UdfApi udf;
  private final PoliciesApi policies;
  private final AclApi acl;

  /** @param clock decides when the management token is due for replacement */
  public AuthingManagementClient(AuthingConfig config, Clock clock) {
    this.transport = new Transport(config, clock);
    this.groups = new GroupsApi(transport);
    this.roles = new RolesApi(transport);
    this.org = new OrgApi(transport);
    this.udf = new UdfApi(transport);
    this.policies = new PoliciesApi(transport);
    this.acl = new AclApi(transport);
    this.users = new UsersApi(transport, new PasswordCipher(transport), groups, roles, udf, policies);
  }

  public UsersApi users() {
    return users;
  }

  public GroupsApi groups() {
    return groups;
  }

  public RolesApi roles() {
    return roles;
  }

  public OrgApi org() {
    return org;
  }

  public UdfApi udf() {
    return udf;
  }

  public PoliciesApi policies() {
    return policies;
  }

  public AclApi acl() {
    return acl;
  }

  /**
   * Fetches a management token unless one is held: proves the host is reachable and the pool id
   * and secret are accepted (a wrong secret is a FATAL {@link AuthingException}).
   */
  public void checkAccess() {
    transport.authenticate();
  }

  /** Calls made so far (each attempt, token fetches included), by GraphQL root field or REST route. */
  public Map<String, Long> callCounts() {
    return transport.callCounts();
  }

  @Override
  public void close() {
    transport.close();
  }
}
