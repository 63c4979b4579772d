package io.dirsync.directory.scim;

import io.dirsync.directory.Directory;
import io.dirsync.directory.DirectoryContract;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The contract suite against the SCIM adapter over HTTP to a fresh SCIM test server per test. */
abstract class ScimContractBase extends DirectoryContract {
  private final List<AutoCloseable> opened = new ArrayList<>();

  abstract ScimServerOptions options();

  @Override
  protected Directory directory() {
    ScimTestServer server = ScimTestServer.start(options());
    opened.add(server);
    ScimDirectory directory = new ScimDirectory(ScimSettings.of(server.baseUri(), new ScimAuth.Bearer("test-token"))
        .withCustomSchema(ScimServerOptions.CUSTOM_SCHEMA), Clock.systemUTC());
    opened.add(directory);
    return directory;
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) opened.get(i).close();
    opened.clear();
  }
}
