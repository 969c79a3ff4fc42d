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
 * The MCP and ML presets in the scenarios of examples/scenarios, each run twice with the same
 * asserted outcome: in the simulator (the scenario's offline values) and against a real Prometheus
 * holding the scenario's raw series, where the queries the presets render run unchanged and their
 * results go through Argo's condition evaluation. Healthy releases, perfect ones (no error series)
 * and ones with 3 % errors are promoted, and so are releases whose analysis meets a 60-second
 * Prometheus outage; 10 % errors, a latency regression and drift abort at the first analysis; no
 * traffic, or a scrape without the hash label, pauses the rollout (Inconclusive) instead of rolling
 * it back.
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
      case "nlp" ->
          CanaryStack.nlp("nlpinsight")
              .namespace("ml")
              .image("ghcr.io/acme/nlpinsight:2.0.0")
              .build();
      default -> throw new IllegalArgumentException(name);
    };
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "mcp-healthy,             promoted, ,  ,  480, 0.325",
    "mcp-zero-errors,         promoted, ,  ,  480, 0.325",
    "mcp-errors-3pct,         promoted, ,  ,  480, 0.325",
    "mcp-errors-10pct,        aborted,  3, 30, 240, 0.2",
    "mcp-no-traffic,          paused,   ,  ,  120, 0",
    "mcp-hash-label-missing,  paused,   ,  ,  120, 0.1",
    "mcp-prometheus-down-60s, promoted, ,  ,  540, 0.3222222222",
    "mcp-keda-idle,           paused,   ,  ,  120, 0.1",
    "ml-healthy,              promoted, ,  ,  300, 0.38",
    "ml-zero-errors,          promoted, ,  ,  300, 0.38",
    "ml-errors-3pct,          promoted, ,  ,  300, 0.38",
    "ml-errors-10pct,         aborted,  2, 20, 90,  0.2",
    "ml-latency-regression,   aborted,  2, 20, 90,  0.2",
    "ml-drift,                aborted,  2, 20, 90,  0.2",
    "ml-no-traffic,           paused,   ,  ,  60,  0",
    "ml-hash-label-missing,   paused,   ,  ,  60,  0.2",
    "ml-prometheus-down-60s,  promoted, ,  ,  360, 0.35"
  })
  void should_end_as_argo_would_in_the_simulator_and_on_a_real_prometheus(
      String scenario,
      String outcome,
      Integer step,
      Integer weight,
      double seconds,
      double canaryShare) {
    check(
        scenario.substring(0, scenario.indexOf('-')),
        scenario,
        outcome,
        step,
        weight,
        seconds,
        canaryShare);
  }

  /**
   * The NLP preset shares the ML preset's gate (canary-health-check) with its own steps (10 → 40 →
   * 100 %, longer pauses): the ML scenarios, on the NLP stack.
   */
  @ParameterizedTest(name = "nlp in {0}: {1}")
  @CsvSource({
    "ml-healthy,              promoted, ,  ,  600, 0.28",
    "ml-zero-errors,          promoted, ,  ,  600, 0.28",
    "ml-errors-3pct,          promoted, ,  ,  600, 0.28",
    "ml-errors-10pct,         aborted,  2, 10, 210, 0.1",
    "ml-latency-regression,   aborted,  2, 10, 210, 0.1",
    "ml-drift,                aborted,  2, 10, 210, 0.1",
    "ml-no-traffic,           paused,   ,  ,  180, 0",
    "ml-hash-label-missing,   paused,   ,  ,  180, 0.1",
    // the outage (1m to 2m) is over before the NLP preset's first analysis at 3m
    "ml-prometheus-down-60s,  promoted, ,  ,  600, 0.28",
  })
  void should_end_as_argo_would_for_the_nlp_preset_in_the_ml_scenarios(
      String scenario,
      String outcome,
      Integer step,
      Integer weight,
      double seconds,
      double canaryShare) {
    check("nlp", scenario, outcome, step, weight, seconds, canaryShare);
  }

  private static void check(
      String preset,
      String scenario,
      String outcome,
      Integer step,
      Integer weight,
      double seconds,
      double canaryShare) {
    RolloutSimulation.Report report = simulate(preset, scenario);
    assertThat(report.outcome().json()).as(report.reason()).isEqualTo(outcome);
    assertThat(report.abortedAtStep()).isEqualTo(step);
    assertThat(report.abortedAtWeight()).isEqualTo(weight);
    assertThat(report.seconds()).isEqualTo(seconds);
    assertThat(report.canaryRequestShare()).isCloseTo(canaryShare, within(1e-9));
    if (report.outcome() == Outcome.ABORTED) {
      assertThat(report.reason()).startsWith("Step-based analysis phase failed: ");
    } else if (report.outcome() == Outcome.PAUSED) {
      assertThat(report.reason()).startsWith("Step-based analysis phase Inconclusive: ");
    }

    // the same rollout, every query rendered by the preset run unchanged on a real Prometheus
    // holding the scenario's series
    RolloutSimulation.Report live = simulateOnRealPrometheus(preset, scenario);
    assertThat(live.outcome()).as(live.reason()).isEqualTo(report.outcome());
    assertThat(live.abortedAtStep()).isEqualTo(report.abortedAtStep());
    assertThat(live.abortedAtWeight()).isEqualTo(report.abortedAtWeight());
    assertThat(live.seconds()).isEqualTo(report.seconds());
    assertThat(live.reason()).isEqualTo(report.reason());
    assertThat(live.measurements()).hasSameSizeAs(report.measurements());
    for (int i = 0; i < live.measurements().size(); i++) {
      RolloutSimulation.Measurement offline = report.measurements().get(i);
      RolloutSimulation.Measurement real = live.measurements().get(i);
      assertThat(real.metric()).isEqualTo(offline.metric());
      assertThat(real.seconds()).isEqualTo(offline.seconds());
      assertThat(real.phase())
          .as("%s at %ss", real.metric(), real.seconds())
          .isEqualTo(offline.phase());
      assertThat(real.message()).isEqualTo(offline.message());
      // the scenario's offline value is what Prometheus computes from its series
      if (offline.value().equals("empty")) {
        assertThat(real.value()).isEqualTo("[]");
      } else if (!offline.value().isEmpty()) {
        assertThat(real.value()).startsWith("[").endsWith("]");
        assertThat(Double.parseDouble(real.value().substring(1, real.value().length() - 1)))
            .as("%s at %ss", real.metric(), real.seconds())
            .isCloseTo(Double.parseDouble(offline.value()), within(1e-12));
      }
    }
  }

  static RolloutSimulation.Report simulate(String scenario) {
    return simulate(scenario.substring(0, scenario.indexOf('-')), scenario);
  }

  static RolloutSimulation.Report simulate(String preset, String scenario) {
    return RolloutSimulation.of(preset(preset).resources())
        .with(Scenario.read(SCENARIOS.resolve(scenario + ".yaml")))
        .run();
  }

  static RolloutSimulation.Report simulateOnRealPrometheus(String preset, String scenario) {
    return RolloutSimulation.of(preset(preset).resources())
        .with(Scenario.read(SCENARIOS.resolve(scenario + ".yaml")))
        .against(
            RealPrometheus.client(),
            RealPrometheus.START,
            java.util.Map.of("canary-hash", RealPrometheus.canaryHash(scenario)))
        .run();
  }

  @Test
  void should_keep_the_rollout_at_its_minimum_while_the_canary_pauses_without_traffic() {
    RolloutSimulation.Report report = simulate("mcp-keda-idle");
    assertThat(report.warnings()).isEmpty();
    assertThat(report.timeline())
        .allSatisfy(
            p -> {
              // traffic-routed: the stable keeps spec.replicas (KEDA's minimum), the canary
              // gets its share on top
              assertThat(p.stableReplicas()).isEqualTo(2);
              assertThat(p.canaryReplicas()).isEqualTo(p.weight() == 0 ? 0 : 1);
            });
  }

  @Test
  void should_scale_the_rollout_to_zero_mid_canary_when_rollout_info_reads_nothing()
      throws IOException {
    // the same scenario with Argo's rollout_info missing (the controller's metrics not scraped)
    String text =
        Files.readString(SCENARIOS.resolve("mcp-keda-idle.yaml"))
            .replace("- {value: 1}\n", "- {value: empty}\n");
    RolloutSimulation.Report report =
        RolloutSimulation.of(preset("mcp").resources())
            .with(Scenario.parse("mcp-keda-idle-without-rollout-info.yaml", text))
            .run();
    assertThat(report.warnings())
        .containsExactly(
            "ScaledObject mcp-server-scaler scaled the Rollout from 2 to 0 replicas at 2m,"
                + " mid-canary: neither the canary nor the stable has a pod");
  }

  @Test
  void should_have_a_file_for_every_case_of_the_matrix() throws IOException {
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly(
              "mcp-errors-10pct.yaml",
              "mcp-errors-3pct.yaml",
              "mcp-hash-label-missing.yaml",
              "mcp-healthy.yaml",
              "mcp-keda-idle.yaml",
              "mcp-no-traffic.yaml",
              "mcp-prometheus-down-60s.yaml",
              "mcp-zero-errors.yaml",
              "ml-drift.yaml",
              "ml-errors-10pct.yaml",
              "ml-errors-3pct.yaml",
              "ml-hash-label-missing.yaml",
              "ml-healthy.yaml",
              "ml-latency-regression.yaml",
              "ml-no-traffic.yaml",
              "ml-prometheus-down-60s.yaml",
              "ml-zero-errors.yaml");
    }
  }
}
