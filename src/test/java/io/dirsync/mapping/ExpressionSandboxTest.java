package io.dirsync.mapping;

import static io.dirsync.mapping.MappingFixture.skip;
import static io.dirsync.mapping.MappingFixture.user;
import static io.dirsync.mapping.MappingFixture.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.config.ConfigException;
import org.junit.jupiter.api.Test;

class ExpressionSandboxTest {

  private static void refusedWhenLoaded(String expression) {
    String yaml = "users:\n  externalId: id\n  include: \"" + expression.replace("\"", "\\\"") + "\"\n";
    assertThatThrownBy(() -> MappingLoader.parse("m.yaml", yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("m.yaml:3:12: expression '" + expression + "' is not valid");
  }

  @Test
  void newLoopsAssignmentsLambdasAndPragmasAreRefusedWhenTheMappingLoads() {
    refusedWhenLoaded("new('java.io.File', '/etc/passwd')");
    refusedWhenLoaded("for (x : objectClass) { true }");
    refusedWhenLoaded("while (true) { 1 }");
    refusedWhenLoaded("uid = 'root'");
    refusedWhenLoaded("var x = 1");
    refusedWhenLoaded("function(x) { x }");
    refusedWhenLoaded("x -> x");
    refusedWhenLoaded("#pragma jexl.import java.lang");
  }

  private static void refusedAtRunTime(String expression) {
    io.dirsync.model.SkippedEntry skipped =
        skip("nickname", "{expression: \"" + expression + "\"}", user("uid", "x"));
    assertThat(skipped.rule()).isEqualTo("users.nickname");
    assertThat(skipped.reason()).startsWith("expression '" + expression + "' failed: ");
  }

  @Test
  void javaClassesAndReflectionAreOutOfReach() {
    refusedAtRunTime("uid.getClass()");
    refusedAtRunTime("uid.getClass().forName('java.lang.Runtime')");
    refusedAtRunTime("uid.class");
    refusedAtRunTime("uid.bytes");
    refusedAtRunTime("uid[0]");
    refusedAtRunTime("uid.hashCode()");
    refusedAtRunTime("has.getClass()");
    refusedAtRunTime("flag.getClass()");
    // a dotted name is only ever an (absent) attribute, never a class
    refusedAtRunTime("java.lang.Runtime.getRuntime()");
    refusedAtRunTime("java.lang.System.exit(1)");
    refusedAtRunTime("''.getClass().getClassLoader()");
  }

  @Test
  void attributesStringMethodsAndHelperFunctionsAreAvailable() {
    assertThat(value("blocked", "{expression: \"has(objectClass, 'INETORGPERSON')\"}",
        user("objectClass", "top", "objectClass", "inetOrgPerson"))).isEqualTo(true);
    assertThat(value("blocked", "{expression: \"'inetOrgPerson' =~ objectClass\"}",
        user("objectClass", "top", "objectClass", "inetOrgPerson"))).isEqualTo(true);
    assertThat(value("blocked", "{expression: \"flag(userAccountControl, 2)\"}", user("userAccountControl", "514"))).isEqualTo(true);
    assertThat(value("nickname", "{expression: \"MAIL.toUpperCase().substring(0, 3)\"}", user("mail", "bob@x.org"))).isEqualTo("BOB");
    assertThat(value("nickname", "{expression: \"dn\"}", user())).isEqualTo(MappingFixture.DN);
    assertThat(value("nickname", "{expression: \"ou.get(1) + ou.size() + ou.empty\"}", user("ou", "a", "ou", "b"))).isEqualTo("b2false");
    assertThat(value("nickname", "{expression: \"ouPath\"}", user())).isEqualTo("People");
    assertThat(value("blocked", "{expression: \"missing == 'x'\"}", user())).isEqualTo(false);
    assertThat(value("nickname", "{expression: \"missing?.toUpperCase()\"}", user())).isNull();
    assertThat(skip("nickname", "{expression: \"missing.toUpperCase()\"}", user()).reason()).contains("failed");
  }

}
