package dev.rolloutkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateQualityCommandTest {

  static final String TEMPLATE =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: AnalysisTemplate
      metadata: {name: health}
      spec:
        metrics:
        - name: error-rate
          interval: 1m
          count: 5
          successCondition: len(result) > 0 && result[0] < 0.05
          provider:
            prometheus: {address: "http://prometheus:9090", query: "sum(x)"}
        - name: latency
          interval: 1m
          count: 5
          failureLimit: 2
          successCondition: len(result) > 0 && result[0] < 0.5
          provider:
            prometheus: {address: "http://prometheus:9090", query: "sum(y)"}
      """;

  @Test
  void should_print_the_rollback_probability_of_the_default_gate_as_json(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("t.yaml"), TEMPLATE);
    RenderCommandTest.Result r =
        RenderCommandTest.run(
            "gate-quality",
            file.toString(),
            "--metric",
            "error-rate",
            "--measurement-failure-probability",
            "0.05",
            "--trials",
            "100000",
            "--seed",
            "42",
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    // simulation.md §6: count 5, failureLimit 0, f = 0.05 → 0.226219
    assertThat(json.path("exact").path("rollbackProbability").asDouble())
        .isCloseTo(0.226219, within(5e-7));
    assertThat(json.path("rollbackProbability").asDouble()).isCloseTo(0.226219, within(0.006));
    assertThat(json.path("meanMeasurementsToRollback").asDouble()).isCloseTo(2.90, within(0.05));
    assertThat(json.path("tolerances").get(2).path("rollbackProbability").asDouble())
        .isCloseTo(0.001158, within(5e-7));
    RenderCommandTest.Result again =
        RenderCommandTest.run(
            "gate-quality",
            file.toString(),
            "--metric",
            "error-rate",
            "--measurement-failure-probability",
            "0.05",
            "--trials",
            "100000",
            "--seed",
            "42",
            "--format",
            "json");
    assertThat(again.out()).isEqualTo(r.out());
  }

  @Test
  void should_print_a_table_across_failure_tolerances(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("t.yaml"), TEMPLATE);
    RenderCommandTest.Result r =
        RenderCommandTest.run(
            "gate-quality",
            file.toString(),
            "--metric",
            "latency",
            "--measurement-failure-probability",
            "0.5",
            "--trials",
            "1000",
            "--seed",
            "1");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("latency (health): count 5, failureLimit 2")
        .contains("rollback 0.500000, pause 0.000000, promote 0.500000 (exact)")
        .contains("  failureLimit 0 (1st failure): 0.968750");
  }

  @Test
  void should_judge_sampled_success_ratios_with_the_metrics_condition(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("t.yaml"), TEMPLATE);
    RenderCommandTest.Result r =
        RenderCommandTest.run(
            "gate-quality",
            file.toString(),
            "--metric",
            "error-rate",
            "--true-success-rate",
            "0.97",
            "--requests-per-measurement",
            "100",
            "--trials",
            "20000",
            "--seed",
            "3",
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    // the error-rate condition is result[0] < 0.05 on the success ratio's place: it reads the
    // ratio as given, so 97 % successes is a ratio of 0.97, never below 0.05: every measurement
    // fails
    assertThat(json.path("measurementFailureProbability").asDouble()).isEqualTo(1.0);
    assertThat(json.path("rollbackProbability").asDouble()).isEqualTo(1.0);
    assertThat(json.path("requestsPerMeasurement").asInt()).isEqualTo(100);
    RenderCommandTest.Result neither =
        RenderCommandTest.run("gate-quality", file.toString(), "--metric", "error-rate");
    assertThat(neither.code()).isEqualTo(2);
    assertThat(neither.err())
        .isEqualTo(
            "rolloutkit: give either --measurement-failure-probability F, or --true-success-rate S"
                + " with --requests-per-measurement N\n");
  }

  @Test
  void should_refuse_bad_input_with_file_line_and_field(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("t.yaml"), TEMPLATE);
    RenderCommandTest.Result several =
        RenderCommandTest.run(
            "gate-quality", file.toString(), "--measurement-failure-probability", "0.1");
    assertThat(several.code()).isEqualTo(2);
    assertThat(several.err())
        .isEqualTo(
            "rolloutkit: several metrics (error-rate, latency): choose one with --metric NAME\n");
    Path argument =
        Files.writeString(
            dir.resolve("a.yaml"),
            TEMPLATE.replace(
                "count: 5\n    failureLimit", "count: \"{{args.n}}\"\n    failureLimit"));
    RenderCommandTest.Result arg =
        RenderCommandTest.run(
            "gate-quality",
            argument.toString(),
            "--metric",
            "latency",
            "--measurement-failure-probability",
            "0.1");
    assertThat(arg.code()).isEqualTo(2);
    assertThat(arg.err())
        .isEqualTo(
            "rolloutkit: "
                + argument
                + ":14:12: spec.metrics[1].count: expected a whole number to simulate, got"
                + " \"{{args.n}}\" (an argument: give the number it resolves to)\n");
    RenderCommandTest.Result probability =
        RenderCommandTest.run(
            "gate-quality",
            file.toString(),
            "--metric",
            "latency",
            "--measurement-failure-probability",
            "1.5");
    assertThat(probability.code()).isEqualTo(2);
    assertThat(probability.err()).contains("between 0 and 1, got 1.5");
  }
}
