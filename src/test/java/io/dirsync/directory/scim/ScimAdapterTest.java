package io.dirsync.directory.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.directory.DirectoryException;
import io.dirsync.model.DesiredUser;
import io.dirsync.model.DirectoryUser;
import io.dirsync.model.ExternalId;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SCIM adapter against the SCIM test server: limits, fallbacks, credentials and failures as SCIM reports them. */
class ScimAdapterTest {
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) opened.get(i).close();
  }

  private ScimTestServer server(ScimServerOptions options) {
    ScimTestServer s = ScimTestServer.start(options);
    opened.add(s);
    return s;
  }

  private ScimDirectory directory(URI base, ScimAuth auth) {
    ScimDirectory d = new ScimDirectory(ScimSettings.of(base, auth).withCustomSchema(ScimServerOptions.CUSTOM_SCHEMA), Clock.systemUTC());
    opened.add(d);
    return d;
  }

  private ScimDirectory directory(ScimTestServer s) {
    return directory(s.baseUri(), new ScimAuth.Bearer("test-token"));
  }

  private static DesiredUser user(String id) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("username", "u" + id);
    fields.put("email", "u" + id + "@example.com");
    return DesiredUser.of(ExternalId.of(id), fields);
  }

  private static DirectoryException failure(Runnable call) {
    try {
      call.run();
    } catch (DirectoryException e) {
      return e;
    }
    throw new AssertionError("no DirectoryException");
  }

  @Test
  void lookUpsGoInBatchesOfTheServersFilterMaxResultsJoinedWithOr() {
    ScimTestServer s = server(ScimServerOptions.defaults().withFilterMaxResults(5));
    ScimDirectory d = directory(s);
    IntStream.range(0, 12).forEach(i -> d.createUser(user("e-" + i)));
    long before = s.requests().getOrDefault("GET /Users", 0L);

    List<DirectoryUser> found = d.findByExternalIds(IntStream.range(0, 12).mapToObj(i -> ExternalId.of("e-" + i)).toList(), false, Set.of());

    assertThat(d.lookupBatchSize()).isEqualTo(5);
    assertThat(found).hasSize(12);
    assertThat(s.requests().get("GET /Users") - before).isEqualTo(3);
  }

  @Test
  void anUpdateIsOnePatchWhereOfferedAndGetPlusPutWhereNot() {
    ScimTestServer withPatch = server(ScimServerOptions.defaults());
    ScimDirectory d = directory(withPatch);
    String id = d.createUser(user("e-1")).id();
    d.updateUser(id, Map.of("name", "Ann"));
    assertThat(withPatch.requests()).containsEntry("PATCH /Users", 1L).doesNotContainKey("PUT /Users");

    ScimTestServer noPatch = server(ScimServerOptions.defaults().withoutPatch());
    ScimDirectory p = directory(noPatch);
    String other = p.createUser(user("e-1")).id();
    p.updateUser(other, Map.of("name", "Ann"));
    assertThat(noPatch.requests()).containsEntry("PUT /Users", 1L).doesNotContainKey("PATCH /Users");
    assertThat(p.findByExternalId(ExternalId.of("e-1"), Set.of()).orElseThrow().field("name")).isEqualTo("Ann");
  }

  @Test
  void theEnterpriseExtensionCarriesEmployeeNumberDepartmentAndManager() {
    ScimDirectory d = directory(server(ScimServerOptions.defaults()));
    Map<String, Object> fields = new LinkedHashMap<>(user("e-1").fields());
    fields.put("employeeNumber", "E1");
    fields.put("manager", "boss-id");
    fields.put("company", "ACME");
    String id = d.createUser(DesiredUser.of(ExternalId.of("e-1"), fields)).id();
    d.updateUser(id, Map.of("department", "Sales"));

    DirectoryUser found = d.findByExternalId(ExternalId.of("e-1"), Set.of()).orElseThrow();
    assertThat(found.fields()).containsEntry("employeeNumber", "E1").containsEntry("manager", "boss-id")
        .containsEntry("company", "ACME").containsEntry("department", "Sales");
  }

  @Test
  void aDuplicateIsPermanentAndNamesTheScimType() {
    ScimDirectory d = directory(server(ScimServerOptions.defaults()));
    d.createUser(user("e-1"));

    DirectoryException e = failure(() -> d.createUser(DesiredUser.of(ExternalId.of("e-2"), user("e-1").fields())));

    assertThat(e.kind()).isEqualTo(DirectoryException.Kind.PERMANENT);
    assertThat(e.httpStatus()).isEqualTo(409);
    assertThat(e.getMessage()).contains("uniqueness").contains("POST /Users");
  }

  @Test
  void tooManyRequestsIsTransientWithTheServersRetryAfter() {
    ScimTestServer s = server(ScimServerOptions.defaults());
    ScimDirectory d = directory(s);
    d.checkAccess();
    s.failNext(429, 1, "7");

    DirectoryException e = failure(() -> d.createUser(user("e-1")));

    assertThat(e.kind()).isEqualTo(DirectoryException.Kind.TRANSIENT);
    assertThat(e.retryAfterMillis()).isEqualTo(7000);
    assertThat(e.outcomeUnknown()).isFalse();
  }

  @Test
  void serverErrorsAndStaleEtagsAreTransientAndAnUnknownOutcomeOnlyForServerErrors() {
    ScimTestServer s = server(ScimServerOptions.defaults());
    ScimDirectory d = directory(s);
    d.checkAccess();
    s.failNext(503, 1, null);
    DirectoryException unavailable = failure(() -> d.createUser(user("e-1")));
    s.failNext(412, 1, null);
    DirectoryException stale = failure(() -> d.updateUser("x", Map.of("name", "n")));

    assertThat(unavailable.kind()).isEqualTo(DirectoryException.Kind.TRANSIENT);
    assertThat(unavailable.outcomeUnknown()).isTrue();
    assertThat(stale.kind()).isEqualTo(DirectoryException.Kind.TRANSIENT);
    assertThat(stale.outcomeUnknown()).isFalse();
  }

  @Test
  void aRefusedTokenIsFatalAndTheMessageDoesNotShowIt() {
    ScimTestServer s = server(ScimServerOptions.defaults());
    ScimDirectory d = directory(s.baseUri(), new ScimAuth.Bearer("wrong-token-value"));

    DirectoryException e = failure(d::checkAccess);

    assertThat(e.kind()).isEqualTo(DirectoryException.Kind.FATAL);
    assertThat(e.httpStatus()).isEqualTo(401);
    assertThat(e.getMessage()).contains("credentials").doesNotContain("wrong-token-value");
  }

  @Test
  void basicAuthenticationIsAccepted() {
    ScimTestServer s = server(ScimServerOptions.defaults().withBasic("sync", "s3cret"));
    ScimDirectory d = directory(s.baseUri(), new ScimAuth.Basic("sync", "s3cret"));

    d.createUser(user("e-1"));

    assertThat(s.userCount()).isEqualTo(1);
    assertThat(failure(directory(s.baseUri(), new ScimAuth.Basic("sync", "nope"))::checkAccess).kind())
        .isEqualTo(DirectoryException.Kind.FATAL);
  }

  @Test
  void clientCredentialsFetchOneTokenAndReuseIt() {
    ScimTestServer s = server(ScimServerOptions.defaults().withClientCredentials("dirsync", "client-secret"));
    ScimDirectory d = directory(s.baseUri(), new ScimAuth.ClientCredentials(s.tokenUri(), "dirsync", "client-secret", "scim"));

    d.createUser(user("e-1"));
    d.createUser(user("e-2"));
    d.findByExternalIds(List.of(ExternalId.of("e-1"), ExternalId.of("e-2")), true, Set.of());

    assertThat(s.requests()).containsEntry("POST /oauth/token", 1L);
    assertThat(d.callCounts()).containsEntry("POST /oauth/token", 1L);
    DirectoryException refused = failure(directory(s.baseUri(), new ScimAuth.ClientCredentials(s.tokenUri(), "dirsync", "wrong", null))::checkAccess);
    assertThat(refused.kind()).isEqualTo(DirectoryException.Kind.FATAL);
    assertThat(refused.getMessage()).contains("client id and secret").doesNotContain("wrong");
  }

  @Test
  void customDataOutsideTheServersSchemaIsRefusedNamingTheKey() {
    ScimDirectory d = directory(server(ScimServerOptions.defaults()));
    String id = d.createUser(user("e-1")).id();

    DirectoryException e = failure(() -> d.setCustomData(id, Map.of("shoeSize", 44L)));

    assertThat(e.kind()).isEqualTo(DirectoryException.Kind.PERMANENT);
    assertThat(e.getMessage()).contains("shoeSize").contains(ScimServerOptions.CUSTOM_SCHEMA);
  }

  @Test
  void aFieldWithoutAScimAttributeIsRefusedNamingIt() {
    ScimDirectory d = directory(server(ScimServerOptions.defaults()));

    DirectoryException e = failure(() -> d.createUser(DesiredUser.of(ExternalId.of("e-1"), Map.of("username", "a", "emailVerified", true))));

    assertThat(e.kind()).isEqualTo(DirectoryException.Kind.PERMANENT);
    assertThat(e.getMessage()).contains("emailVerified").contains("e-1");
  }

  @Test
  void membersAreAddedInChunks() {
    ScimTestServer s = server(ScimServerOptions.defaults());
    ScimDirectory d = directory(s);
    d.createGroup("all", "All");
    List<String> ids = IntStream.range(0, ScimGroups.MEMBER_CHUNK + 20).mapToObj(i -> d.createUser(user("e-" + i)).id()).toList();

    d.addGroupMembers("all", ids);

    assertThat(s.requests()).containsEntry("PATCH /Groups", 2L);
    assertThat(d.readMemberships(List.of("all"), List.of(), List.of()).groupMembers().get("all")).hasSize(ids.size());
  }

  @Test
  void batchCreatesGoAsOneBulkRequestWithCustomDataAndDepartmentsAndADuplicateFailsAlone() {
    ScimTestServer s = server(ScimServerOptions.defaults());
    ScimDirectory d = directory(s);
    d.createUser(user("taken"));
    d.createDepartment("eng", "Engineering", null);
    List<DesiredUser> batch = List.of(
        user("e-1").withCustomData(Map.of("school", "MIT")).withDepartments(Set.of("eng"), "eng"),
        DesiredUser.of(ExternalId.of("e-2"), user("taken").fields()),
        user("e-3").withDepartments(Set.of("eng"), null));

    List<io.dirsync.directory.CreateResult> results = d.createUsers(batch);

    assertThat(d.createBatchSize()).isEqualTo(80);
    assertThat(s.requests()).containsEntry("POST /Bulk", 1L).containsEntry("PATCH /Groups", 1L);
    assertThat(results).extracting(r -> r.user().externalId().value()).containsExactly("e-1", "e-2", "e-3");
    assertThat(results.get(1).failure().kind()).isEqualTo(DirectoryException.Kind.PERMANENT);
    assertThat(results.get(1).failure().getMessage()).contains("uniqueness");
    DirectoryUser first = d.findByExternalId(ExternalId.of("e-1"), Set.of()).orElseThrow();
    assertThat(first.id()).isEqualTo(results.get(0).created().id());
    assertThat(first.customData()).containsEntry("school", "MIT");
    assertThat(first.departments()).containsExactly("eng");
    assertThat(first.mainDepartment()).isEqualTo("eng");
    assertThat(d.findByExternalId(ExternalId.of("e-3"), Set.of()).orElseThrow().departments()).containsExactly("eng");
  }

  @Test
  void withoutBulkAUserIsOnePostCarryingItsCustomDataAndMainDepartment() {
    ScimTestServer s = server(ScimServerOptions.defaults().withoutBulk());
    ScimDirectory d = directory(s);
    d.createDepartment("eng", "Engineering", null);

    DirectoryUser created = d.createUser(user("e-1").withCustomData(Map.of("school", "MIT")).withDepartments(Set.of("eng"), "eng"));

    assertThat(s.requests()).containsEntry("POST /Users", 1L).doesNotContainKeys("PATCH /Users", "PUT /Users", "PATCH /Groups");
    assertThat(created.mainDepartment()).isEqualTo("eng");
    assertThat(created.customData()).containsEntry("school", "MIT");
    d.addDepartmentMembers("eng", List.of(created.id()));
    DirectoryUser found = d.findByExternalId(ExternalId.of("e-1"), Set.of()).orElseThrow();
    assertThat(found.mainDepartment()).isEqualTo("eng");
    assertThat(found.customData()).containsEntry("school", "MIT");
  }

  @Test
  void aCreateWithoutTheEnterpriseExtensionReportsNoMainDepartment() {
    ScimTestServer s = server(ScimServerOptions.defaults().withoutBulk().withoutEnterprise());
    ScimDirectory d = directory(s);
    d.createDepartment("eng", "Engineering", null);

    DirectoryUser created = d.createUser(user("e-1").withDepartments(Set.of("eng"), "eng"));

    assertThat(created.mainDepartment()).isNull();
    assertThat(s.requests()).containsEntry("POST /Users", 1L);
  }

  @Test
  void withoutBulkThereIsNoBatchCreate() {
    assertThat(directory(server(ScimServerOptions.defaults().withoutBulk())).createBatchSize()).isEqualTo(1);
  }
}
