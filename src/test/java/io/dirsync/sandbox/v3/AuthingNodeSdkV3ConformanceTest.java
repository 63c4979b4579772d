package io.dirsync.sandbox.v3;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import io.dirsync.testing.AuthingJsSdk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the official Authing v3 Node SDK (authing-node-sdk 4.0.1 from npm, unchanged; src/test/js-v3)
 * against a sandbox on a loopback port: every request is signed by the SDK and checked by the sandbox.
 * The npm package is installed once into target/js-v3-conformance.
 */
class AuthingNodeSdkV3ConformanceTest {
    private static final Path SOURCE = Path.of("src", "test", "js-v3");
    private static final Path WORK = Path.of("target", "js-v3-conformance");

    @Test
    void theOfficialV3SdkWorksAgainstTheSandbox() throws Exception {
        Assumptions.assumeTrue(AuthingJsSdk.available(), "node and npm are not installed");
        AuthingJsSdk.installPackage(SOURCE, WORK, "authing-node-sdk");
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults())) {
            Path log = WORK.resolve("conformance.log");
            Process node = new ProcessBuilder("node", "conformance.js", server.baseUri().toString(),
                    server.options().userPoolId(), server.options().secret())
                    .directory(WORK.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = node.waitFor(180, TimeUnit.SECONDS);
            if (!finished) {
                node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(finished).as("conformance.js finished within 180 s; output:%n%s", output).isTrue();
            assertThat(node.exitValue()).as("exit code of conformance.js; output:%n%s", output).isZero();
            assertThat(output).contains("18 conformance steps passed");
            for (String route : List.of("POST /api/v3/create-users-batch", "GET /api/v3/get-user-batch", "POST /api/v3/update-user-batch",
                    "POST /api/v3/delete-users-batch", "POST /api/v3/create-roles-batch", "GET /api/v3/get-namespace",
                    "POST /api/v3/create-namespace", "POST /api/v3/revoke-role", "POST /api/v3/update-department",
                    "POST /api/v3/delete-department", "POST /api/v3/remove-department-members", "POST /api/v3/delete-groups-batch",
                    "POST /api/v3/set-user-departments")) {
                assertThat(server.stats().calls(route)).as(route).isPositive();
            }
        }
    }
}
