package io.dirsync.directory.authing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomDataTest {

  @Test
  void valuesAreWrittenAsJsonText() {
    assertThat(CustomData.encode("x")).isEqualTo("\"x\"");
    assertThat(CustomData.encode(42L)).isEqualTo("42");
    assertThat(CustomData.encode(true)).isEqualTo("true");
    assertThat(CustomData.encode(Map.of("a", 1))).isEqualTo("{\"a\":1}");
    assertThat(CustomData.encode(Instant.ofEpochMilli(1700000000000L))).isEqualTo("1700000000000");
  }

  @Test
  void valuesAreReadPerDataType() {
    assertThat(CustomData.decode("STRING", "MIT")).isEqualTo("MIT");
    assertThat(CustomData.decode("SELECT", "a")).isEqualTo("a");
    assertThat(CustomData.decode("NUMBER", "42")).isEqualTo(42L);
    assertThat(CustomData.decode("NUMBER", "42.0")).isEqualTo(42L);
    assertThat(CustomData.decode("NUMBER", "7.5")).isEqualTo(7.5);
    assertThat(CustomData.decode("BOOLEAN", "false")).isEqualTo(false);
    assertThat(CustomData.decode("OBJECT", "{\"a\":[1]}")).isEqualTo(Map.of("a", List.of(1)));
    assertThat(CustomData.decode("DATETIME", "1700000000000")).isEqualTo(Instant.ofEpochMilli(1700000000000L));
    assertThat(CustomData.decode("DATETIME", "2021-03-11T20:52:50+08:00")).isEqualTo(Instant.parse("2021-03-11T12:52:50Z"));
    assertThat(CustomData.decode("NUMBER", "not a number")).isEqualTo("not a number");
    assertThat(CustomData.decode("NUMBER", null)).isNull();
  }
}
