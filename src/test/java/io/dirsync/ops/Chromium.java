package io.dirsync.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium (installed by .ci/run) rendering a page as a person's browser would:
 * {@link #dumpDom} gives the DOM after rendering, {@link #text} the text it shows.
 */
public final class Chromium {
  private Chromium() {}

  public static String dumpDom(String url) throws IOException, InterruptedException {
    return run(url, "--dump-dom");
  }

  /** Takes a screenshot (for the README's pictures). */
  public static void screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
    run(url, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars");
  }

  /** The visible text of a dumped DOM: tags dropped, entities decoded, whitespace collapsed. */
  public static String text(String dom) {
    String body = dom.replaceAll("(?s)<style.*?</style>", " ").replaceAll("(?s)<head.*?</head>", " ");
    return body.replaceAll("<[^>]+>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
  }

  private static String run(String url, String... options) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium-profile");
    List<String> command = new ArrayList<>(List.of(executable(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile));
    command.addAll(List.of(options));
    command.add(url);
    Path out = Files.createTempFile("chromium", ".out");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("chromium did not finish rendering " + url + " within 120 s");
      }
      if (p.exitValue() != 0) throw new IllegalStateException("chromium exited " + p.exitValue() + " rendering " + url);
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
      deleteTree(profile);
    }
  }

  private static String executable() {
    for (String candidate : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
      if (Files.isExecutable(Path.of(candidate))) return candidate;
    }
    throw new IllegalStateException("chromium is not installed (apt-get install chromium; .ci/run does it)");
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
