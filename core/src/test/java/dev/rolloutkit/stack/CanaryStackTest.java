package dev.rolloutkit.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.analysis.AnalysisGate;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.Steps;
import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.profile.CanaryProfile;
import dev.rolloutkit.profile.CanaryStep;
import dev.rolloutkit.scaling.KedaScaling;
import dev.rolloutkit.testing.Golden;
import dev.rolloutkit.traffic.Port;
import dev.rolloutkit.traffic.TrafficRouter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryStackTest {

  static CanaryStack mcpWithNginx() {
    return CanaryStack.mcp("mcp-server")
        .namespace("ai-services")
        .image("ghcr.io/acme/mcp-server:1.4.0")
        .traffic(TrafficRouter.nginx())
        .build();
  }

  static CanaryStack bankchurn() {
    return CanaryStack.ml("bankchurn-predictor")
        .namespace("ml-portfolio")
        .image("ghcr.io/acme/bankchurn:3.2.0")
        .addPort(Port.of("http", 80, 8000))
        .putLabel("team", "ml-platform")
        .build();
  }

  private static List<String> kinds(CanaryStack stack) {
    return stack.resources().stream()
        .map(r -> r.getKind() + "/" + r.getMetadata().getName())
        .toList();
  }

  @Test
  void should_produce_resources_in_apply_order() {
    assertThat(kinds(mcpWithNginx()))
        .containsExactly(
            "Service/mcp-server-stable",
            "Service/mcp-server-canary",
            "Ingress/mcp-server",
            "AnalysisTemplate/mcp-success-rate",
            "Rollout/mcp-server",
            "ScaledObject/mcp-server-scaler");
  }

  @Test
  void should_render_the_mcp_stack_as_golden_yaml() throws Exception {
    Golden.assertMatches(mcpWithNginx().toYaml(), "mcp-server-nginx.yaml");
  }

  @Test
  void should_render_an_ml_stack_as_golden_yaml() throws Exception {
    Golden.assertMatches(bankchurn().toYaml(), "bankchurn-predictor.yaml");
  }

  @Test
  void should_render_a_replica_ratio_canary_without_scaling() throws Exception {
    CanaryStack stack =
        CanaryStack.nlp("nlpinsight")
            .namespace("ml-portfolio")
            .image("ghcr.io/acme/nlpinsight:1.0.0")
            .traffic(TrafficRouter.none())
            .build();
    assertThat(kinds(stack))
        .containsExactly(
            "Service/nlpinsight", "AnalysisTemplate/canary-health-check", "Rollout/nlpinsight");
    Rollout rollout = (Rollout) stack.resources().get(2);
    assertThat(rollout.getSpec().getStrategy().getCanary().getTrafficRouting()).isNull();
    assertThat(rollout.getSpec().getStrategy().getCanary().getCanaryService()).isNull();
    Golden.assertMatches(stack.toYaml(), "nlpinsight-none.yaml");
  }

  @Test
  void should_wire_the_rollout_to_profile_gates_traffic_and_scaling() {
    CanaryStack stack = mcpWithNginx();
    Rollout rollout =
        stack.resources().stream()
            .filter(Rollout.class::isInstance)
            .map(Rollout.class::cast)
            .findFirst()
            .orElseThrow();
    List<Steps> steps = rollout.getSpec().getStrategy().getCanary().getSteps();
    assertThat(steps).hasSize(7);
    assertThat(steps.get(0).getSetWeight()).isEqualTo(10);
    assertThat(steps.get(1).getPause().getDuration().getStrVal()).isEqualTo("2m");
    assertThat(steps.get(3).getAnalysis().getTemplates().get(0).getTemplateName())
        .isEqualTo("mcp-success-rate");
    assertThat(steps.get(3).getAnalysis().getArgs().get(0).getName())
        .isEqualTo(AnalysisGate.CANARY_HASH_ARG);
    assertThat(steps.get(3).getAnalysis().getArgs().get(0).getValueFrom().getPodTemplateHashValue())
        .isEqualTo("Latest");
    assertThat(rollout.getSpec().getStrategy().getCanary().getStableService())
        .isEqualTo("mcp-server-stable");
    assertThat(
            rollout
                .getSpec()
                .getStrategy()
                .getCanary()
                .getTrafficRouting()
                .getNginx()
                .getStableIngress())
        .isEqualTo("mcp-server");
    assertThat(rollout.getSpec().getReplicas())
        .as("KEDA's HPA owns spec.replicas: not written")
        .isNull();
    assertThat(rollout.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Map.of("app", "mcp-server"));
    assertThat(rollout.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("app", "mcp-server");

    AnalysisTemplate template = (AnalysisTemplate) stack.resources().get(3);
    assertThat(template.getSpec().getArgs())
        .extracting(a -> a.getName())
        .containsExactly(AnalysisGate.CANARY_HASH_ARG);
    ScaledObject so = (ScaledObject) stack.resources().get(5);
    assertThat(so.getSpec().getScaleTargetRef().getName())
        .isEqualTo(rollout.getMetadata().getName());
  }

  @Test
  void should_take_gates_from_the_stack_before_presets() {
    AnalysisGate stricter = AnalysisGate.mcpSuccessRate().withRollbackOnFailure(1);
    CanaryStack stack = CanaryStack.builder().from(mcpWithNginx()).gates(List.of(stricter)).build();
    assertThat(stack.effectiveGates()).containsExactly(stricter);
  }

  @Test
  void should_add_labels_to_every_object_and_the_app_label_to_all_but_shared_templates() {
    for (HasMetadata r : bankchurn().resources()) {
      assertThat(r.getMetadata().getLabels()).as(r.getKind()).containsEntry("team", "ml-platform");
      if (r instanceof AnalysisTemplate) {
        assertThat(r.getMetadata().getLabels())
            .as("a gate is shared by every stack that runs it")
            .doesNotContainKey("app");
      } else {
        assertThat(r.getMetadata().getLabels())
            .as(r.getKind())
            .containsEntry("app", "bankchurn-predictor");
      }
    }
  }

  @Test
  void should_reject_an_invalid_stack_with_every_problem() {
    assertThatThrownBy(
            () ->
                CanaryStack.builder()
                    .name("Checkout_Service")
                    .namespace("Shop")
                    .image("bad image")
                    .profile(
                        CanaryProfile.of(
                            "p",
                            CanaryStep.setWeight(50),
                            CanaryStep.analysis("my-gate"),
                            CanaryStep.setWeight(100)))
                    .addPorts(Port.of("http", 0, 8080), Port.of("http", 80, 70000))
                    .putLabel("app", "other")
                    .replicas(0)
                    .scaling(KedaScaling.mcp().withReplicas(1, 5))
                    .traffic(TrafficRouter.named("istio"))
                    .build())
        .isInstanceOf(InvalidStackException.class)
        .satisfies(
            e ->
                assertThat(((InvalidStackException) e).problems())
                    .containsExactly(
                        "name: 'Checkout_Service' is not a valid DNS-1035 label: lower-case"
                            + " letters, digits and '-', starting with a letter and ending with a"
                            + " letter or digit",
                        "namespace: 'Shop' is not a valid DNS-1123 label: lower-case letters,"
                            + " digits and '-', starting and ending with a letter or digit (regex"
                            + " [a-z0-9]([-a-z0-9]*[a-z0-9])?)",
                        "image: 'bad image' contains white space",
                        "ports[0]: service port 0 is outside 1..65535",
                        "ports[1]: container port 70000 is outside 1..65535",
                        "ports[1]: name 'http' is used twice",
                        "labels: 'app' is the selector label and is always the name"
                            + " 'Checkout_Service', not 'other'",
                        "replicas: must be at least 1, got 0",
                        "gates: the profile runs gate 'my-gate', which this stack does not define"
                            + " and which is no preset",
                        "scaling.minReplicaCount: 1 leaves no room for a canary beside the stable"
                            + " pods while active; use at least 2 (and idleReplicaCount 0 to scale"
                            + " to zero when idle)",
                        "traffic: no traffic router named 'istio' is available (add"
                            + " dev.rolloutkit:rolloutkit-istio-bridge to the class path);"
                            + " available: nginx, none"));
  }

  /**
   * A router that sets NGINX routing but provides no canary and stable Services: Argo would reject
   * the Rollout.
   */
  static final TrafficRouter CARELESS =
      new TrafficRouter() {
        @Override
        public String name() {
          return "careless";
        }

        @Override
        public dev.rolloutkit.traffic.TrafficPlan plan(
            dev.rolloutkit.traffic.TrafficTarget target) {
          return dev.rolloutkit.traffic.TrafficPlan.builder()
              .addServices(target.service(target.name()))
              .trafficRouting(
                  new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary
                          .TrafficRoutingBuilder()
                      .withNewNginx()
                      .withStableIngress(target.name())
                      .endNginx()
                      .build())
              .build();
        }
      };

  @Test
  void should_not_build_a_stack_that_breaks_an_error_level_rule() {
    assertThatThrownBy(
            () ->
                CanaryStack.ml("bankchurn")
                    .namespace("ml")
                    .image("bankchurn:1")
                    .traffic(CARELESS)
                    .build())
        .isInstanceOf(InvalidStackException.class)
        .satisfies(
            e ->
                assertThat(((InvalidStackException) e).problems())
                    .containsExactly(
                        "rule error [ARGO-TRAFFIC-SERVICES-REQUIRED] Rollout ml/bankchurn"
                            + " spec.strategy.canary.stableService: Canary service and Stable"
                            + " service must to be set to use Traffic Routing (hint: set"
                            + " canaryService and stableService)"));
  }

  @Test
  void should_reject_a_missing_image() {
    assertThatThrownBy(() -> CanaryStack.ml("svc").build())
        .hasMessageContaining(
            "image: a container image is required, e.g. ghcr.io/acme/mcp-server:1.4.0");
  }

  @Test
  void should_reject_a_scaled_object_name_over_54_characters() {
    String name = "a".repeat(48);
    assertThatThrownBy(
            () -> CanaryStack.mcp(name).image("img:1").traffic(TrafficRouter.nginx()).build())
        .hasMessageContaining(
            "scaling: the ScaledObject name '"
                + name
                + "-scaler' is 55 characters; KEDA allows at most 54");
    assertThat(
            CanaryStack.mcp("a".repeat(47))
                .image("img:1")
                .traffic(TrafficRouter.nginx())
                .build()
                .scaledObjectName())
        .hasSize(54);
  }

  @Test
  void should_reject_names_whose_derived_service_names_would_not_fit() {
    assertThatThrownBy(() -> CanaryStack.ml("a".repeat(57)).image("img:1").build())
        .hasMessageContaining(
            "derived Service names such as '"
                + "a".repeat(57)
                + "-canary' must fit in 63, so at most 56");
  }

  @Test
  void should_describe_itself_readably() {
    assertThat(mcpWithNginx())
        .hasToString(
            "CanaryStack ai-services/mcp-server [ghcr.io/acme/mcp-server:1.4.0] mcp: 10% → 2m → 30%"
                + " → gate(mcp-success-rate) → 60% → 2m → 100%, gates [mcp-success-rate], traffic"
                + " nginx, KEDA 2..20");
  }
}
