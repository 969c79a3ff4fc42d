package dev.rolloutkit.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.lint.Lint;
import dev.rolloutkit.lint.LintResult;
import dev.rolloutkit.profile.BlueGreenProfile;
import dev.rolloutkit.profile.InvalidProfileException;
import dev.rolloutkit.traffic.TrafficRouter;
import org.junit.jupiter.api.Test;

/** A blue-green release: ADR-008's bluegreen-validation gate before the switch. */
class BlueGreenTest {

  static CanaryStack.Builder bankchurn() {
    return CanaryStack.ml("bankchurn")
        .namespace("ml")
        .image("ghcr.io/acme/bankchurn:4.0.0")
        .traffic(TrafficRouter.none());
  }

  @Test
  void should_validate_the_preview_with_the_adr_gate_before_the_active_service_switches() {
    CanaryStack stack = bankchurn().blueGreen(BlueGreenProfile.validation()).build();
    assertThat(stack.toString())
        .contains("bluegreen: preview → gate(bluegreen-validation) → promote")
        .contains("gates [bluegreen-validation]");
    String yaml = stack.toYaml();
    assertThat(yaml)
        .contains(
            "  strategy:\n"
                + "    blueGreen:\n"
                + "      activeService: bankchurn\n"
                + "      prePromotionAnalysis:\n"
                + "        args:\n"
                + "        - name: canary-hash\n"
                + "          valueFrom:\n"
                + "            podTemplateHashValue: Latest\n"
                + "        templates:\n"
                + "        - templateName: bluegreen-validation\n"
                + "      previewService: bankchurn-preview\n")
        .contains("kind: Service\nmetadata:\n  labels:\n    app: bankchurn\n  name: bankchurn\n")
        .contains("  name: bankchurn-preview\n")
        .contains("  name: bluegreen-validation\n")
        .doesNotContain("canary:")
        .doesNotContain("canary-health-check");
    // what Argo's validation, the analysis rules and the rest of lint say of the whole set
    LintResult lint = Lint.yaml(yaml);
    assertThat(lint.hasErrors()).as(lint.toString()).isFalse();
  }

  @Test
  void should_write_manual_promotion_and_both_gates_and_the_delays() {
    BlueGreenProfile careful =
        BlueGreenProfile.builder()
            .name("careful")
            .prePromotionGate("bluegreen-validation")
            .postPromotionGate("canary-health-check")
            .autoPromotionEnabled(false)
            .previewReplicaCount(1)
            .scaleDownDelaySeconds(600)
            .abortScaleDownDelaySeconds(0)
            .build();
    assertThat(careful.toString())
        .isEqualTo(
            "careful: preview (1 pods) → gate(bluegreen-validation) → promote by hand →"
                + " gate(canary-health-check), scale-down delay 600s, abort scale-down delay 0s");
    String yaml = bankchurn().blueGreen(careful).build().toYaml();
    assertThat(yaml)
        .contains("      abortScaleDownDelaySeconds: 0\n")
        .contains("      autoPromotionEnabled: false\n")
        .contains(
            "      postPromotionAnalysis:\n"
                + "        args:\n"
                + "        - name: canary-hash\n"
                + "          valueFrom:\n"
                + "            podTemplateHashValue: Latest\n"
                + "        templates:\n"
                + "        - templateName: canary-health-check\n")
        .contains("      previewReplicaCount: 1\n")
        .contains("      scaleDownDelaySeconds: 600\n")
        .contains("  name: canary-health-check\n");
    assertThat(Lint.yaml(yaml).hasErrors()).isFalse();
  }

  @Test
  void should_refuse_a_traffic_router_and_every_bad_knob_with_its_reason() {
    assertThatThrownBy(
            () ->
                CanaryStack.ml("bankchurn")
                    .namespace("ml")
                    .image("b:1")
                    .blueGreen(BlueGreenProfile.validation())
                    .build())
        .isInstanceOf(InvalidStackException.class)
        .hasMessageContaining(
            "traffic: blue-green switches the active Service 'bankchurn' and the preview Service"
                + " 'bankchurn-preview', not weights, so it takes no traffic router, not nginx");
    assertThatThrownBy(
            () ->
                BlueGreenProfile.builder()
                    .name("bad")
                    .prePromotionGate(" ")
                    .autoPromotionEnabled(false)
                    .autoPromotionSeconds(30)
                    .previewReplicaCount(0)
                    .scaleDownDelaySeconds(-1)
                    .build())
        .isInstanceOf(InvalidProfileException.class)
        .hasMessageContaining("blue-green profile 'bad' is invalid")
        .hasMessageContaining("prePromotionGate: names no gate")
        .hasMessageContaining("autoPromotionSeconds: Argo ignores it when autoPromotionEnabled")
        .hasMessageContaining("previewReplicaCount: 0 runs no preview pods")
        .hasMessageContaining("scaleDownDelaySeconds: must be 0 or more, got -1");
    assertThatThrownBy(
            () ->
                bankchurn()
                    .blueGreen(
                        BlueGreenProfile.builder().name("x").prePromotionGate("nope").build())
                    .build())
        .hasMessageContaining(
            "gates: the profile runs gate 'nope', which this stack does not define");
  }

  @Test
  void should_scale_a_blue_green_release_with_keda_and_lint_clean() {
    CanaryStack stack =
        CanaryStack.mcp("mcp-server")
            .namespace("ai-services")
            .image("ghcr.io/acme/mcp-server:2.0.0")
            .traffic(TrafficRouter.none())
            .blueGreen(BlueGreenProfile.validation())
            .build();
    String yaml = stack.toYaml();
    assertThat(yaml).contains("kind: ScaledObject\n").doesNotContain("mcp-success-rate");
    LintResult lint = Lint.yaml(yaml);
    assertThat(lint.hasErrors()).as(lint.toString()).isFalse();
  }
}
