package dev.rolloutkit.istio.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolloutkit.internal.StackYaml;
import dev.rolloutkit.internal.wire.MapperFreeWire;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.testing.RandomModelObjects;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated Istio serializers, found by core's mapper as a service, write what Jackson's bean serializers write. */
class IstioWireTest {

  private static final ObjectMapper JACKSON = RandomModelObjects.JACKSON;

  private static final ObjectMapper WIRE = StackYaml.mapper();

  @Test
  void should_be_found_by_the_shared_mapper() throws Exception {
    for (Class<?> kind : List.of(VirtualService.class, DestinationRule.class)) {
      assertThat(WIRE.getSerializerProviderInstance().findValueSerializer(kind).getClass().getPackageName())
          .isEqualTo(IstioSerializers.class.getPackageName());
    }
  }

  @Test
  void should_write_an_istio_stack_as_jackson_does() throws Exception {
    List<HasMetadata> resources = CanaryStack.mcp("mcp-server").namespace("ai-services").image("ghcr.io/acme/mcp-server:1.4.0")
        .build().resources();
    assertThat(resources).hasAtLeastOneElementOfType(VirtualService.class).hasAtLeastOneElementOfType(DestinationRule.class);
    for (HasMetadata resource : resources) {
      assertThat(WIRE.writeValueAsString(resource)).as(resource.getKind()).isEqualTo(JACKSON.writeValueAsString(resource));
      // ... and so does writing it without the mapper, as a cold render of this stack does
      assertThat(WIRE.writeValueAsString(MapperFreeWire.tokens(resource))).isEqualTo(WIRE.writeValueAsString(resource));
      assertThat(MapperFreeWire.tree(resource)).as(resource.getKind()).isEqualTo(WIRE.valueToTree(resource));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.rolloutkit.testing.RandomModelObjects#seeds")
  void should_write_random_objects_of_every_planned_class_as_jackson_does(int seed) throws Exception {
    RandomModelObjects.assertWrittenAsJackson(WIRE, IstioSerializers.classNames(), seed);
  }

  /** Core writes Istio objects without the mapper through this registry too, and what it writes is the mapper's. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.rolloutkit.testing.RandomModelObjects#seeds")
  void should_make_without_the_mapper_what_the_mapper_makes(int seed) throws Exception {
    RandomModelObjects.assertMadeWithoutMapperAsWith(WIRE, IstioSerializers.classNames(), seed, MapperFreeWire::tokens, MapperFreeWire::tree);
  }

  /** Lint's unknown-field walk, which skips fields that cannot hold an object, finds in Istio objects what reading every field finds. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.rolloutkit.testing.RandomModelObjects#seeds")
  void should_find_the_unknown_fields_reading_every_field_finds(int seed) throws Exception {
    dev.rolloutkit.testing.PlainUnknownFieldsWalk.assertSameAsPlainWalk(IstioSerializers.classNames(), seed);
  }
}
