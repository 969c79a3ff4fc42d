package dev.rolloutkit.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.testing.Manifests;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML users apply: deterministic to the byte, complete, and laid out for kustomize. */
class StackOutputTest {

  @Test
  void should_render_the_same_bytes_twice() {
    assertThat(RenderForTest.inProcess()).isEqualTo(RenderForTest.inProcess());
  }

  @Test
  void should_render_the_same_bytes_under_another_locale_and_time_zone() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Duser.language=tr",
                "-Duser.country=TR",
                "-Duser.timezone=Pacific/Kiritimati",
                "-Dfile.encoding=ISO-8859-9",
                "-cp",
                System.getProperty("java.class.path"),
                RenderForTest.class.getName())
            .redirectErrorStream(false)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue())
        .as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
    assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(RenderForTest.inProcess());
  }

  @Test
  void should_read_back_every_document_typed_and_unchanged() {
    String yaml = CanaryStackTest.mcpWithNginx().toYaml();
    List<JsonNode> documents = Manifests.documents(yaml);
    assertThat(documents).hasSize(6);
    for (JsonNode document : documents) {
      Manifests.assertRoundTrip(document, document.path("kind").asText());
    }
  }

  @Test
  void should_write_one_file_per_resource_and_a_kustomization_in_apply_order(@TempDir Path dir)
      throws IOException {
    List<Path> files = CanaryStackTest.mcpWithNginx().writeTo(dir);
    assertThat(files)
        .extracting(f -> f.getFileName().toString())
        .containsExactly(
            "01-service-mcp-server-stable.yaml",
            "02-service-mcp-server-canary.yaml",
            "03-ingress-mcp-server.yaml",
            "04-analysistemplate-mcp-success-rate.yaml",
            "05-rollout-mcp-server.yaml",
            "06-scaledobject-mcp-server-scaler.yaml",
            "kustomization.yaml");
    assertThat(Files.readString(dir.resolve("kustomization.yaml")))
        .isEqualTo(
            """
            # Written by rolloutkit: it lists the files rolloutkit wrote to this folder, and removes those a later write no longer writes.
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            sortOptions:
              order: fifo
            resources:
            - 01-service-mcp-server-stable.yaml
            - 02-service-mcp-server-canary.yaml
            - 03-ingress-mcp-server.yaml
            - 04-analysistemplate-mcp-success-rate.yaml
            - 05-rollout-mcp-server.yaml
            - 06-scaledobject-mcp-server-scaler.yaml
            """);
    StringBuilder concatenated = new StringBuilder();
    for (Path f : files.subList(0, 6)) {
      concatenated.append(Files.readString(f));
    }
    assertThat(concatenated.toString()).isEqualTo(CanaryStackTest.mcpWithNginx().toYaml());
  }

  @Test
  void should_let_kubectl_kustomize_reproduce_the_same_objects(@TempDir Path dir) throws Exception {
    String kubectl = onPath("kubectl");
    assumeTrue(
        kubectl != null, "kubectl is not installed; this check needs its built-in kustomize");
    CanaryStack stack = CanaryStackTest.mcpWithNginx();
    stack.writeTo(dir);
    Process p = new ProcessBuilder(kubectl, "kustomize", dir.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue())
        .as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
    assertThat(Manifests.documents(out)).isEqualTo(Manifests.documents(stack.toYaml()));
  }

  private static String onPath(String command) {
    List<String> dirs =
        new ArrayList<>(
            List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    for (String d : dirs) {
      Path candidate = Paths.get(d, command);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
