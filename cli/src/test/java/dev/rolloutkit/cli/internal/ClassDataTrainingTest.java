package dev.rolloutkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The launcher's class-data training run exercises render, lint, fmt and rules, and each succeeds on what it renders. */
class ClassDataTrainingTest {

  @Test
  void should_render_lint_and_format_every_preset_cleanly() throws Exception {
    assertThat(ClassDataTraining.train()).containsExactly(
        "render mcp: 0", "lint: 0", "fmt: 0",
        "render ml: 0", "lint: 0", "fmt: 0",
        "render nlp: 0", "lint: 0", "fmt: 0",
        "rules: 0");
  }
}
