package dev.rolloutkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rolloutkit.simulation.RolloutSimulation;
import dev.rolloutkit.simulation.RolloutSimulation.Outcome;
import dev.rolloutkit.simulation.Scenario;
import dev.rolloutkit.stack.CanaryStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The MCP and ML presets in the scenarios of examples/scenarios, simulated: what each canary does
 * today. A healthy release is promoted; a release with 10 % errors is aborted at its first
 * analysis. So is a perfect release with no errors (the error-rate query is then empty), a release
 * without traffic, and a release whose first analysis meets a 60-second Prometheus outage (five
 * errors 10 s apart exceed consecutiveErrorLimit 4): the presets' traps, as Argo would spring them.
 */
class ScenarioMatrixTest {

  static final Path SCENARIOS =
      Path.of(System.getProperty("rolloutkit.root", ".."), "examples", "scenarios").normalize();

  static CanaryStack preset(String name) {
    return switch (name) {
      case "mcp" ->
          CanaryStack.mcp("mcp-server")
              .namespace("ai-services")
              .image("ghcr.io/acme/mcp-server:1.4.0")
              .build();
      case "ml" ->
          CanaryStack.ml("bankchurn").namespace("ml").image("ghcr.io/acme/bankchurn:3.2.0").build();
      default -> throw new IllegalArgumentException(name);
    };
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "mcp-healthy,             promoted, ,  ,  480, 0.325",
    "mcp-zero-errors,         aborted,  3, 30, 240, 0.2",
    "mcp-errors-10pct,        aborted,  3, 30, 240, 0.2",
    "mcp-no-traffic,          aborted,  3, 30, 240, 0",
    "mcp-prometheus-down-60s, aborted,  3, 30, 160, 0.15",
    "mcp-keda-idle,           aborted,  3, 30, 240, 0.1",
    "ml-healthy,              promoted, ,  ,  300, 0.38",
    "ml-zero-errors,          aborted,  2, 20, 90,  0.2",
    "ml-errors-10pct,         aborted,  2, 20, 90,  0.2",
    "ml-no-traffic,           aborted,  2, 20, 90,  0",
    "ml-prometheus-down-60s,  aborted,  2, 20, 100, 0.2"
  })
  void should_end_as_argo_would(
      String scenario,
      String outcome,
      Integer step,
      Integer weight,
      double seconds,
      double canaryShare) {
    RolloutSimulation.Report report =
        RolloutSimulation.of(preset(scenario.substring(0, scenario.indexOf('-'))).resources())
            .with(Scenario.read(SCENARIOS.resolve(scenario + ".yaml")))
            .run();
    assertThat(report.outcome().json()).as(report.reason()).isEqualTo(outcome);
    assertThat(report.abortedAtStep()).isEqualTo(step);
    assertThat(report.abortedAtWeight()).isEqualTo(weight);
    assertThat(report.seconds()).isEqualTo(seconds);
    assertThat(report.canaryRequestShare()).isCloseTo(canaryShare, within(1e-9));
    if (report.outcome() == Outcome.ABORTED) {
      assertThat(report.reason()).startsWith("Step-based analysis phase ");
    }
  }

  @Test
  void should_show_keda_scaling_the_rollout_to_zero_mid_canary() {
    RolloutSimulation.Report report =
        RolloutSimulation.of(preset("mcp").resources())
            .with(Scenario.read(SCENARIOS.resolve("mcp-keda-idle.yaml")))
            .run();
    assertThat(report.warnings())
        .containsExactly(
            "ScaledObject mcp-server-scaler scaled the Rollout from 2 to 0 replicas at 2m,"
                + " mid-canary: neither the canary nor the stable has a pod");
    assertThat(report.timeline())
        .filteredOn(p -> p.seconds() == 120)
        .extracting(
            RolloutSimulation.Point::canaryReplicas, RolloutSimulation.Point::stableReplicas)
        .contains(org.assertj.core.groups.Tuple.tuple(0, 0));
  }

  @Test
  void should_have_a_file_for_every_case_of_the_matrix() throws IOException {
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly(
              "mcp-errors-10pct.yaml",
              "mcp-healthy.yaml",
              "mcp-keda-idle.yaml",
              "mcp-no-traffic.yaml",
              "mcp-prometheus-down-60s.yaml",
              "mcp-zero-errors.yaml",
              "ml-errors-10pct.yaml",
              "ml-healthy.yaml",
              "ml-no-traffic.yaml",
              "ml-prometheus-down-60s.yaml",
              "ml-zero-errors.yaml");
    }
  }
}
