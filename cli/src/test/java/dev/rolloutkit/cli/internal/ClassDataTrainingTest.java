package dev.rolloutkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The launcher's class-data training runs exercise render (and lint, fmt and rules), and each
 * succeeds on what it renders.
 */
class ClassDataTrainingTest {

  @Test
  void should_render_lint_and_format_every_preset_cleanly() throws Exception {
    assertThat(ClassDataTraining.train())
        .containsExactly(
            "render mcp: 0",
            "lint: 0",
            "fmt: 0",
            "render ml: 0",
            "lint: 0",
            "fmt: 0",
            "render nlp: 0",
            "lint: 0",
            "fmt: 0",
            "rules: 0");
  }

  @Test
  void should_render_every_preset_printed_and_to_a_folder_for_the_render_archive()
      throws Exception {
    assertThat(ClassDataTraining.trainRender())
        .containsExactly(
            "render mcp: 0",
            "render mcp -o: 0",
            "render ml: 0",
            "render ml -o: 0",
            "render nlp: 0",
            "render nlp -o: 0");
  }
}
