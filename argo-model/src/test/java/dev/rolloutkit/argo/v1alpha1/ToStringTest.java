package dev.rolloutkit.argo.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A kind printed in JShell or a test failure shows what it holds, not only its unknown fields. */
class ToStringTest {

  @Test
  void should_print_a_rollouts_metadata_and_spec() {
    Rollout rollout =
        new RolloutBuilder()
            .withNewMetadata()
            .withName("checkout")
            .withNamespace("shop")
            .endMetadata()
            .withNewSpec()
            .withReplicas(3)
            .endSpec()
            .build();
    assertThat(rollout.toString())
        .startsWith(
            "Rollout(super=CustomResource{kind='Rollout', apiVersion='argoproj.io/v1alpha1',")
        .contains("name=checkout")
        .contains("namespace=shop")
        .contains("spec=RolloutSpec(")
        .contains("replicas=3");
  }
}
