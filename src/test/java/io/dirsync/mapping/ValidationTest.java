package io.dirsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dirsync.config.ConfigException;
import io.dirsync.config.ConfigProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {

  private static List<String> problems(String yaml) {
    ConfigException e = catchThrowableOfType(() -> MappingLoader.parse("bad.yaml", yaml), ConfigException.class);
    assertThat(e).as("expected the mapping to be refused").isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsLineAndColumn() {
    String yaml = """
        users:
          externalIdd: employeeNumber
          fields:
            mail: mail
            email: {from: mail, transforms: [lowercase]}
            phone: {from: mobile, transforms: [{replace: {pattern: "([a-z", with: x}}]}
            blocked: {expression: "employeeType == "}
            name: {from: cn, policy: sometimes}
          customData:
            age: {from: age, type: integer}
        groups:
          createMissing: perhaps
        """;
    List<String> problems = problems(yaml);
    assertThat(problems).hasSize(9);
    assertThat(problems.get(0)).isEqualTo("bad.yaml:2:3: unknown key 'externalIdd' in users; expected one of "
        + "[customData, exclude, externalId, fields, include, password]");
    assertThat(problems.get(1)).isEqualTo("bad.yaml:2:3: missing required key 'externalId' in users");
    assertThat(problems.get(2)).startsWith("bad.yaml:4:11: unknown user field 'mail'; expected one of [address,");
    assertThat(problems.get(3)).startsWith("bad.yaml:5:38: unknown transform 'lowercase'; expected one of [base64,");
    assertThat(problems.get(4)).isEqualTo("bad.yaml:6:60: bad regular expression '([a-z': Unclosed character class near index 4");
    assertThat(problems.get(5)).isEqualTo("bad.yaml:7:27: expression 'employeeType == ' is not valid: parsing error in '=='");
    assertThat(problems.get(6)).isEqualTo("bad.yaml:8:30: policy must be one of force, createOnly, ignore, not 'sometimes'");
    assertThat(problems.get(7)).isEqualTo("bad.yaml:10:28: type must be one of string, number, boolean, datetime, not 'integer'");
    assertThat(problems.get(8)).isEqualTo("bad.yaml:12:18: groups.createMissing must be true or false, not 'perhaps'");
  }

  @Test
  void reservedFieldsAndMisshapenRulesAreRefusedWithTheirPositions() {
    String yaml = """
        users:
          externalId: {from: a, value: b}
          fields:
            password: userPassword
            signedUp: {from: whenCreated, policy: force}
            nickname: "{givenName"
            company: "not an attribute"
        roles:
          rules:
            - when: "true"
        departments:
          fromEntries:
            base: "not a dn"
            name: ou
          fromAttribute:
            code: {from: value, transforms: [{phone: XX}, {flag: -1}, {lookup: 3}]}
        """;
    assertThat(problems(yaml)).containsExactly(
        "bad.yaml:2:15: users.externalId needs exactly one of from, template, value, expression; found [from, value]",
        "bad.yaml:4:15: the password is set by users.password",
        "bad.yaml:5:43: signedUp can only be set when a user is created; use createOnly",
        "bad.yaml:6:15: unbalanced or invalid placeholder in '{givenName'; use {attributeName}",
        "bad.yaml:7:14: 'not an attribute' is not an attribute name; write a template as \"{attr} …\" or a constant as {value: …}",
        "bad.yaml:10:7: role rule roles.rules[0] needs codes",
        "bad.yaml:16:5: missing required key 'attribute' in departments.fromAttribute",
        "bad.yaml:16:46: unknown phone region 'XX'; use a two-letter country code such as CN, US, GB",
        "bad.yaml:16:58: departments.fromAttribute.code.transforms[1].flag must be a positive bit mask such as 2 or 0x2, not '-1'",
        "bad.yaml:16:72: departments.fromAttribute.code.transforms[2].lookup must be a map with 'table' and optionally 'default'",
        "bad.yaml:13:11: 'not a dn' is not a DN",
        "bad.yaml:13:5: missing required key 'code' in departments.fromEntries");
  }

  @Test
  void aMappingWithoutUsersIsRefused() {
    assertThat(problems("groups: {createMissing: true}\n"))
        .containsExactly("bad.yaml:1:1: missing required key 'users' in (root)");
  }

  @Test
  void yamlSyntaxErrorsNameTheirPosition() {
    assertThat(problems("users:\n  externalId: [a\n")).singleElement().asString().startsWith("bad.yaml:3:1: YAML syntax");
  }
}
