package dev.rolloutkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {

  @Test
  void should_list_the_catalogue_in_text_markdown_and_json() throws Exception {
    RenderCommandTest.Result text = RenderCommandTest.run("rules");
    assertThat(text.code()).isZero();
    assertThat(text.out())
        .contains("ARGO-STEP-ANALYSIS-COUNT")
        .contains("ISTIO-SUBSET-NOT-FOUND")
        .contains("KEDA-REPLICA-BOUNDS");
    assertThat(RenderCommandTest.run("rules", "--format", "markdown").out())
        .startsWith("| id | severity | checks |\n|---|---|---|\n");
    JsonNode json =
        new ObjectMapper().readTree(RenderCommandTest.run("rules", "--format", "json").out());
    assertThat(json.isArray()).isTrue();
    assertThat(json.get(0).fieldNames())
        .toIterable()
        .containsExactly("id", "severity", "title", "rationale");
    assertThat(json.size()).isGreaterThan(50);
  }

  @Test
  void should_explain_one_rule_and_exit_2_for_an_unknown_id() {
    RenderCommandTest.Result r = RenderCommandTest.run("explain", "argo-step-analysis-count");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith(
            "ARGO-STEP-ANALYSIS-COUNT (error)\n"
                + "Metrics of step and blue-green promotion analysis templates have a finite"
                + " count\n\n")
        .contains("it would run indefinitely");
    RenderCommandTest.Result unknown = RenderCommandTest.run("explain", "NOPE");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("no rule with id 'NOPE' (list them with: rolloutkit rules)");
  }

  @Test
  void should_write_sarif_2_1_0_for_code_scanning(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("vs.yaml");
    Files.writeString(file, LintCommandTest.BROKEN_VS);
    RenderCommandTest.Result r =
        RenderCommandTest.run("lint", "--format", "sarif", file.toString());
    assertThat(r.code()).isEqualTo(1);
    JsonNode sarif = new ObjectMapper().readTree(r.out());
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    JsonNode run = sarif.path("runs").get(0);
    assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("rolloutkit");
    assertThat(run.path("tool").path("driver").path("rules").size()).isGreaterThan(50);
    JsonNode result = run.path("results").get(0);
    assertThat(result.path("ruleId").asText()).isEqualTo("ISTIO-HOST-NOT-FOUND");
    assertThat(result.path("level").asText()).isEqualTo("error");
    JsonNode location = result.path("locations").get(0).path("physicalLocation");
    assertThat(location.path("artifactLocation").path("uri").asText()).isEqualTo(file.toString());
    assertThat(location.path("region").path("startLine").asInt()).isEqualTo(9);
  }
}
