package dev.rolloutkit.assertj;

import static dev.rolloutkit.assertj.RolloutKitAssertions.assertThat;
import static dev.rolloutkit.assertj.RolloutKitAssertions.assertThatVirtualService;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.manifest.Manifests;
import dev.rolloutkit.profile.BlueGreenProfile;
import dev.rolloutkit.profile.CanaryProfile;
import dev.rolloutkit.profile.CanaryStep;
import dev.rolloutkit.profile.ExperimentTemplate;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.traffic.TrafficRouter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

/** Assertions on routing objects (Istio, NGINX) and on every step type and strategy. */
class RoutingAssertionsTest {

  static final CanaryProfile EVERY_STEP =
      CanaryProfile.of(
          "every-step",
          CanaryStep.setHeaderRoute("testers", "x-canary", "always"),
          CanaryStep.setMirrorRoute("shadow", 20, "/"),
          CanaryStep.experiment(
                  "10m", ExperimentTemplate.stable("baseline"), ExperimentTemplate.canary("canary"))
              .withAnalysis("mcp-success-rate"),
          CanaryStep.removeMirrorRoute("shadow"),
          CanaryStep.removeHeaderRoute("testers"),
          CanaryStep.setCanaryScale(2),
          CanaryStep.setWeight(10),
          CanaryStep.pause("1m"),
          CanaryStep.analysis("mcp-success-rate"),
          CanaryStep.plugin("acme/notify", java.util.Map.of("channel", "#releases")),
          CanaryStep.setWeight(100));

  static final CanaryStack ISTIO =
      CanaryStack.mcp("mcp-server").namespace("ai").image("mcp:1").profile(EVERY_STEP).build();
  static final CanaryStack NGINX =
      CanaryStack.ml("bankchurn")
          .namespace("ml")
          .image("bankchurn:1")
          .traffic(TrafficRouter.nginx().withHost("bankchurn.ml.example.com"))
          .build();

  @Test
  void should_read_the_istio_objects_in_canary_words() {
    assertThat(ISTIO)
        .virtualService()
        .hasHosts("mcp-server")
        .hasHttpRoute("primary")
        .sendsToSubset("primary", "stable", 100)
        .sendsToSubset("primary", "canary", 0)
        .sendsToHost("primary", "mcp-server", 100);
    assertThat(ISTIO)
        .destinationRule()
        .hasHost("mcp-server")
        .hasSubsets("stable", "canary")
        .subsetSelects("canary", "app", "mcp-server");
  }

  @Test
  void should_read_a_virtual_service_of_another_api_version_as_read_from_yaml() {
    HasMetadata read =
        Manifests.read(
                "vs.yaml",
                "apiVersion: networking.istio.io/v1alpha3\n"
                    + "kind: VirtualService\n"
                    + "metadata: {name: checkout, namespace: shop}\n"
                    + "spec:\n"
                    + "  hosts: [checkout]\n"
                    + "  http:\n"
                    + "  - name: primary\n"
                    + "    route:\n"
                    + "    - destination: {host: checkout-stable}\n"
                    + "      weight: 90\n"
                    + "    - destination: {host: checkout-canary}\n"
                    + "      weight: 10\n")
            .get(0)
            .object()
            .orElseThrow();
    assertThatVirtualService(read).sendsToHost("primary", "checkout-canary", 10);
    assertThatThrownBy(
            () -> assertThatVirtualService(read).sendsToHost("primary", "checkout-canary", 0))
        .hasMessage(
            "Expected VirtualService shop/checkout to send 0 % of route 'primary' to host"
                + " 'checkout-canary' but the route sends [checkout-stable 90 %, checkout-canary"
                + " 10 %]");
    assertThatThrownBy(() -> assertThatVirtualService(read).hasHttpRoute("canary-only"))
        .hasMessage(
            "Expected VirtualService shop/checkout to have an HTTP route named 'canary-only' but"
                + " its HTTP routes are [primary]");
  }

  @Test
  void should_name_what_the_routing_objects_have_when_they_differ() {
    assertThatThrownBy(() -> assertThat(ISTIO).destinationRule().hasSubsets("canary", "stable"))
        .hasMessage(
            "Expected DestinationRule ai/mcp-server-destrule to have subsets [canary, stable] but"
                + " it has [stable, canary]");
    assertThatThrownBy(() -> assertThat(ISTIO).ingress())
        .hasMessageStartingWith(
            "Expected stack mcp-server to have one Ingress but it has 0 (traffic istio)");
    assertThatThrownBy(() -> assertThat(NGINX).ingress().sendsPathTo("/", "bankchurn-canary"))
        .hasMessage(
            "Expected Ingress ml/bankchurn to send path '/' to Service bankchurn-canary"
                + " but its paths go [/ → bankchurn-stable]");
  }

  @Test
  void should_read_the_nginx_stable_ingress() {
    assertThat(NGINX)
        .ingress()
        .hasIngressClass("nginx")
        .hasHost("bankchurn.ml.example.com")
        .sendsPathTo("/", "bankchurn-stable");
  }

  @Test
  void should_state_every_step_type_and_the_routes_argo_manages() {
    Rollout rollout = RolloutKitAssertionsTest.first(ISTIO, Rollout.class);
    assertThat(rollout)
        .hasStepKinds(
            "setHeaderRoute",
            "setMirrorRoute",
            "experiment",
            "setMirrorRoute",
            "setHeaderRoute",
            "setCanaryScale",
            "setWeight",
            "pause",
            "analysis",
            "plugin",
            "setWeight")
        .routesHeaderToCanary("testers", "x-canary", "always")
        .mirrorsToCanary("shadow", 20)
        .runsExperimentJudgedBy("mcp-success-rate");
    assertThatThrownBy(() -> assertThat(rollout).mirrorsToCanary("shadow", 50))
        .hasMessage(
            "Expected Rollout ai/mcp-server to mirror 50 % to the canary on route 'shadow' but its"
                + " mirror routes are [shadow: 20 %]");
    assertThatThrownBy(() -> assertThat(rollout).releasesBlueGreen("mcp-server", "preview"))
        .hasMessage(
            "Expected Rollout ai/mcp-server to release blue-green but spec.strategy.blueGreen is"
                + " not set");
  }

  @Test
  void should_state_a_blue_green_release_and_its_gates() {
    CanaryStack major =
        CanaryStack.ml("bankchurn")
            .namespace("ml")
            .image("bankchurn:4")
            .traffic(TrafficRouter.none())
            .blueGreen(BlueGreenProfile.validation())
            .build();
    Rollout rollout = RolloutKitAssertionsTest.first(major, Rollout.class);
    assertThat(rollout)
        .releasesBlueGreen("bankchurn", "bankchurn-preview")
        .validatesBeforePromotionWith("bluegreen-validation");
    assertThat(major).passesAllRules().analysisTemplate("bluegreen-validation");
    assertThatThrownBy(() -> assertThat(rollout).validatesAfterPromotionWith("smoke"))
        .hasMessage(
            "Expected Rollout ml/bankchurn to validate the new version with smoke after promotion"
                + " but spec.strategy.blueGreen.postPromotionAnalysis runs []");
  }

  @Test
  void should_collect_routing_failures_softly() {
    RolloutKitSoftAssertions softly = new RolloutKitSoftAssertions();
    softly.assertThatVirtualService(ISTIO.resources().get(2)).sendsToSubset("primary", "canary", 5);
    softly
        .assertThat(
            (io.fabric8.kubernetes.api.model.networking.v1.Ingress)
                NGINX.resources().stream()
                    .filter(r -> r.getKind().equals("Ingress"))
                    .findFirst()
                    .get())
        .hasHost("other.example.com");
    softly
        .assertThatDestinationRule(ISTIO.resources().get(1))
        .subsetSelects("canary", "app", "other");
    assertThatThrownBy(softly::assertAll)
        .isInstanceOf(org.assertj.core.error.AssertJMultipleFailuresError.class)
        .hasMessageContaining("to send 5 % of route 'primary' to subset 'canary'")
        .hasMessageContaining("to have a rule for host 'other.example.com'")
        .hasMessageContaining("Expected subset 'canary' of DestinationRule");
  }
}
