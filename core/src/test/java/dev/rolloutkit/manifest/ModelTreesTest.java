package dev.rolloutkit.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolloutkit.analysis.AnalysisGate;
import dev.rolloutkit.manifest.serializers.ModelSerializers;
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
 * The fast path of {@link ModelTrees} (the generated serializers, writing trees without a mapper)
 * against the library path (fabric8's mapper with Jackson's own bean serializers): the same tree,
 * field for field and in the same order, wherever the fast path makes one; and it makes one for
 * every object rolloutkit itself writes.
 */
class ModelTreesTest {

  private static final ObjectMapper JACKSON = RandomModelObjects.JACKSON;

  @Test
  void should_have_a_generated_serializer_for_every_planned_class() throws Exception {
    assertThat(ModelSerializers.classNames()).hasSizeGreaterThan(400);
    for (String name : ModelSerializers.classNames()) {
      Object value = new RandomModelObjects(new java.util.Random(1)).fill(Class.forName(name));
      assertThat(
              new ModelSerializers()
                  .findSerializer(
                      null,
                      com.fasterxml.jackson.databind.type.TypeFactory.defaultInstance()
                          .constructType(value.getClass()),
                      null))
          .as(name)
          .isNotNull();
    }
  }

  @Test
  void should_make_the_preset_stacks_without_the_mapper_as_the_mapper_does() {
    List<HasMetadata> resources = new ArrayList<>();
    resources.addAll(
        CanaryStack.mcp("mcp-server")
            .namespace("ai-services")
            .image("ghcr.io/acme/mcp-server:1.4.0")
            .traffic(TrafficRouter.none())
            .build()
            .resources()); // with Istio: istio-bridge's IstioTreesTest
    resources.addAll(
        CanaryStack.ml("fraud-model").image("ghcr.io/acme/fraud:2").build().resources());
    resources.addAll(
        CanaryStack.nlp("summarizer")
            .image("ghcr.io/acme/nlp:3")
            .traffic(TrafficRouter.none())
            .build()
            .resources());
    resources.add(AnalysisGate.mcpSuccessRate().toAnalysisTemplate("ai-services"));
    assertThat(resources)
        .extracting(HasMetadata::getKind)
        .contains("Ingress", "Rollout", "ScaledObject", "AnalysisTemplate", "Service");
    for (HasMetadata resource : resources) {
      assertThat(ModelTrees.generated(resource)).as(resource.getKind()).isNotNull();
      assertThat(ModelTrees.generated(resource).toString())
          .isEqualTo(JACKSON.valueToTree(resource).toString());
      assertThat(Manifests.toTree(resource).toString())
          .isEqualTo(JACKSON.valueToTree(resource).toString());
    }
  }

  @Test
  void should_leave_to_the_mapper_what_only_it_writes() {
    io.fabric8.kubernetes.api.model.Service quantity =
        new io.fabric8.kubernetes.api.model.Service();
    quantity.setAdditionalProperty("size", new io.fabric8.kubernetes.api.model.Quantity("1Gi"));
    io.fabric8.kubernetes.api.model.Service decimal = new io.fabric8.kubernetes.api.model.Service();
    decimal.setAdditionalProperty("ratio", 0.5);
    io.fabric8.kubernetes.api.model.Service repeated =
        new io.fabric8.kubernetes.api.model.Service();
    repeated.setKind("Service");
    repeated.setAdditionalProperty(
        "kind", null); // written twice: the typed kind, then the additional null
    for (Object value : List.of(quantity, decimal, repeated)) {
      assertThat(ModelTrees.generated(value)).isNull();
      assertThat(Manifests.toTree(value).toString())
          .isEqualTo(JACKSON.valueToTree(value).toString());
    }
  }

  /**
   * Every planned class, filled at random (seeded; see {@link RandomModelObjects} for what varies).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.rolloutkit.testing.RandomModelObjects#seeds")
  void should_make_random_objects_of_every_planned_class_as_the_mapper_does(int seed)
      throws Exception {
    RandomModelObjects.assertTreesAsJackson(
        ModelSerializers.classNames(), seed, ModelTrees::generated);
  }
}
