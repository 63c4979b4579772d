package io.dirsync.mapping;

import static io.dirsync.mapping.MappingFixture.skip;
import static io.dirsync.mapping.MappingFixture.user;
import static io.dirsync.mapping.MappingFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.SkippedEntry;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformsTest {

  @Test
  void lowerUpperAndTrimWorkOnEveryValueIncludingNonAscii() {
    assertThat(value("nickname", "{from: a, transforms: [trim, lower]}", user("a", "  ÄÖÜ Straße "))).isEqualTo("äöü straße");
    assertThat(value("nickname", "{from: a, transforms: [upper, {join: '|'}]}", user("a", "x", "a", "é"))).isEqualTo("X|É");
  }

  @Test
  void anAbsentOrEmptyAttributeGivesNoField() {
    assertThat(value("nickname", "{from: missing, transforms: [trim, lower]}", user())).isNull();
    assertThat(value("nickname", "{from: a, transforms: [trim]}", user("a", "   "))).isNull();
  }

  @Test
  void aMultiValuedAttributeKeepsItsFirstValueUnlessJoined() {
    assertThat(value("nickname", "a", user("a", "one", "a", "two"))).isEqualTo("one");
    assertThat(value("nickname", "{from: a, transforms: [first]}", user("a", "one", "a", "two"))).isEqualTo("one");
    assertThat(value("nickname", "{from: a, transforms: [{join: ', '}]}", user("a", "one", "a", "two"))).isEqualTo("one, two");
  }

  @Test
  void splitCutsValuesAndDropsEmptyPieces() {
    assertThat(value("nickname", "{from: a, transforms: [{split: ';'}, {join: '+'}]}", user("a", "x; y;;z")))
        .isEqualTo("x+y+z");
  }

  @Test
  void replaceAndExtractUseRegularExpressions() {
    assertThat(value("nickname", "{from: a, transforms: [{replace: {pattern: '\\s+', with: '_'}}]}", user("a", "a  b c")))
        .isEqualTo("a_b_c");
    assertThat(value("nickname", "{from: a, transforms: [{replace: {pattern: '^(\\w+)@.*$', with: '$1'}}]}", user("a", "bob@x.org")))
        .isEqualTo("bob");
    assertThat(value("nickname", "{from: a, transforms: [{extract: '^CN=([^,]+)'}]}", user("a", "CN=Sales,OU=G"))).isEqualTo("Sales");
    assertThat(value("nickname", "{from: a, transforms: [{extract: {pattern: '(\\d+)-(\\d+)', group: 2}}]}", user("a", "12-34")))
        .isEqualTo("34");
    assertThat(value("nickname", "{from: a, transforms: [{extract: '^CN=([^,]+)'}]}", user("a", "OU=nope"))).isNull();
  }

  @Test
  void templatesJoinAttributesAndSkipMissingOnes() {
    assertThat(value("name", "\"{givenName} {sn}\"", user("givenName", "Ada", "sn", "Lovelace"))).isEqualTo("Ada Lovelace");
    assertThat(value("name", "\"{givenName} {sn}\"", user("sn", "Lovelace"))).isEqualTo("Lovelace");
    assertThat(value("name", "\"{givenName} {sn}\"", user())).isNull();
    assertThat(value("name", "{from: uid, transforms: [{template: '{value}@corp.example'}]}", user("uid", "ada")))
        .isEqualTo("ada@corp.example");
  }

  @Test
  void defaultFillsOnlyAMissingValue() {
    assertThat(value("company", "{from: o, transforms: [{default: Corp}]}", user())).isEqualTo("Corp");
    assertThat(value("company", "{from: o, transforms: [{default: Corp}]}", user("o", "Other"))).isEqualTo("Other");
  }

  @Test
  void constantsAndExpressionsGiveValues() {
    assertThat(value("company", "{value: Corp}", user())).isEqualTo("Corp");
    assertThat(value("emailVerified", "true", user())).isEqualTo(true);
    assertThat(value("nickname", "{expression: \"uid + '-' + size(ou)\"}", user("uid", "x", "ou", "a", "ou", "b"))).isEqualTo("x-2");
  }

  @Test
  void lookupTablesMapValuesWithADefaultOrLeaveThemAlone() {
    String table = "{from: c, transforms: [{lookup: {table: {DE: Germany, CN: China}, default: Elsewhere}}]}";
    assertThat(value("country", table, user("c", "CN"))).isEqualTo("China");
    assertThat(value("country", table, user("c", "FR"))).isEqualTo("Elsewhere");
    assertThat(value("country", "{from: c, transforms: [{lookup: {table: {DE: Germany}}}]}", user("c", "FR"))).isEqualTo("FR");
    assertThat(value("country", "{from: c, transforms: [{lookup: {table: {de: Germany}, ignoreCase: true}}]}", user("c", "DE")))
        .isEqualTo("Germany");
  }

  @Test
  void phoneNumbersBecomeE164WithADefaultRegion() {
    assertThat(value("phone", "{from: m, transforms: [{phone: CN}]}", user("m", "+86 138 0013 8000"))).isEqualTo("+8613800138000");
    assertThat(value("phone", "{from: m, transforms: [{phone: CN}]}", user("m", "138-0013-8000"))).isEqualTo("+8613800138000");
    assertThat(value("phone", "{from: m, transforms: [{phone: {region: GB}}]}", user("m", "020 7946 0000"))).isEqualTo("+442079460000");
    assertThat(value("phone", "{from: m, transforms: [phone]}", user("m", "+44 20 7946 0000"))).isEqualTo("+442079460000");
  }

  @Test
  void aPhoneThatCannotBeParsedSkipsTheEntry() {
    SkippedEntry s = skip("phone", "{from: m, transforms: [{phone: US}]}", user("m", "call me"));
    assertThat(s.rule()).isEqualTo("users.phone");
    assertThat(s.reason()).startsWith("\"call me\" is not a phone number");
    assertThat(skip("phone", "{from: m, transforms: [phone]}", user("m", "138 0013 8000")).reason())
        .contains("\"138 0013 8000\" is not a phone number");
    assertThat(skip("phone", "{from: m, transforms: [{phone: US}]}", user("m", "12")).reason()).contains("\"12\"");
  }

  @Test
  void guidsComeFromBytesOrTextForms() {
    byte[] bytes = Base64.getDecoder().decode("4AQlP4lP0xGaDAMF6CwzAQ==");
    String guid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    assertThat(value("nickname", "{from: objectGUID, transforms: [guid]}", user(Map.of("objectguid", List.of(bytes))))).isEqualTo(guid);
    assertThat(value("nickname", "{from: g, transforms: [guid]}", user("g", "{3F2504E0-4F89-11D3-9A0C-0305E82C3301}"))).isEqualTo(guid);
    assertThat(value("nickname", "{from: g, transforms: [guid]}", user("g", "4AQlP4lP0xGaDAMF6CwzAQ=="))).isEqualTo(guid);
    assertThat(value("nickname", "{from: g, transforms: [guid]}", user("g", "e004253f894fd3119a0c0305e82c3301"))).isEqualTo(guid);
    assertThat(skip("nickname", "{from: objectGUID, transforms: [guid]}", user(Map.of("objectguid", List.of(new byte[3])))).reason())
        .isEqualTo("a GUID has 16 bytes, not 3");
    assertThat(skip("nickname", "{from: g, transforms: [guid]}", user("g", "not-a-guid!")).reason()).isEqualTo("\"not-a-guid!\" is not a GUID");
  }

  @Test
  void sidsComeFromBytesOrText() {
    byte[] bytes = Base64.getDecoder().decode("AQUAAAAAAAUVAAAA3PTcO4M9K0aCi6Yo6QMAAA==");
    assertThat(value("nickname", "{from: objectSid, transforms: [sid]}", user(Map.of("objectsid", List.of(bytes)))))
        .isEqualTo("S-1-5-21-1004336348-1177238915-682003330-1001");
    assertThat(value("nickname", "{from: s, transforms: [sid]}", user("s", "s-1-5-32-544"))).isEqualTo("S-1-5-32-544");
    assertThat(skip("nickname", "{from: objectSid, transforms: [sid]}", user(Map.of("objectsid", List.of(new byte[] {1, 5, 0})))).reason())
        .contains("malformed");
  }

  @Test
  void aBinaryValueWithoutAConversionIsReported() {
    assertThat(skip("nickname", "objectGUID", user(Map.of("objectguid", List.of(new byte[16])))).reason()).contains("binary");
    assertThat(value("nickname", "{from: objectGUID, transforms: [base64]}", user(Map.of("objectguid", List.of(new byte[] {1, 2})))))
        .isEqualTo("AQI=");
  }

  @Test
  void fileTimesBecomeIsoUtcAndNeverGivesNoValue() {
    assertThat(value("lastLogin", "{from: t, transforms: [filetime]}", user("t", "133486382450000000"))).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(value("lastLogin", "{from: t, transforms: [filetime]}", user("t", "0"))).isNull();
    assertThat(value("lastLogin", "{from: t, transforms: [filetime]}", user("t", "9223372036854775807"))).isNull();
    assertThat(skip("lastLogin", "{from: t, transforms: [filetime]}", user("t", "yesterday")).reason())
        .isEqualTo("\"yesterday\" is not a FILETIME (a whole number)");
  }

  @Test
  void generalizedTimesBecomeIsoUtc() {
    assertThat(value("lastLogin", "{from: t, transforms: [generalizedTime]}", user("t", "20240102030405Z"))).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(value("lastLogin", "{from: t, transforms: [generalizedTime]}", user("t", "20240102030405.0Z"))).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(value("lastLogin", "{from: t, transforms: [generalizedTime]}", user("t", "20240102110405+0800"))).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(value("lastLogin", "{from: t, transforms: [generalizedTime]}", user("t", "2024010203Z"))).isEqualTo("2024-01-02T03:00:00Z");
    assertThat(skip("lastLogin", "{from: t, transforms: [generalizedTime]}", user("t", "2024-01-02")).reason())
        .isEqualTo("\"2024-01-02\" is not a GeneralizedTime");
    assertThat(skip("lastLogin", "{from: t, transforms: [generalizedTime]}", user("t", "20241302030405Z")).reason())
        .startsWith("\"20241302030405Z\" is not a valid time");
  }

  @Test
  void aTimeFieldMustBeIso8601() {
    assertThat(skip("lastLogin", "t", user("t", "1602756997950")).reason())
        .isEqualTo("\"1602756997950\" is not an ISO-8601 time such as 2024-01-02T03:04:05Z");
  }

  @Test
  void flagsReadOneBitOfAWholeNumber() {
    assertThat(value("blocked", "{from: uac, transforms: [{flag: 2}]}", user("uac", "514"))).isEqualTo(true);
    assertThat(value("blocked", "{from: uac, transforms: [{flag: 0x2}]}", user("uac", "512"))).isEqualTo(false);
    assertThat(value("blocked", "{from: uac, transforms: [{flag: 2}]}", user())).isNull();
    assertThat(skip("blocked", "{from: uac, transforms: [{flag: 2}]}", user("uac", "x")).reason()).contains("\"x\" is not a whole number");
  }

  @Test
  void slugsAreAsciiAndStableAndHashNamesWithoutAnAsciiForm() {
    assertThat(Slugs.slugify("Sales/EMEA")).isEqualTo("sales-emea");
    assertThat(Slugs.slugify("  Zürich  Büro! ")).isEqualTo("zurich-buro");
    String rd = Slugs.slugify("研发中心/平台部");
    assertThat(rd).matches("[0-9a-f]{8}").isEqualTo(Slugs.slugify("研发中心/平台部"));
    assertThat(Slugs.slugify("研发中心/移动部")).isNotEqualTo(rd);
    assertThat(Slugs.slugify("R&D 研发")).matches("r-d-[0-9a-f]{8}");
    assertThat(Slugs.slugify("")).isEmpty();
    assertThat(value("nickname", "{from: a, transforms: [slugify]}", user("a", "---"))).isNull();
  }

  @Test
  void rdnTakesTheFirstValueOfADn() {
    assertThat(value("nickname", "{from: manager, transforms: [rdn]}", user("manager", "uid=ada\\,l,ou=People,dc=x"))).isEqualTo("ada,l");
    assertThat(skip("nickname", "{from: manager, transforms: [rdn]}", user("manager", "not a dn")).reason()).isEqualTo("\"not a dn\" is not a DN");
  }

  @Test
  void booleanAndNumberFieldsConvertText() {
    assertThat(value("emailVerified", "v", user("v", "TRUE"))).isEqualTo(true);
    assertThat(value("loginsCount", "n", user("n", "42"))).isEqualTo(42L);
    assertThat(skip("loginsCount", "n", user("n", "many")).reason()).isEqualTo("\"many\" is not a whole number");
    assertThat(skip("emailVerified", "v", user("v", "maybe")).reason()).isEqualTo("\"maybe\" is not true or false");
  }
}
