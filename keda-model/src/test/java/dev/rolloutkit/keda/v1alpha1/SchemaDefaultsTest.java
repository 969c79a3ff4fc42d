package dev.rolloutkit.keda.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.keda.v1alpha1.scaledobjectspec.Fallback;
import dev.rolloutkit.testing.Manifests;
import org.junit.jupiter.api.Test;

/**
 * CRD {@code default:} values are the API server's business: the model neither materialises them in
 * objects nor writes them into YAML the user did not ask for (KEDA's {@code fallback.behavior}
 * defaults to {@code static}).
 */
class SchemaDefaultsTest {

  @Test
  void should_not_inject_schema_defaults_into_built_objects() {
    Fallback fallback =
        new ScaledObjectBuilder()
            .withNewSpec()
            .withNewFallback()
            .withFailureThreshold(3)
            .withReplicas(6)
            .endFallback()
            .endSpec()
            .build()
            .getSpec()
            .getFallback();
    assertThat(fallback.getBehavior()).isNull();
    assertThat(Manifests.serialization().asYaml(fallback)).doesNotContain("behavior");
  }

  @Test
  void should_not_inject_schema_defaults_into_round_tripped_yaml() {
    String yaml =
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: so
        spec:
          scaleTargetRef:
            name: app
          fallback:
            failureThreshold: 3
            replicas: 6
          triggers:
          - type: cpu
            metricType: Utilization
            metadata:
              value: "60"
        """;
    Manifests.assertRoundTrip(Manifests.documents(yaml).get(0), "fallback without behavior");
  }

  @Test
  void should_keep_a_default_value_the_user_wrote() {
    String yaml =
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: so
        spec:
          scaleTargetRef:
            name: app
          fallback:
            failureThreshold: 3
            replicas: 6
            behavior: static
          triggers: []
        """;
    ScaledObject so =
        (ScaledObject)
            Manifests.assertRoundTrip(
                Manifests.documents(yaml).get(0), "fallback with behavior: static");
    assertThat(so.getSpec().getFallback().getBehavior()).isEqualTo(Fallback.Behavior._STATIC);
  }
}
