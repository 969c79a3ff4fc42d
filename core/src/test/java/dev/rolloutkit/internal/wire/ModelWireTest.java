package dev.rolloutkit.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolloutkit.analysis.AnalysisGate;
import dev.rolloutkit.internal.StackYaml;
import dev.rolloutkit.internal.wire.model.ModelSerializers;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.testing.RandomModelObjects;
import dev.rolloutkit.traffic.TrafficRouter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated serializers write exactly what Jackson's bean serializers write, under the same fabric8 configuration:
 * compared as JSON text (so field order counts) with a mapper that has no generated serializers.
 */
class ModelWireTest {

  /** Configured as rolloutkit's mapper was before the generated serializers: the reference. */
  private static final ObjectMapper JACKSON = RandomModelObjects.JACKSON;

  private static final ObjectMapper WIRE = StackYaml.mapper();

  @Test
  void should_hand_jackson_a_generated_serializer_for_every_planned_class() throws Exception {
    assertThat(ModelSerializers.classNames()).hasSize(ModelSerializers.CLASSES).hasSizeGreaterThan(400);
    for (String name : ModelSerializers.classNames()) {
      Class<?> type = Class.forName(name);
      assertThat(WIRE.getSerializerProviderInstance().findValueSerializer(type).getClass().getPackageName())
          .as(name).isEqualTo(ModelSerializers.class.getPackageName());
    }
  }

  @Test
  void should_write_the_preset_stacks_as_jackson_does() throws Exception {
    List<HasMetadata> resources = new ArrayList<>();
    resources.addAll(CanaryStack.mcp("mcp-server").namespace("ai-services").image("ghcr.io/acme/mcp-server:1.4.0")
        .traffic(TrafficRouter.nginx()).build().resources());
    resources.addAll(CanaryStack.ml("fraud-model").image("ghcr.io/acme/fraud:2").build().resources());
    resources.addAll(CanaryStack.nlp("summarizer").image("ghcr.io/acme/nlp:3").build().resources());
    resources.add(AnalysisGate.mcpSuccessRate().toAnalysisTemplate("ai-services"));
    for (HasMetadata resource : resources) {
      assertThat(WIRE.writeValueAsString(resource)).as(resource.getKind()).isEqualTo(JACKSON.writeValueAsString(resource));
      assertThat(WIRE.valueToTree(resource).toString()).isEqualTo(JACKSON.valueToTree(resource).toString());
    }
  }

  @Test
  void should_write_and_check_the_preset_stacks_without_the_mapper() throws Exception {
    List<HasMetadata> resources = new ArrayList<>();
    resources.addAll(CanaryStack.mcp("mcp-server").namespace("ai-services").image("ghcr.io/acme/mcp-server:1.4.0")
        .traffic(TrafficRouter.none()).build().resources()); // with Istio: IstioWireTest
    resources.addAll(CanaryStack.ml("fraud-model").image("ghcr.io/acme/fraud:2").traffic(TrafficRouter.none()).build().resources());
    resources.addAll(CanaryStack.nlp("summarizer").image("ghcr.io/acme/nlp:3").traffic(TrafficRouter.none()).build().resources());
    // the ML and NLP presets' own router: NGINX, whose Ingress is generated too
    resources.addAll(CanaryStack.ml("fraud-model").image("ghcr.io/acme/fraud:2").build().resources());
    resources.addAll(CanaryStack.nlp("summarizer").image("ghcr.io/acme/nlp:3").build().resources());
    assertThat(resources).extracting(HasMetadata::getKind).contains("Ingress");
    for (HasMetadata resource : resources) {
      assertThat(MapperFreeWire.tokens(resource)).as(resource.getKind()).isNotNull();
      assertThat(WIRE.writeValueAsString(MapperFreeWire.tokens(resource))).isEqualTo(WIRE.writeValueAsString(resource));
      assertThat(MapperFreeWire.tree(resource)).as(resource.getKind()).isEqualTo(WIRE.valueToTree(resource));
    }
  }

  @Test
  void should_leave_to_the_mapper_what_only_it_writes() {
    io.fabric8.kubernetes.api.model.Service quantity = new io.fabric8.kubernetes.api.model.Service();
    quantity.setAdditionalProperty("size", new io.fabric8.kubernetes.api.model.Quantity("1Gi"));
    io.fabric8.kubernetes.api.model.Service decimal = new io.fabric8.kubernetes.api.model.Service();
    decimal.setAdditionalProperty("ratio", 0.5);
    io.fabric8.kubernetes.api.model.Service repeated = new io.fabric8.kubernetes.api.model.Service();
    repeated.setKind("Service");
    repeated.setAdditionalProperty("kind", null); // written twice: the typed kind, then the additional null
    assertThat(MapperFreeWire.tokens(quantity)).isNull();
    assertThat(MapperFreeWire.tokens(decimal)).isNull();
    assertThat(MapperFreeWire.tokens(repeated)).isNotNull();
    assertThat(MapperFreeWire.tree(repeated)).isNull();
  }

  /** Where the generated serializers can write without the mapper, they write what they write with it. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.rolloutkit.testing.RandomModelObjects#seeds")
  void should_make_without_the_mapper_what_the_mapper_makes(int seed) throws Exception {
    RandomModelObjects.assertMadeWithoutMapperAsWith(WIRE, ModelSerializers.classNames(), seed, MapperFreeWire::tokens, MapperFreeWire::tree);
  }

  /**
   * The tree is built as the serializer writes ({@code TreeGenerator}); it must be what reading back the tokens the
   * serializer writes gives, and be left to the mapper exactly where that is.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.rolloutkit.testing.RandomModelObjects#seeds")
  void should_build_the_tree_that_reading_back_the_tokens_builds(int seed) throws Exception {
    java.util.Random random = new java.util.Random(seed);
    int built = 0;
    for (String name : ModelSerializers.classNames()) {
      Object value = new RandomModelObjects(random).fill(Class.forName(name));
      com.fasterxml.jackson.databind.JsonNode expected = MapperFreeWire.treeThroughTokens(value);
      assertThat(MapperFreeWire.tree(value)).as("%s, seed %d", name, seed).isEqualTo(expected);
      built += expected == null ? 0 : 1;
    }
    assertThat(built).as("trees built, seed %d", seed).isGreaterThan(ModelSerializers.classNames().size() / 5);
  }

  /** Every planned class, filled at random (seeded; see {@link RandomModelObjects} for what varies). */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.rolloutkit.testing.RandomModelObjects#seeds")
  void should_write_random_objects_of_every_planned_class_as_jackson_does(int seed) throws Exception {
    RandomModelObjects.assertWrittenAsJackson(WIRE, ModelSerializers.classNames(), seed);
  }
}
