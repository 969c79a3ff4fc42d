package dev.rolloutkit.istio.serializers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.rolloutkit.manifest.Manifests;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.testing.RandomModelObjects;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated Istio serializers, which core's trees use (found as a {@code Serializers} service),
 * against fabric8's mapper with Jackson's own bean serializers: the same trees, in the same field
 * order.
 */
class IstioTreesTest {

  private static final ObjectMapper JACKSON = RandomModelObjects.JACKSON;

  @Test
  void should_make_an_istio_stack_as_the_mapper_does() {
    List<HasMetadata> resources =
        CanaryStack.mcp("mcp-server")
            .namespace("ai-services")
            .image("ghcr.io/acme/mcp-server:1.4.0")
            .build()
            .resources();
    assertThat(resources)
        .hasAtLeastOneElementOfType(VirtualService.class)
        .hasAtLeastOneElementOfType(DestinationRule.class);
    for (HasMetadata resource : resources) {
      if (resource instanceof VirtualService || resource instanceof DestinationRule) {
        assertThat(generated(resource)).as(resource.getKind()).isNotNull();
      }
      assertThat(Manifests.toTree(resource).toString())
          .as(resource.getKind())
          .isEqualTo(JACKSON.valueToTree(resource).toString());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.rolloutkit.testing.RandomModelObjects#seeds")
  void should_make_random_objects_of_every_planned_class_as_the_mapper_does(int seed)
      throws Exception {
    RandomModelObjects.assertTreesAsJackson(
        IstioSerializers.classNames(), seed, IstioTreesTest::generated);
  }

  /**
   * Lint's unknown-field walk, which skips fields that cannot hold an object, finds in Istio
   * objects what reading every field finds.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.rolloutkit.testing.RandomModelObjects#seeds")
  void should_find_the_unknown_fields_reading_every_field_finds(int seed) throws Exception {
    dev.rolloutkit.testing.PlainUnknownFieldsWalk.assertSameAsPlainWalk(
        IstioSerializers.classNames(), seed);
  }

  /** The tree the generated serializer makes without a mapper, or null where it needs one. */
  @SuppressWarnings("unchecked")
  static JsonNode generated(Object value) {
    var serializer =
        (com.fasterxml.jackson.databind.JsonSerializer<Object>)
            new IstioSerializers()
                .findSerializer(
                    null, TypeFactory.defaultInstance().constructType(value.getClass()), null);
    if (serializer == null) {
      return null;
    }
    com.fasterxml.jackson.databind.util.TokenBuffer tokens =
        new com.fasterxml.jackson.databind.util.TokenBuffer(null, false);
    try {
      serializer.serialize(value, tokens, null);
      return JACKSON.readTree(tokens.asParser());
    } catch (UnsupportedOperationException | java.io.IOException e) {
      return null;
    }
  }
}
