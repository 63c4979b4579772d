package io.dirsync.directory.authing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.RoleRef;
import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import io.dirsync.testing.AuthingJsSdk;
import io.dirsync.testing.TestClock;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule: on its default path dirsync sends Authing only requests the official SDK
 * (authing-js-sdk 4.23.55) sends. For GraphQL: the same operation type and root field, argument
 * names among the SDK's, every selected field (recursively, aliases ignored) selected by some SDK
 * document under that root field. For REST: a route the SDK builds. Checked against every GraphQL
 * document of the client ({@link Gql}, the token query) and every request recorded on the wire
 * while the v2 adapter does everything the Directory port offers against the sandbox.
 */
class SdkProvenRequestsTest {
  private static SdkRequests sdk;

  @BeforeAll
  static void readTheSdk() throws Exception {
    Assumptions.assumeTrue(AuthingJsSdk.available(), "node and npm are not installed");
    sdk = SdkRequests.read(AuthingJsSdk.install());
  }

  @Test
  void theSdkIsReadWhole() {
    assertThat(sdk.documents).isGreaterThanOrEqualTo(140);
    assertThat(sdk.roots).containsKeys("query group", "query role", "query nodeById", "query user", "mutation createUser");
    assertThat(sdk.roots.get("query user").paths()).contains("departments/list/isMainDepartment", "groups/list/code")
        .doesNotContain("departments/list/department/mainDepartmentId");
    assertThat(sdk.roots.get("query userBatch").paths()).as("userBatch selects no memberships").doesNotContain("groups", "roles");
    assertThat(sdk.routes).anySatisfy(r -> assertThat(r.matches("POST", "/api/v2/users/batch")).isTrue());
    assertThat(sdk.routes).anySatisfy(r -> assertThat(r.matches("GET", "/api/v2/users/u1/orgs")).isTrue());
    assertThat(sdk.routes).noneSatisfy(r -> assertThat(r.matches("GET", "/api/v2/users/u1/memberships")).isTrue());
  }

  @Test
  void theRuleFindsAnUnprovenSelectionArgumentAndRootField() {
    List<String> problems = new ArrayList<>();
    check("query userBatch($ids: [String!]!) { userBatch(ids: $ids) { id groups { list { code } } } }", problems);
    check("query x { user(id: \"1\", extra: 1) { id } }", problems);
    check("query x { everything { id } }", problems);

    assertThat(problems).anyMatch(p -> p.contains("query userBatch") && p.contains("groups"))
        .anyMatch(p -> p.contains("argument extra")).anyMatch(p -> p.contains("query everything"));
  }

  @Test
  void everyGraphqlDocumentOfTheClientIsOneTheSdkSends() throws Exception {
    List<String> problems = new ArrayList<>();
    for (java.lang.reflect.Field f : Gql.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) continue;
      f.setAccessible(true);
      String text = (String) f.get(null);
      if (text.trim().startsWith("query") || text.trim().startsWith("mutation")) check(text, problems, "Gql." + f.getName());
    }
    java.lang.reflect.Field token = Transport.class.getDeclaredField("ACCESS_TOKEN_DOC");
    token.setAccessible(true);
    check((String) token.get(null), problems, "Transport.ACCESS_TOKEN_DOC");

    assertThat(problems).as("requests no SDK sends").isEmpty();
  }

  @Test
  void everyRequestOnTheWireWhileTheAdapterDoesEverythingIsOneTheSdkSends() throws Exception {
    List<ScriptedServer.Seen> seen;
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults());
         ScriptedServer proxy = new ScriptedServer(new Forward(sandbox.baseUri().toString()));
         AuthingDirectory d = new AuthingDirectory(new AuthingManagementClient(AuthingConfig.of(proxy.baseUri(),
             SandboxOptions.DEFAULT_USER_POOL_ID, SandboxOptions.DEFAULT_SECRET), TestClock.now()), "dirsync")) {
      everything(d);
      seen = List.copyOf(proxy.seen);
    }
    ObjectMapper json = new ObjectMapper();
    List<String> problems = new ArrayList<>();
    Set<String> kinds = new TreeSet<>();
    for (ScriptedServer.Seen request : seen) {
      String path = request.path().contains("?") ? request.path().substring(0, request.path().indexOf('?')) : request.path();
      if (path.equals("/graphql/v2")) {
        String query = json.readTree(request.body()).path("query").asText();
        kinds.add(rootKeys(query).toString());
        check(query, problems, "on the wire");
      } else {
        kinds.add(request.method() + " " + path);
        if (sdk.routes.stream().noneMatch(r -> r.matches(request.method(), path))) {
          problems.add("REST " + request.method() + " " + path + ": a route no SDK builds");
        }
      }
    }
    assertThat(kinds).as("what was exercised").contains("[query group]", "[query role]", "[query nodeById]",
        "[mutation createUser]", "POST /api/v2/users/batch");
    assertThat(problems).as("requests no SDK sends").isEmpty();
  }

  /** Every port operation of the adapter, as a sync and a removal would call them. */
  private static void everything(AuthingDirectory d) {
    d.checkAccess();
    RoleRef reader = new RoleRef("app1", "reader");
    d.createGroup("staff", "Staff");
    d.createRole(reader);
    d.createDepartment("eng", "Engineering", null);
    d.createDepartment("web", "Web", "eng");
    d.createDepartment("ops", "Operations", null);
    Map<String, Object> fields = new LinkedHashMap<>(Map.of("username", "ann", "email", "ann@example.org", "city", "Lyon"));
    String ann = d.createUser(DesiredUser.of(ExternalId.of("e1"), fields).withCustomData(Map.of("title", "Engineer", "level", 3L))).id();
    String ben = d.createUser(DesiredUser.of(ExternalId.of("e2"), Map.of("username", "ben"))).id();
    d.setCustomData(ann, Map.of("title", "Lead"));
    d.setCustomData(ann, java.util.Collections.singletonMap("level", null));
    d.addGroupMembers("staff", List.of(ann, ben));
    d.assignRole(reader, List.of(ann));
    d.addDepartmentMembers("web", List.of(ann, ben));
    d.addDepartmentMembers("ops", List.of(ann));
    d.setMainDepartment(ann, "web");
    d.findByExternalIds(List.of(ExternalId.of("e1"), ExternalId.of("e2")), false, Set.of("app1"));
    d.findByExternalId(ExternalId.of("e1"), Set.of("app1", "default"));
    d.listGroups();
    d.listRoles("app1");
    d.listDepartments();
    d.readMemberships(List.of("staff"), List.of(reader), List.of("eng", "web", "ops"));
    d.updateUser(ann, Map.of("name", "Ann"));
    d.renameDepartment("ops", "Ops");
    d.moveDepartment("ops", "eng");
    d.removeDepartmentMembers("ops", List.of(ann));
    d.removeGroupMembers("staff", List.of(ben));
    d.revokeRole(reader, List.of(ann));
    d.blockUser(ben);
    d.deleteUser(ben);
    d.deleteGroup("staff");
    d.deleteDepartment("ops");
  }

  private static Set<String> rootKeys(String text) {
    Set<String> out = new TreeSet<>();
    Document doc = Parser.parse(text);
    Map<String, FragmentDefinition> fragments = SdkRequests.fragments(doc);
    for (OperationDefinition op : doc.getDefinitionsOfType(OperationDefinition.class)) {
      SdkRequests.fields(op.getSelectionSet(), fragments).forEach(f -> out.add(SdkRequests.key(op, f)));
    }
    return out;
  }

  private static void check(String text, List<String> problems) {
    check(text, problems, "test");
  }

  private static void check(String text, List<String> problems, String where) {
    Document doc = Parser.parse(text);
    Map<String, FragmentDefinition> fragments = SdkRequests.fragments(doc);
    for (OperationDefinition op : doc.getDefinitionsOfType(OperationDefinition.class)) {
      for (Field root : SdkRequests.fields(op.getSelectionSet(), fragments)) {
        String key = SdkRequests.key(op, root);
        SdkRequests.Root proven = sdk.roots.get(key);
        if (proven == null) {
          problems.add(where + ": " + key + ": a root field no SDK document uses");
          continue;
        }
        compare(root, "", key, proven, fragments, problems, where);
      }
    }
  }

  private static void compare(Field field, String path, String key, SdkRequests.Root proven,
      Map<String, FragmentDefinition> fragments, List<String> problems, String where) {
    Set<String> args = proven.arguments().getOrDefault(path, Set.of());
    for (Argument a : field.getArguments()) {
      if (!args.contains(a.getName())) {
        problems.add(where + ": " + key + (path.isEmpty() ? "" : " > " + path) + ": argument " + a.getName() + " no SDK document sends");
      }
    }
    for (Field child : SdkRequests.fields(field.getSelectionSet(), fragments)) {
      String childPath = path.isEmpty() ? child.getName() : path + "/" + child.getName();
      if (!proven.paths().contains(childPath)) {
        problems.add(where + ": " + key + " > " + childPath + ": a field no SDK document selects there");
        continue;
      }
      compare(child, childPath, key, proven, fragments, problems, where);
    }
  }

  /** Forwards each request to the sandbox and hands its answer back. */
  private static final class Forward implements java.util.function.Function<ScriptedServer.Seen, ScriptedServer.Answer> {
    private static final MediaType JSON = MediaType.get("application/json");
    private final String target;
    private final OkHttpClient http = new OkHttpClient();

    Forward(String target) {
      this.target = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
    }

    @Override
    public ScriptedServer.Answer apply(ScriptedServer.Seen request) {
      Request.Builder b = new Request.Builder().url(target + request.path());
      request.headers().forEach((name, values) -> {
        String n = name.toLowerCase();
        if (n.equals("authorization") || n.startsWith("x-authing")) values.forEach(v -> b.addHeader(name, v));
      });
      boolean hasBody = request.method().equals("POST") || request.method().equals("PUT") || request.method().equals("PATCH");
      b.method(request.method(), hasBody ? RequestBody.create(request.body(), JSON) : null);
      try (Response r = http.newCall(b.build()).execute()) {
        Map<String, String> headers = new LinkedHashMap<>();
        String retryAfter = r.header("Retry-After");
        if (retryAfter != null) headers.put("Retry-After", retryAfter);
        return new ScriptedServer.Answer(r.code(), headers, r.body() == null ? "" : r.body().string());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
