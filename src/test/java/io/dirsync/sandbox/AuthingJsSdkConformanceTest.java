package io.dirsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

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
 * Runs the official Authing JS SDK (authing-js-sdk 4.23.55, src/test/js) against a sandbox on a
 * loopback port. The npm packages are installed once into target/js-conformance.
 */
class AuthingJsSdkConformanceTest {
    private static final Path SOURCE = Path.of("src", "test", "js");
    private static final Path WORK = Path.of("target", "js-conformance");

    @Test
    void theOfficialSdkWorksAgainstTheSandbox() throws Exception {
        Assumptions.assumeTrue(commandWorks("node", "--version"), "node is not installed");
        prepare();
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults())) {
            Path log = WORK.resolve("conformance.log");
            Process node = new ProcessBuilder("node", "conformance.js", server.baseUri().toString(),
                    server.options().userPoolId(), server.options().secret())
                    .directory(WORK.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = node.waitFor(120, TimeUnit.SECONDS);
            if (!finished) {
                node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(finished).as("conformance.js finished within 120 s; output:%n%s", output).isTrue();
            assertThat(node.exitValue()).as("exit code of conformance.js; output:%n%s", output).isZero();
            assertThat(output).contains("conformance steps passed");
            assertThat(server.stats().calls("createUser")).isPositive();
            assertThat(server.stats().calls("POST /api/v2/users/batch")).isPositive();
        }
    }

    private static void prepare() throws IOException, InterruptedException {
        io.dirsync.testing.AuthingJsSdk.install();
    }

    private static boolean commandWorks(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(new File(System.getProperty("java.io.tmpdir"), "node-version.txt")))
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
