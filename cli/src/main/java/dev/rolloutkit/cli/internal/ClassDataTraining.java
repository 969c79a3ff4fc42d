package dev.rolloutkit.cli.internal;

import dev.rolloutkit.cli.Rolloutkit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training runs for the launcher's class-data archives ({@code ./rolloutkit} runs one once per
 * build and JDK with {@code -XX:DumpLoadedClassList}, then dumps that list with {@code
 * -Xshare:dump}): {@code render} renders each preset stack (for the archive {@code ./rolloutkit
 * render} starts with); with no argument it also lints, formats and lists rules (for every other
 * command), so the classes a command loads are in its archive and later starts map them instead of
 * loading them. Two archives because a smaller one starts faster: a render started with the archive
 * of everything took about 30 ms longer than with one of the classes a render loads. Not for users.
 */
public final class ClassDataTraining {

  private ClassDataTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("render")) {
      trainRender();
    } else {
      train();
    }
  }

  /**
   * Renders each preset, printed and written to a folder; returns each command's label with its
   * exit code.
   */
  public static java.util.List<String> trainRender() throws IOException {
    java.util.List<String> ran = new java.util.ArrayList<>();
    Path dir = Files.createTempDirectory("rolloutkit-training");
    try {
      for (String profile : dev.rolloutkit.stack.Preset.ids()) {
        render(ran, profile);
        run(
            ran,
            "render " + profile + " -o",
            "render",
            profile,
            "--name",
            "training",
            "--namespace",
            "training",
            "--image",
            "example.dev/training:1.0.0",
            "-o",
            dir.resolve(profile).toString());
      }
      return ran;
    } finally {
      delete(dir);
    }
  }

  private static String render(java.util.List<String> ran, String profile) {
    return run(
        ran,
        "render " + profile,
        "render",
        profile,
        "--name",
        "training",
        "--namespace",
        "training",
        "--image",
        "example.dev/training:1.0.0");
  }

  /**
   * Runs the training commands of every command; returns each command's label with its exit code
   * ({@code "render mcp: 0"}).
   */
  public static java.util.List<String> train() throws IOException {
    java.util.List<String> ran = new java.util.ArrayList<>();
    Path dir = Files.createTempDirectory("rolloutkit-training");
    try {
      for (String profile : dev.rolloutkit.stack.Preset.ids()) {
        String yaml = render(ran, profile);
        Path file = dir.resolve(profile + ".yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        run(ran, "lint", "lint", file.toString());
        run(ran, "fmt", "fmt", "--check", file.toString());
      }
      run(ran, "rules", "rules");
      return ran;
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }

  private static String run(java.util.List<String> ran, String label, String... args) {
    // Through an encoder, as Rolloutkit.main writes, so the classes that writing loads are in the
    // archive too.
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int code =
        Rolloutkit.run(
            new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)),
            new PrintWriter(new StringWriter()),
            args);
    ran.add(label + ": " + code);
    if (code != 0
        && !"lint".equals(args[0])
        && !"fmt".equals(args[0])) { // findings are not failures here
      throw new UncheckedIOException(
          new IOException("training run failed: rolloutkit " + String.join(" ", args)));
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
