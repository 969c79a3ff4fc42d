package dev.rolloutkit.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.analysis.AnalysisGate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackSetTest {

  private static CanaryStack ml(String name) {
    return CanaryStack.ml(name)
        .namespace("ml-portfolio")
        .image("ghcr.io/acme/" + name + ":1")
        .build();
  }

  @Test
  void should_order_objects_by_stage_across_stacks_and_share_templates() {
    StackSet set = StackSet.of(ml("bankchurn"), ml("chicagotaxi"));
    assertThat(set.resources())
        .extracting(r -> r.getKind() + "/" + r.getMetadata().getName())
        .containsExactly(
            "Service/bankchurn-stable",
            "Service/bankchurn-canary",
            "Service/chicagotaxi-stable",
            "Service/chicagotaxi-canary",
            "Ingress/bankchurn",
            "Ingress/chicagotaxi",
            "AnalysisTemplate/canary-health-check",
            "Rollout/bankchurn",
            "Rollout/chicagotaxi");
  }

  @Test
  void should_report_two_different_objects_with_one_name() {
    CanaryStack strict =
        CanaryStack.builder()
            .from(ml("chicagotaxi"))
            .gates(List.of(AnalysisGate.canaryHealthCheck().withRollbackOnFailure(1)))
            .build();
    assertThatThrownBy(() -> StackSet.of(ml("bankchurn"), strict))
        .isInstanceOf(InvalidStackException.class)
        .hasMessageContaining(
            "AnalysisTemplate ml-portfolio/canary-health-check: stack 'chicagotaxi' defines it"
                + " differently from an earlier stack");
  }
}
