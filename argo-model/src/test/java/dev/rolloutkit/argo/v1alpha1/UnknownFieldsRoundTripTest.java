package dev.rolloutkit.argo.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.UnknownFields;
import dev.rolloutkit.testing.Manifests;
import org.junit.jupiter.api.Test;

/**
 * Fields the schema does not know (typos, newer upstream fields) are kept, in place, and can be
 * found.
 */
class UnknownFieldsRoundTripTest {

  private static final String MANIFEST =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata:
        name: checkout
        namespace: shop
      fromTheFuture: true
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: checkout
        template:
          metadata:
            labels:
              app: checkout
          spec:
            containers:
            - name: app
              image: app:1
              imagePullPolice: Always
        strategy:
          canary:
            stepz:
            - setWeight: 10
            steps:
            - setWieght: 20
            - pause:
                duraton: 1m
            trafficRouting:
              istio:
                virtualService:
                  name: vs
                  routes: [primary]
                  weightAlgorithm: relative
      """;

  @Test
  void should_keep_every_unknown_field_through_a_round_trip() {
    JsonNode document = Manifests.documents(MANIFEST).get(0);
    Rollout rollout = (Rollout) Manifests.assertRoundTrip(document, "rollout with typos");

    assertThat(UnknownFields.in(rollout))
        .containsExactlyInAnyOrder(
            "fromTheFuture",
            "spec.template.spec.containers[0].imagePullPolice",
            "spec.strategy.canary.stepz",
            "spec.strategy.canary.steps[0].setWieght",
            "spec.strategy.canary.steps[1].pause.duraton",
            "spec.strategy.canary.trafficRouting.istio.virtualService.weightAlgorithm");
  }

  @Test
  void should_write_unknown_fields_in_document_order() {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: t
        spec:
          zeta: 1
          alpha: 2
          mid: 3
        """;
    AnalysisTemplate template = (AnalysisTemplate) Manifests.read(Manifests.documents(yaml).get(0));
    assertThat(template.getSpec().getAdditionalProperties())
        .containsExactly(
            java.util.Map.entry("zeta", 1),
            java.util.Map.entry("alpha", 2),
            java.util.Map.entry("mid", 3));
  }
}
