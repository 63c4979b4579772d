package io.dirsync.source.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdValuesTest {

  @Test
  void guidBytesAreReadInAdByteOrder() {
    byte[] bytes = new byte[16];
    for (int i = 0; i < 16; i++) bytes[i] = (byte) i;

    assertThat(AdValues.guidToString(bytes)).isEqualTo("03020100-0504-0706-0809-0a0b0c0d0e0f");
    assertThat(AdValues.guidToBytes("{03020100-0504-0706-0809-0A0B0C0D0E0F}")).isEqualTo(bytes);
  }

  @Test
  void sidBytesBecomeTheSddlString() {
    byte[] administrators = {1, 2, 0, 0, 0, 0, 0, 5, 0x20, 0, 0, 0, 0x20, 0x02, 0, 0};

    assertThat(AdValues.sidToString(administrators)).isEqualTo("S-1-5-32-544");
    String domainUser = "S-1-5-21-3623811015-3361044348-30300820-1013";
    assertThat(AdValues.sidToString(AdValues.sidToBytes(domainUser))).isEqualTo(domainUser);
  }

  @Test
  void malformedBinaryValuesAreRejected() {
    assertThatThrownBy(() -> AdValues.guidToString(new byte[3])).hasMessageContaining("16 bytes");
    assertThatThrownBy(() -> AdValues.sidToString(new byte[] {1, 5, 0, 0, 0, 0, 0, 5})).hasMessageContaining("sub-authorities");
  }

  @Test
  void fileTimesAreInstantsAndNeverIsNull() {
    assertThat(AdValues.fileTimeToInstant("116444736000000000")).isEqualTo(Instant.EPOCH);
    assertThat(AdValues.fileTimeToInstant("133485408000000001")).isEqualTo(Instant.parse("2024-01-01T00:00:00.0000001Z"));
    assertThat(AdValues.fileTimeToInstant("0")).isNull();
    assertThat(AdValues.fileTimeToInstant("9223372036854775807")).isNull();
  }

  @Test
  void generalizedTimesAreInstants() {
    assertThat(AdValues.generalizedTimeToInstant("20240131235959.0Z")).isEqualTo(Instant.parse("2024-01-31T23:59:59Z"));
    assertThat(AdValues.generalizedTimeToInstant("20240131235959Z")).isEqualTo(Instant.parse("2024-01-31T23:59:59Z"));
    assertThat(AdValues.generalizedTimeToInstant("20240131235959.25Z")).isEqualTo(Instant.parse("2024-01-31T23:59:59.25Z"));
    assertThat(AdValues.generalizedTimeToInstant("202401312359+0100")).isEqualTo(Instant.parse("2024-01-31T22:59:00Z"));
    assertThatThrownBy(() -> AdValues.generalizedTimeToInstant("yesterday")).hasMessageContaining("GeneralizedTime");
  }
}
