package dev.rolloutkit.istio.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.rules.Finding;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.testing.Fixtures;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The Istio rows of the Argo repository's invalid inputs (../shared/reference/argo-rollouts.md §7,
 * cases 31 and 32), caught offline with the controller's message at the controller's field.
 */
class ArgoIstioInvalidInputsTest {

  static final String ROLLOUT =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: guestbook, namespace: default}
      spec:
        replicas: 2
        selector: {matchLabels: {app: guestbook}}
        template:
          metadata: {labels: {app: guestbook}}
          spec: {containers: [{name: guestbook, image: "guestbook:1"}]}
        strategy:
          canary:
            canaryService: canary
            stableService: stable
            trafficRouting:
              istio: {virtualService: {name: istio-vsvc}}
            steps:
            - setWeight: 10
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: VirtualService
      metadata: {name: istio-vsvc, namespace: default}
      spec:
        hosts: [guestbook]
        http:
        - route:
          - {destination: {host: canary}, weight: 0}
          - {destination: {host: not-stable}, weight: 100}
      """;

  @Test
  void case_31_a_virtual_service_route_without_the_stable_service() {
    assertThat(RuleSet.all().evaluate(ResourceSet.of(Fixtures.resources(ROLLOUT))).errors())
        .extracting(Finding::path, Finding::message)
        .contains(
            Tuple.tuple(
                "spec.strategy.canary.trafficRouting.istio.virtualService",
                "Stable Service 'stable' not found in route"));
  }

  @Test
  void case_32_both_or_neither_of_virtual_service_and_virtual_services() {
    String both =
        ROLLOUT.replace(
            "istio: {virtualService: {name: istio-vsvc}}",
            "istio: {virtualService: {name: istio-vsvc}, virtualServices: [{name: istio-vsvc}]}");
    String neither =
        ROLLOUT.replace(
            "istio: {virtualService: {name: istio-vsvc}}",
            "istio: {destinationRule: {name: dr, canarySubsetName: c, stableSubsetName: s}}");
    for (String yaml : new String[] {both, neither}) {
      assertThat(RuleSet.all().evaluate(ResourceSet.of(Fixtures.resources(yaml))).errors())
          .extracting(Finding::path, Finding::message)
          .contains(
              Tuple.tuple(
                  "spec.strategy.canary.trafficRouting.istio",
                  "either VirtualService or VirtualServices must be configured"));
    }
  }
}
