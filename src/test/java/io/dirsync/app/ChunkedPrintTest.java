package io.dirsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.model.DesiredUser;
import io.dirsync.model.ExternalId;
import io.dirsync.model.Operation;
import io.dirsync.model.Plan;
import io.dirsync.model.UserLabel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ChunkedPrintTest {

  @Test
  void aPlanOfThousandsOfUsersIsPrintedExactlyAsItsTableInChunks() {
    Plan plan = bigPlan();
    App app = new App(Map.of(), Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    app.printPlanTable(plan, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed.length()).isGreaterThan(3 * 64 * 1024);
    assertThat(printed).isEqualTo(app.planTable(plan))
        .contains("  E02999  user2999 · uid=user2999,ou=Ünits  ", "name=\"Zoë 张😀2999\"", "ADD_TO_GROUP (1)");
  }

  private static Plan bigPlan() {
    List<Operation> ops = new ArrayList<>();
    List<ExternalId> members = new ArrayList<>();
    Map<ExternalId, UserLabel> labels = new TreeMap<>();
    for (int i = 0; i < 3000; i++) {
      ExternalId id = ExternalId.of(String.format("E%05d", i));
      ops.add(new Operation.CreateUser(DesiredUser.of(id, Map.of("username", "user" + i, "name", "Zoë 张😀" + i))));
      if (members.size() < 80) members.add(id);
      labels.put(id, new UserLabel("user" + i, null, "uid=user" + i + ",ou=Ünits"));
    }
    ops.add(new Operation.AddToGroup("staff", members));
    return new Plan("job", Instant.EPOCH, ops, 3000, 0, 0, List.of(), List.of(), labels);
  }

  @Test
  void aLargePlanIsPrintedExactlyAsItsJson() {
    Plan plan = bigPlan();
    App app = new App(Map.of(), Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    app.printPlanJson(plan, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(app.planJson(plan) + "\n").contains("张😀2999");
  }
}
