package io.dirsync.directory.scim;

import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.exceptions.ConflictException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.complex.Meta;
import de.captaingoldfish.scim.sdk.common.etag.ETag;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.GroupNode;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.Member;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

/**
 * The in-memory storage behind the SCIM test server: users and groups kept as JSON text (so every
 * read is a fresh copy), unique userName and externalId among users, unique externalId among
 * groups, and each user's read-only {@code groups} computed from the groups' members. Filtering,
 * paging, PATCH, bulk and ETags are the library's. Not thread-safe: the server runs one request at a time.
 */
final class ScimStore {
  // the HTTP front runs one request at a time, so plain maps do
  private final Map<String, User> users = new HashMap<>();
  private final Map<String, String> userNames = new HashMap<>();
  private final Map<String, String> userExternalIds = new HashMap<>();
  private final Map<String, Group> groups = new HashMap<>();

  final ResourceHandler<User> userHandler = new Users();
  final ResourceHandler<Group> groupHandler = new Groups();

  int userCount() {
    return users.size();
  }

  private static <T extends ResourceNode> T copy(T node, Class<T> type) {
    return JsonHelper.readJsonDocument(node.toString(), type);
  }

  private final class Users extends ResourceHandler<User> {
    @Override
    public User createResource(User user, Context context) {
      String id = UUID.randomUUID().toString();
      unique(user, id);
      user.setId(id);
      Instant now = Instant.now();
      user.remove("meta");
      user.setMeta(Meta.builder().created(now).lastModified(now).resourceType("User").version(newVersion()).build());
      user.remove("groups");
      store(user);
      return withGroups(copy(user, User.class), memberships());
    }

    @Override
    public User getResource(String id, List<SchemaAttribute> attributes, List<SchemaAttribute> excluded, Context context) {
      User user = users.get(id);
      return user == null ? null : withGroups(copy(user, User.class), memberships());
    }

    @Override
    public PartialListResponse<User> listResources(long startIndex, int count, FilterNode filter, SchemaAttribute sortBy,
        SortOrder sortOrder, List<SchemaAttribute> attributes, List<SchemaAttribute> excluded, Context context) {
      Map<String, List<GroupNode>> memberships = memberships();
      java.util.Set<String> wanted = externalIds(filter);
      java.util.Collection<User> candidates = wanted == null ? users.values()
          : wanted.stream().map(userExternalIds::get).filter(java.util.Objects::nonNull).map(users::get).toList();
      List<User> all = new ArrayList<>(candidates.size());
      candidates.forEach(u -> all.add(withGroups(u, memberships)));
      return PartialListResponse.<User>builder().resources(all).totalResults(all.size()).build();
    }

    @Override
    public User updateResource(User user, Context context) {
      String id = user.getId().orElseThrow();
      User old = users.get(id);
      if (old == null) throw new ResourceNotFoundException("no user " + id);
      unique(user, id);
      Meta meta = copy(old, User.class).getMeta().orElseThrow();
      meta.setLastModified(Instant.now());
      meta.setVersion(newVersion());
      user.remove("meta");
      user.setMeta(meta);
      user.remove("groups");
      forget(old);
      store(user);
      return withGroups(copy(user, User.class), memberships());
    }

    @Override
    public void deleteResource(String id, Context context) {
      User old = users.get(id);
      if (old == null) throw new ResourceNotFoundException("no user " + id);
      forget(old);
      for (Group g : groups.values()) {
        if (isMember(g, id)) {
          g.getMeta().ifPresent(m -> m.setVersion(newVersion()));
          g.setMembers(g.getMembers().stream().filter(m -> !id.equals(m.getValue().orElse(null))).toList());
        }
      }
    }

    /**
     * The externalIds of a filter made only of {@code externalId eq "…"} joined with {@code or}, else
     * null. Only narrows what the library then filters (it still applies the whole filter): a look-up
     * need not walk every user, which keeps 10,000-user benchmarks from measuring this store.
     */
    private java.util.Set<String> externalIds(FilterNode filter) {
      if (filter instanceof de.captaingoldfish.scim.sdk.server.filter.OrExpressionNode or) {
        java.util.Set<String> left = externalIds(or.getLeftNode());
        java.util.Set<String> right = left == null ? null : externalIds(or.getRightNode());
        if (right == null) return null;
        java.util.Set<String> both = new java.util.HashSet<>(left);
        both.addAll(right);
        return both;
      }
      if (filter instanceof de.captaingoldfish.scim.sdk.server.filter.AttributeExpressionLeaf leaf && leaf.isMainSchemaNode()
          && "externalId".equals(leaf.getAttributeName()) && leaf.getComplexSubAttributeName() == null
          && leaf.getComparator() == de.captaingoldfish.scim.sdk.common.constants.enums.Comparator.EQ && leaf.getValue() != null) {
        return java.util.Set.of(leaf.getStringValue().orElse(leaf.getValue()));
      }
      return null;
    }

    private void store(User user) {
      String id = user.getId().orElseThrow();
      users.put(id, user);
      user.getUserName().ifPresent(n -> userNames.put(n.toLowerCase(Locale.ROOT), id));
      user.getExternalId().ifPresent(x -> userExternalIds.put(x, id));
    }

    private void forget(User user) {
      users.remove(user.getId().orElseThrow());
      user.getUserName().ifPresent(n -> userNames.remove(n.toLowerCase(Locale.ROOT)));
      user.getExternalId().ifPresent(userExternalIds::remove);
    }

    private void unique(User user, String self) {
      String byName = user.getUserName().map(n -> userNames.get(n.toLowerCase(Locale.ROOT))).orElse(null);
      if (byName != null && !byName.equals(self)) {
        throw new ConflictException("userName " + user.getUserName().get() + " is taken", "uniqueness");
      }
      String byExternal = user.getExternalId().map(userExternalIds::get).orElse(null);
      if (byExternal != null && !byExternal.equals(self)) {
        throw new ConflictException("externalId " + user.getExternalId().get() + " is taken", "uniqueness");
      }
    }

    private Map<String, List<GroupNode>> memberships() {
      Map<String, List<GroupNode>> out = new HashMap<>();
      for (Group g : groups.values()) {
        GroupNode node = GroupNode.builder().value(g.getId().orElseThrow()).display(g.getDisplayName().orElse(null)).type("direct").build();
        g.getMembers().forEach(m -> m.getValue().ifPresent(v -> out.computeIfAbsent(v, k -> new ArrayList<>()).add(node)));
      }
      return out;
    }

    private User withGroups(User user, Map<String, List<GroupNode>> memberships) {
      List<GroupNode> mine = memberships.get(user.getId().orElse(""));
      if (mine == null) user.remove("groups");
      else user.setGroups(mine);
      return user;
    }
  }

  private final class Groups extends ResourceHandler<Group> {
    @Override
    public Group createResource(Group group, Context context) {
      unique(group, null);
      group.setId(UUID.randomUUID().toString());
      Instant now = Instant.now();
      group.remove("meta");
      group.setMeta(Meta.builder().created(now).lastModified(now).resourceType("Group").version(newVersion()).build());
      groups.put(group.getId().get(), copy(group, Group.class));
      return group;
    }

    @Override
    public Group getResource(String id, List<SchemaAttribute> attributes, List<SchemaAttribute> excluded, Context context) {
      Group group = groups.get(id);
      return group == null ? null : copy(group, Group.class);
    }

    @Override
    public PartialListResponse<Group> listResources(long startIndex, int count, FilterNode filter, SchemaAttribute sortBy,
        SortOrder sortOrder, List<SchemaAttribute> attributes, List<SchemaAttribute> excluded, Context context) {
      List<Group> all = new ArrayList<>();
      groups.values().forEach(g -> all.add(copy(g, Group.class)));
      return PartialListResponse.<Group>builder().resources(all).totalResults(all.size()).build();
    }

    @Override
    public Group updateResource(Group group, Context context) {
      String id = group.getId().orElseThrow();
      Group old = groups.get(id);
      if (old == null) throw new ResourceNotFoundException("no group " + id);
      unique(group, id);
      Meta meta = copy(old, Group.class).getMeta().orElseThrow();
      meta.setLastModified(Instant.now());
      meta.setVersion(newVersion());
      group.remove("meta");
      group.setMeta(meta);
      groups.put(id, copy(group, Group.class));
      return group;
    }

    @Override
    public void deleteResource(String id, Context context) {
      if (groups.remove(id) == null) throw new ResourceNotFoundException("no group " + id);
    }

    private void unique(Group group, String self) {
      if (group.getExternalId().isEmpty()) return;
      for (Map.Entry<String, Group> e : groups.entrySet()) {
        if (!e.getKey().equals(self) && group.getExternalId().equals(e.getValue().getExternalId())) {
          throw new ConflictException("group externalId " + group.getExternalId().get() + " is taken", "uniqueness");
        }
      }
    }
  }

  /** Each write gets a new version, as a database row version would be. */
  private static ETag newVersion() {
    return ETag.builder().weak(true).tag(UUID.randomUUID().toString()).build();
  }

  private static boolean isMember(Group group, String userId) {
    return group.getMembers().stream().map(Member::getValue).anyMatch(v -> v.filter(userId::equals).isPresent());
  }
}
