package dev.rolloutkit.keda.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRD's field descriptions reach the IDE: each described field's getter carries the description
 * as javadoc (the generator writes it on the private field only; the build copies it).
 */
class DescriptionsInJavadocTest {

  private static final Pattern FIELD =
      Pattern.compile(
          "@com\\.fasterxml\\.jackson\\.annotation\\.JsonPropertyDescription\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)(?:\\n"
              + "    @[^\\n"
              + "]*)*\\n"
              + "    private [^\\n"
              + "]+ (\\w+);\\n"
              + "\\n"
              + "(    /\\*\\*\\n"
              + "(?:     \\*[^\\n"
              + "]*\\n"
              + ")+?     \\*/\\n"
              + ")?    public [^\\n"
              + "]+ (?:get|is)(\\w+)\\(\\)");

  @Test
  void should_document_every_described_field_on_its_getter() throws Exception {
    List<String> missing = new ArrayList<>();
    int described = 0;
    try (Stream<Path> files = Files.walk(Path.of("target", "generated-sources", "java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = FIELD.matcher(Files.readString(file));
        while (m.find()) {
          described++;
          String firstLine = m.group(1).split("\\\\n")[0].replace("\\\"", "\"").strip();
          if (m.group(3) == null || !m.group(3).contains(firstLine)) {
            missing.add(file.getFileName() + " get" + m.group(4));
          }
        }
      }
    }
    assertThat(described).as("described fields in the generated KEDA model").isGreaterThan(100);
    assertThat(missing).as("getters without their field's description").isEmpty();
  }
}
