package io.dirsync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldNormalizerTest {

  @Test
  void emailsDifferingOnlyInCaseAndBlanksAreEqual() {
    assertThat(FieldNormalizer.equivalent("email", " Ann@Example.com", "ann@example.com")).isTrue();
    assertThat(FieldNormalizer.equivalent("email", "ann@example.com", "anne@example.com")).isFalse();
    assertThat(FieldNormalizer.equivalent("username", "Ann", "ann")).isFalse();
  }

  @Test
  void phoneNumbersInDifferentFormatsAreEqual() {
    assertThat(FieldNormalizer.equivalent("phone", "+86 138-0013-8000", "+8613800138000")).isTrue();
    assertThat(FieldNormalizer.equivalent("phone", "+8613800138000", "13800138000", "+86", "+86")).isTrue();
    assertThat(FieldNormalizer.equivalent("phone", "138 0013 8000", "13800138000")).isTrue();
    assertThat(FieldNormalizer.equivalent("phone", "+1 650 253 0000", "+86 650 253 0000")).isFalse();
    assertThat(FieldNormalizer.equivalent("phone", "13800138000", "13800138001", "+86", "+86")).isFalse();
  }

  @Test
  void emptyAndAbsentAreEqual() {
    assertThat(FieldNormalizer.equivalent("nickname", "", null)).isTrue();
    assertThat(FieldNormalizer.equivalent("nickname", "  ", null)).isTrue();
    assertThat(FieldNormalizer.equivalent("nickname", "x", null)).isFalse();
  }

  @Test
  void booleansAndNumbersEqualTheirStringForms() {
    assertThat(FieldNormalizer.equivalent("blocked", "TRUE", true)).isTrue();
    assertThat(FieldNormalizer.equivalent("loginsCount", 3L, "3")).isTrue();
    assertThat(FieldNormalizer.equivalent("level", 3.0, 3L)).isTrue();
    assertThat(FieldNormalizer.equivalent("loginsCount", 3L, "4")).isFalse();
  }

  @Test
  void dateTimesDenotingTheSameInstantAreEqual() {
    assertThat(FieldNormalizer.equivalent("lastLogin", "2021-03-11T20:52:50+08:00", "2021-03-11T12:52:50Z")).isTrue();
    assertThat(FieldNormalizer.equivalent("lastLogin", "2021-03-11T12:52:50.000+00:00", "2021-03-11T12:52:50Z")).isTrue();
    assertThat(FieldNormalizer.equivalent("lastLogin", "2021-03-11T20:52:50+08:00", "2021-03-11T20:52:50Z")).isFalse();
    assertThat(FieldNormalizer.equivalent("hiredAt", "2021-03-11T12:52:50Z", 1615467170000L)).isTrue();
    assertThat(FieldNormalizer.equivalent("hiredAt", "2021-03-11T12:52:51Z", 1615467170000L)).isFalse();
  }
}
