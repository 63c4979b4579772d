package io.dirsync.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The official Authing JS SDK (authing-js-sdk 4.23.55, as pinned in src/test/js/package.json),
 * npm-installed once into target/js-conformance for the tests that run or read it.
 */
public final class AuthingJsSdk {
  private static final Path SOURCE = Path.of("src", "test", "js");
  public static final Path WORK = Path.of("target", "js-conformance");

  private AuthingJsSdk() {}

  /** Whether node and npm can be run here. */
  public static boolean available() {
    return works("node", "--version") && works("npm", "--version");
  }

  /** Installs the SDK if needed; returns its package directory. */
  public static synchronized Path install() throws IOException, InterruptedException {
    return installPackage(SOURCE, WORK, "authing-js-sdk");
  }

  /**
   * Copies {@code package.json} and {@code conformance.js} from {@code source} into {@code work} and
   * npm-installs there unless {@code packageName} is already installed; returns its package directory.
   */
  public static synchronized Path installPackage(Path source, Path work, String packageName) throws IOException, InterruptedException {
    Files.createDirectories(work);
    for (String file : List.of("package.json", "conformance.js")) {
      Files.copy(source.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    Path sdk = work.resolve("node_modules").resolve(packageName);
    if (Files.isDirectory(sdk)) return sdk;
    Path log = work.resolve("npm-install.log");
    Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund")
        .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!npm.waitFor(300, TimeUnit.SECONDS)) {
      npm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new IllegalStateException("npm install did not finish within 300 s:\n" + Files.readString(log));
    }
    if (npm.exitValue() != 0) {
      throw new IllegalStateException("npm install failed with exit code " + npm.exitValue() + ":\n" + Files.readString(log));
    }
    return sdk;
  }

  private static boolean works(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(new File(System.getProperty("java.io.tmpdir"), "node-version.txt"))).start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
