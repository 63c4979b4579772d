package io.dirsync.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dirsync.model.ExternalId;
import io.dirsync.model.Operation;
import io.dirsync.model.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardsTest {

  private static final GuardPolicy POLICY = new GuardPolicy(10, 20.0, false);

  @Test
  void removalsAreRefusedWhenTheSourceReturnsNoUsers() {
    Plan plan = plan(0, 1);

    assertThat(Guards.check(plan, POLICY, 5)).hasValueSatisfying(v -> assertThat(v.reason()).contains("no users"));
  }

  @Test
  void anEmptySourceIsFineWhenNothingIsManagedYet() {
    assertThat(Guards.check(plan(0, 0), POLICY, 0)).isEmpty();
  }

  @Test
  void removalsOverTheCountAreRefused() {
    assertThat(Guards.check(plan(1000, 11), POLICY, 1000)).hasValueSatisfying(v -> assertThat(v.reason()).contains("maxDeletes 10"));
    assertThat(Guards.check(plan(1000, 10), POLICY, 1000)).isEmpty();
  }

  @Test
  void removalsOverThePercentageAreRefused() {
    assertThat(Guards.check(plan(20, 5), POLICY, 20)).hasValueSatisfying(v -> assertThat(v.reason()).contains("maxDeletePercent 20%"));
    assertThat(Guards.check(plan(20, 4), POLICY, 20)).isEmpty();
  }

  @Test
  void allowMassDeleteLiftsEveryGuard() {
    GuardPolicy allow = POLICY.withAllowMassDelete(true);

    assertThat(Guards.check(plan(0, 50), allow, 50)).isEmpty();
    assertThat(Guards.check(plan(100, 50), allow, 100)).isEmpty();
  }

  @Test
  void aNegativeLimitIsRejectedNamingTheField() {
    assertThatThrownBy(() -> new GuardPolicy(-1, 5, false)).hasMessageContaining("maxDeletes");
    assertThatThrownBy(() -> new GuardPolicy(1, 101, false)).hasMessageContaining("maxDeletePercent");
  }

  private static Plan plan(int sourceUsers, int blocks) {
    List<Operation> ops = new ArrayList<>();
    for (int i = 0; i < blocks; i++) ops.add(new Operation.BlockUser(ExternalId.of("e" + i), "u" + i));
    return new Plan("job", Instant.EPOCH, ops, sourceUsers, 0, 0, List.of());
  }
}
