package dev.rolloutkit.argo.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.testing.ServiceRegistration;
import org.junit.jupiter.api.Test;

/**
 * Every generated top-level kind is registered, so YAML read without naming a class comes back
 * typed.
 */
class ServiceRegistrationTest {

  @Test
  void should_register_every_generated_kind_for_generic_reading() {
    assertThat(ServiceRegistration.generatedKinds(Rollout.class)).hasSize(5);
    assertThat(ServiceRegistration.registered(Rollout.class))
        .containsExactlyInAnyOrderElementsOf(ServiceRegistration.generatedKinds(Rollout.class));
  }
}
