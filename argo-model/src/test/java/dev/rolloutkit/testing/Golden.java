package dev.rolloutkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Golden files for what users see. {@code -Drolloutkit.golden.update=true} rewrites them from the
 * current output (then review the diff); otherwise the output must match byte for byte.
 */
public final class Golden {

  private Golden() {}

  public static void assertMatches(String actual, String name) throws IOException {
    Path file = Paths.get("src/test/resources/golden", name);
    if (Boolean.getBoolean("rolloutkit.golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file)
        .as("golden file %s (create it with -Drolloutkit.golden.update=true)", file)
        .exists();
    assertThat(actual)
        .as(
            "output differs from %s (rewrite with -Drolloutkit.golden.update=true and review the"
                + " diff)",
            file)
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
