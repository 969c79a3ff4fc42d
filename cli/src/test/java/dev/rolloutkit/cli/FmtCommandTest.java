package dev.rolloutkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rolloutkit fmt}: the command's contract (what {@code YamlFormat} does is specified in
 * core's YamlFormatTest).
 */
class FmtCommandTest {

  static final String MESSY =
      """
      kind: Rollout   # kept
      apiVersion: "argoproj.io/v1alpha1"
      spec:
          strategy:
              canary:
                  steps:
                      - {setWeight: 20}
                      - pause: {duration: "1m"}
          replicas: 2
      metadata: {namespace: shop, name: app}
      """;

  static final String LAID_OUT =
      """
      kind: Rollout # kept
      apiVersion: "argoproj.io/v1alpha1"
      spec:
        strategy:
          canary:
            steps:
            - {setWeight: 20}
            - pause: {duration: "1m"}
        replicas: 2
      metadata: {namespace: shop, name: app}
      """;

  @Test
  void should_lay_out_the_files_and_name_those_it_changed(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("app.yaml"), MESSY);
    RenderCommandTest.Result r = RenderCommandTest.run("fmt", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(file + "\n");
    assertThat(Files.readString(file)).isEqualTo(LAID_OUT);
    assertThat(RenderCommandTest.run("fmt", "--check", file.toString()).code())
        .as("laid out now")
        .isZero();
  }

  @Test
  void should_report_files_that_would_change_with_check_and_write_nothing(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("app.yaml"), MESSY);
    RenderCommandTest.Result r = RenderCommandTest.run("fmt", "--check", file.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(file + "\n");
    assertThat(Files.readString(file)).isEqualTo(MESSY);
  }

  @Test
  void should_format_the_readable_files_and_name_the_unreadable_one_with_exit_2(@TempDir Path dir)
      throws Exception {
    Path bad = Files.writeString(dir.resolve("a-bad.yaml"), "kind: [\n");
    Path good = Files.writeString(dir.resolve("b-good.yaml"), MESSY);
    RenderCommandTest.Result r = RenderCommandTest.run("fmt", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("rolloutkit: " + bad + ":2:1: not valid YAML")
        .doesNotContain("\tat ");
    assertThat(Files.readString(bad)).isEqualTo("kind: [\n");
    assertThat(Files.readString(good)).isEqualTo(LAID_OUT);
  }
}
