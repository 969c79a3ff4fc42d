package dev.rolloutkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.argo.UnknownFields;
import dev.rolloutkit.manifest.serializers.ModelSerializers;
import dev.rolloutkit.testing.PlainUnknownFieldsWalk;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The unknown-field walk skips what cannot hold an object (fields declared as text, numbers, flags,
 * enums, or lists and maps of them) and keeps its place as a stack: it finds exactly what reading
 * every field finds.
 */
class UnknownFieldsWalkTest {

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.rolloutkit.testing.RandomModelObjects#seeds")
  void should_find_what_reading_every_field_finds_in_every_generated_and_kubernetes_class(int seed)
      throws Exception {
    PlainUnknownFieldsWalk.assertSameAsPlainWalk(ModelSerializers.classNames(), seed);
  }

  @Test
  void should_name_unknown_fields_at_the_root_and_under_list_items() {
    ObjectMeta meta = new ObjectMeta();
    meta.setAdditionalProperty("nmae", "x");
    io.fabric8.kubernetes.api.model.OwnerReference owner =
        new io.fabric8.kubernetes.api.model.OwnerReference();
    owner.setAdditionalProperty("knd", "Deployment");
    meta.setOwnerReferences(List.of(owner));
    assertThat(UnknownFields.in(meta)).containsExactly("ownerReferences[0].knd", "nmae");
    assertThat(UnknownFields.in(List.of(owner))).containsExactly("[0].knd");
  }
}
