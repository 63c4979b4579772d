package io.dirsync.sandbox.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.dirsync.sandbox.SandboxOptions;
import io.dirsync.sandbox.SandboxServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        Assumptions.assumeTrue(commandWorks("node", "--version"), "node is not installed");
        prepare();
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

    private static void prepare() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "conformance.js")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(WORK.resolve("node_modules").resolve("authing-node-sdk"))) {
            return;
        }
        Path log = WORK.resolve("npm-install.log");
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund")
                .directory(WORK.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(300, TimeUnit.SECONDS)) {
            npm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("npm install did not finish within 300 s:%n%s", Files.readString(log));
        }
        if (npm.exitValue() != 0) {
            fail("npm install failed with exit code %d:%n%s", npm.exitValue(), Files.readString(log));
        }
    }

    private static boolean commandWorks(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(new File(System.getProperty("java.io.tmpdir"), "node-version-v3.txt")))
                    .start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
