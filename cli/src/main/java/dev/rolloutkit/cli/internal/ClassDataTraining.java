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
 * The training run for the launcher's class-data archive ({@code ./rolloutkit} runs it once per build and JDK with
 * {@code -XX:DumpLoadedClassList}, then dumps that list with {@code -Xshare:dump}): renders each preset stack and lints
 * what it rendered, so the classes a render and a lint load are in the archive and later starts map them instead of
 * loading them. Not for users.
 */
public final class ClassDataTraining {

  private ClassDataTraining() {}

  public static void main(String[] args) throws IOException {
    train();
  }

  /** Runs the training commands; returns each command's label with its exit code ({@code "render mcp: 0"}). */
  public static java.util.List<String> train() throws IOException {
    java.util.List<String> ran = new java.util.ArrayList<>();
    Path dir = Files.createTempDirectory("rolloutkit-training");
    try {
      for (String profile : new String[] {"mcp", "ml", "nlp"}) {
        String yaml = run(ran, "render " + profile, "render", profile, "--name", "training", "--namespace", "training", "--image", "example.dev/training:1.0.0");
        Path file = dir.resolve(profile + ".yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        run(ran, "lint", "lint", file.toString());
        run(ran, "fmt", "fmt", "--check", file.toString());
      }
      run(ran, "rules", "rules");
      return ran;
    } finally {
      try (var files = Files.list(dir)) {
        files.forEach(f -> f.toFile().delete());
      }
      Files.deleteIfExists(dir);
    }
  }

  private static String run(java.util.List<String> ran, String label, String... args) {
    StringWriter out = new StringWriter();
    int code = Rolloutkit.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
    ran.add(label + ": " + code);
    if (code != 0 && !"lint".equals(args[0]) && !"fmt".equals(args[0])) { // findings are not failures here
      throw new UncheckedIOException(new IOException("training run failed: rolloutkit " + String.join(" ", args)));
    }
    return out.toString();
  }
}
