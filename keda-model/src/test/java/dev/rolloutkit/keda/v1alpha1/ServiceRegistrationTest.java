package dev.rolloutkit.keda.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.keda.eventing.v1alpha1.CloudEventSource;
import dev.rolloutkit.testing.ServiceRegistration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every generated top-level kind is registered, so YAML read without naming a class comes back
 * typed.
 */
class ServiceRegistrationTest {

  @Test
  void should_register_every_generated_kind_for_generic_reading() {
    List<String> generated =
        new ArrayList<>(ServiceRegistration.generatedKinds(ScaledObject.class));
    generated.addAll(ServiceRegistration.generatedKinds(CloudEventSource.class));
    assertThat(generated).hasSize(6);
    assertThat(ServiceRegistration.registered(ScaledObject.class))
        .containsExactlyInAnyOrderElementsOf(generated);
  }
}
