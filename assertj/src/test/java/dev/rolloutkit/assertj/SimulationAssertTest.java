package dev.rolloutkit.assertj;

import static dev.rolloutkit.assertj.RolloutKitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.simulation.AnalysisRunSimulation.Metric;
import dev.rolloutkit.simulation.GateQuality;
import dev.rolloutkit.simulation.RolloutSimulation;
import dev.rolloutkit.simulation.Scenario;
import dev.rolloutkit.stack.CanaryStack;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulationAssertTest {

  static final CanaryStack MCP =
      CanaryStack.mcp("mcp-server")
          .namespace("ai-services")
          .image("ghcr.io/acme/mcp-server:1.4.0")
          .build();

  static RolloutSimulation.Report simulate(String successRate, String errorRate) {
    return RolloutSimulation.of(MCP.resources())
        .with(
            Scenario.parse(
                "scenario.yaml",
                "metrics:\n  success-rate: {value: "
                    + successRate
                    + "}\n  error-rate: {value: "
                    + errorRate
                    + "}\n"))
        .run();
  }

  @Test
  void should_pass_a_healthy_canary_that_is_promoted_in_time() {
    assertThat(simulate("0.998", "0.002"))
        .promotesWithin(Duration.ofMinutes(8))
        .exposesAtMost(0.33);
    assertThatThrownBy(
            () -> assertThat(simulate("0.998", "0.002")).promotesWithin(Duration.ofMinutes(7)))
        .hasMessage("Expected the rollout to be promoted within PT7M but it took 480s");
  }

  @Test
  void should_name_the_reason_when_a_canary_is_not_promoted() {
    assertThat(simulate("0.95", "0.1")).abortsAtWeight(30).within(Duration.ofMinutes(4));
    assertThatThrownBy(
            () -> assertThat(simulate("0.95", "0.1")).promotesWithin(Duration.ofMinutes(12)))
        .hasMessage(
            "Expected the rollout to be promoted within PT12M but it was aborted after 240s:"
                + " Step-based analysis phase failed: Metric \"error-rate\" assessed Failed due to"
                + " failed (3) > failureLimit (2)");
  }

  @Test
  void should_bound_the_false_rollback_probability_of_a_gate() {
    Metric fiveTolerant = new Metric("m", 60L, null, 5, 2, null, null, null, false);
    assertThat(GateQuality.exact(fiveTolerant, 0.05)).falseRollbackProbability().isLessThan(0.01);
    assertThatThrownBy(
            () ->
                assertThat(GateQuality.exact(Metric.of("m", 60, 5), 0.05))
                    .falseRollbackProbability()
                    .isLessThan(0.01))
        .hasMessageContaining("probability of rolling back a healthy canary");
  }
}
