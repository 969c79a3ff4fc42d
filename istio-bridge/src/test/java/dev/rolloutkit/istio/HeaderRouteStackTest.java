package dev.rolloutkit.istio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.profile.CanaryProfile;
import dev.rolloutkit.profile.CanaryStep;
import dev.rolloutkit.profile.ExperimentTemplate;
import dev.rolloutkit.stack.CanaryStack;
import org.junit.jupiter.api.Test;

/** A header route in a profile, on an Istio stack: the step and the Rollout's managedRoutes. */
class HeaderRouteStackTest {

  @Test
  void should_route_a_header_to_the_canary_with_the_route_managed_by_argo() {
    CanaryProfile testers =
        CanaryProfile.of(
            "testers-first",
            CanaryStep.setHeaderRoute("testers", "x-canary", "always"),
            CanaryStep.pause("10m"),
            CanaryStep.removeHeaderRoute("testers"),
            CanaryStep.setWeight(10),
            CanaryStep.analysis("mcp-success-rate"),
            CanaryStep.setWeight(100));
    assertThat(testers.toString())
        .startsWith(
            "testers-first: header(testers: x-canary=always) → 10m → header(testers removed)");
    assertThat(testers.managedRoutes()).containsExactly("testers");
    CanaryStack mcp =
        CanaryStack.mcp("mcp-server").namespace("ai").image("mcp:1").profile(testers).build();
    assertThat(mcp.toYaml())
        .contains(
            "      - setHeaderRoute:\n"
                + "          match:\n"
                + "          - headerName: x-canary\n"
                + "            headerValue:\n"
                + "              exact: always\n"
                + "          name: testers\n")
        .contains("      - setHeaderRoute:\n          name: testers\n")
        .contains("        managedRoutes:\n        - name: testers\n");
    assertThatThrownBy(
            () ->
                CanaryStack.ml("bankchurn")
                    .namespace("ml")
                    .image("b:1")
                    .profile(testers.withGate("canary-health-check"))
                    .build())
        .hasMessageContaining(
            "SetHeaderRoute requires TrafficRouting, supports Istio and ALB and Apisix");
    assertThatThrownBy(
            () ->
                CanaryProfile.of(
                    "bad", CanaryStep.setHeaderRoute("r", "", ""), CanaryStep.setWeight(100)))
        .hasMessageContaining("steps[0]: setHeaderRoute needs a header name and a value");
  }

  @Test
  void should_mirror_a_share_of_the_requests_to_the_canary_before_it_serves_any() {
    CanaryProfile shadow =
        CanaryProfile.of(
            "shadow-first",
            CanaryStep.setMirrorRoute("shadow", 20, "/"),
            CanaryStep.pause("10m"),
            CanaryStep.removeMirrorRoute("shadow"),
            CanaryStep.setWeight(10),
            CanaryStep.analysis("mcp-success-rate"),
            CanaryStep.setWeight(100));
    assertThat(shadow.toString()).startsWith("shadow-first: mirror(shadow: 20% of /*) → 10m");
    CanaryStack mcp =
        CanaryStack.mcp("mcp-server").namespace("ai").image("mcp:1").profile(shadow).build();
    assertThat(mcp.toYaml())
        .contains(
            "      - setMirrorRoute:\n"
                + "          match:\n"
                + "          - path:\n"
                + "              prefix: /\n"
                + "          name: shadow\n"
                + "          percentage: 20\n")
        .contains("      - setMirrorRoute:\n          name: shadow\n")
        .contains("        managedRoutes:\n        - name: shadow\n");
    assertThatThrownBy(
            () ->
                CanaryStack.ml("bankchurn")
                    .namespace("ml")
                    .image("b:1")
                    .profile(shadow.withGate("canary-health-check"))
                    .build())
        .hasMessageContaining("SetMirrorRoute requires TrafficRouting, supports Istio only");
  }

  @Test
  void should_give_a_weighted_experiment_its_share_of_traffic_with_istio_and_lint_clean() {
    CanaryProfile compare =
        CanaryProfile.of(
            "baseline-vs-canary",
            CanaryStep.experiment(
                    "10m",
                    ExperimentTemplate.stable("baseline").withWeight(5),
                    ExperimentTemplate.canary("canary").withWeight(5))
                .withAnalysis("mcp-success-rate"),
            CanaryStep.setWeight(30),
            CanaryStep.setWeight(100));
    CanaryStack mcp =
        CanaryStack.mcp("mcp-server").namespace("ai").image("mcp:1").profile(compare).build();
    assertThat(mcp.toYaml())
        .contains(
            "          templates:\n"
                + "          - name: baseline\n"
                + "            specRef: stable\n"
                + "            weight: 5\n"
                + "          - name: canary\n"
                + "            specRef: canary\n"
                + "            weight: 5\n")
        .contains("              value: '{{templates.canary.podTemplateHash}}'\n");
    assertThat(dev.rolloutkit.lint.Lint.yaml(mcp.toYaml()).hasErrors()).isFalse();
  }
}
