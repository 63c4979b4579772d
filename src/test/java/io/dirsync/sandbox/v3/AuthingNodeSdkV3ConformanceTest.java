package io.dirsync.sandbox.v3;

import static org.assertj.core.api.Assertions.assertThat;

import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import io.dirsync.testing.AuthingJsSdk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
            assertThat(output).contains("14 conformance steps passed");
            assertThat(server.stats().calls("POST /api/v3/create-users-batch")).isPositive();
            assertThat(server.stats().calls("GET /api/v3/get-user-batch")).isPositive();
        }
    }
}
