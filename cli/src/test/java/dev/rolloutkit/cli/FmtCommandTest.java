package dev.rolloutkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.testing.Manifests;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmtCommandTest {

  static final String MESSY = """
      kind: Rollout
      apiVersion: "argoproj.io/v1alpha1"
      spec:
        strategy:
          canary:
            steps:
            - {setWeight: 20}
            - pause: {duration: "1m"}
            stepz: [kept]
        replicas: 2
      metadata: {namespace: shop, name: app}
      ---
      kind: Widget
      apiVersion: example.com/v1
      metadata: {name: w}
      spec: {size: 3}
      """;

  @Test
  void should_rewrite_in_canonical_form_and_lose_no_field(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("app.yaml"), MESSY);
    RenderCommandTest.Result r = RenderCommandTest.run("fmt", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(file + "\n");
    String canonical = Files.readString(file);
    assertThat(canonical).startsWith("---\napiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: app\n  namespace: shop\n");
    assertThat(Manifests.documents(canonical)).isEqualTo(Manifests.documents(MESSY));
    assertThat(RenderCommandTest.run("fmt", "--check", file.toString()).code()).as("canonical now").isZero();
  }

  @Test
  void should_report_files_that_would_change_with_check_and_write_nothing(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("app.yaml"), MESSY);
    RenderCommandTest.Result r = RenderCommandTest.run("fmt", "--check", file.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(file + "\n");
    assertThat(Files.readString(file)).isEqualTo(MESSY);
  }

  @Test
  void should_exit_2_on_unreadable_input(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "kind: [\n");
    RenderCommandTest.Result r = RenderCommandTest.run("fmt", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("rolloutkit: " + file + ":");
  }
}
