package dev.rolloutkit.argo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import org.junit.jupiter.api.Test;

/**
 * Which fields the unknown-field walk need not read (the walk as a whole: core's
 * UnknownFieldsWalkTest).
 */
class UnknownFieldsTest {

  @Test
  void should_treat_fields_declared_as_scalars_or_collections_of_them_as_leaves() throws Exception {
    assertThat(
            UnknownFields.leaf(
                ContainerPort.class.getDeclaredField("containerPort").getGenericType()))
        .isTrue();
    assertThat(UnknownFields.leaf(ObjectMeta.class.getDeclaredField("labels").getGenericType()))
        .isTrue();
    assertThat(UnknownFields.leaf(ObjectMeta.class.getDeclaredField("finalizers").getGenericType()))
        .isTrue();
    assertThat(
            UnknownFields.leaf(
                ObjectMeta.class.getDeclaredField("ownerReferences").getGenericType()))
        .isFalse();
    assertThat(
            UnknownFields.leaf(
                ObjectMeta.class.getDeclaredField("additionalProperties").getGenericType()))
        .isFalse();
  }
}
