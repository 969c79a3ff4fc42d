package dev.rolloutkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.traffic.Port;
import dev.rolloutkit.traffic.TrafficRouter;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The direct YAML writer produces exactly the bytes of fabric8's {@code asYaml}: for every preset stack, every golden
 * document read back typed, and seeded random documents full of strings YAML must quote, fold or escape.
 */
class DirectYamlTest {

  public static Stream<CanaryStack> stacks() {
    return Stream.of(
        CanaryStack.mcp("mcp-server").namespace("ai-services").image("ghcr.io/acme/mcp-server:1.4.0")
            .traffic(TrafficRouter.nginx()).build(),
        CanaryStack.ml("bankchurn-predictor").namespace("ml-portfolio").image("ghcr.io/acme/bankchurn:3.2.0")
            .addPort(Port.of("http", 80, 8000)).putLabel("team", "ml-platform").build(),
        CanaryStack.nlp("nlpinsight").namespace("nlp").image("ghcr.io/acme/nlpinsight:0.9.1").build());
  }

  @ParameterizedTest
  @MethodSource("stacks")
  void should_write_every_preset_stack_as_asYaml_does_without_falling_back(CanaryStack stack) {
    for (HasMetadata resource : stack.resources()) {
      assertThat(StackYaml.direct(resource)).isEqualTo(StackYaml.viaFabric8(resource));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bankchurn-predictor.yaml", "nlpinsight-none.yaml", "mcp-server-nginx.yaml"})
  void should_write_every_golden_document_read_back_typed_as_asYaml_does(String golden) throws IOException {
    String yaml = Files.readString(Path.of("src/test/resources/golden", golden), StandardCharsets.UTF_8);
    List<HasMetadata> resources = StackYaml.serialization().unmarshal(yaml);
    assertThat(resources).isNotEmpty();
    StringBuilder all = new StringBuilder();
    for (HasMetadata resource : resources) {
      String direct = StackYaml.direct(resource);
      assertThat(direct).isEqualTo(StackYaml.viaFabric8(resource));
      all.append(direct);
    }
    assertThat(all.toString()).isEqualTo(yaml);
  }

  /** Pieces of strings that YAML treats specially somewhere: indicators, booleans, numbers, breaks, non-ASCII. */
  private static final String[] PIECES = {
      "", " ", "  ", "a", "y", "n", "Y", "N", "yes", "No", "on", "OFF", "true", "False", "null", "Null", "~", "0", "007",
      "-1", "+2", "0x1F", "0o17", "1e3", "1.5", ".5", ".inf", "-.Inf", ".nan", "NaN", "12:30", "2026-11-22", "-", "- a",
      "--", "---", "...", ":", "a: b", "a:b", "#", "a #b", " #", "&a", "*a", "!tag", "!!str", "|", ">", "'", "''", "\"",
      "%", "@", "`", "{", "}", "[", "]", ",", "?", "? ", "\t", "\n", "\n\n", "\r\n", "\r", " \n", "\\", "\\n", "é",
      "日本語", "\u0085", "\u2028", "\ufeff", "\u0007", "\u001b", "\u00a0", "😀", "{{args.canary-hash}}",
      "rollouts_pod_template_hash=\"{{args.canary-hash}}\"", "sum(rate(x{a=\"b\"}[2m]))", "len(result) > 0 && !isNaN(result[0])",
      "averylongwordthatdoesnotbreakanywhereatallbecauseithasnospacesinsideitandgoesonandonbeyondeightycolumns",
      "several words of ordinary prose that together run well past the eighty column line width of the emitter",
  };

  /** Doubles of every kind the writer must refuse or reproduce: NaN, infinities, negative zero, huge and plain ones. */
  private static Object aDouble(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> Double.NaN;
      case 1 -> Double.POSITIVE_INFINITY;
      case 2 -> -0.0;
      case 3 -> 1e300;
      default -> random.nextDouble() * 1000;
    };
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234, 99991})
  void should_write_seeded_random_documents_as_asYaml_does(long seed) {
    RandomDocuments random = new RandomDocuments(seed, PIECES, 6, DirectYamlTest::aDouble);
    for (int i = 0; i < 200; i++) {
      GenericKubernetesResource resource = new GenericKubernetesResource();
      resource.setApiVersion("example.dev/v1");
      resource.setKind("Thing");
      resource.setMetadata(new ObjectMetaBuilder().withName("thing-" + i)
          .withLabels(Map.of("k", random.string()))
          .withAnnotations(Map.of(random.string(), random.string())).build());
      resource.setAdditionalProperties(Map.of("spec", random.map(0)));
      String expected = StackYaml.viaFabric8(resource);
      assertThat(StackYaml.direct(resource)).as("seed %d document %d", seed, i).isEqualTo(expected);

      HasMetadata configMap = new ConfigMapBuilder().withNewMetadata().withName("cm-" + i).endMetadata()
          .addToData(random.string(), random.string()).addToData("y", random.string())
          .addToData("n", random.string()).addToData("Y", random.string()).build();
      assertThat(StackYaml.direct(configMap)).as("seed %d config map %d", seed, i)
          .isEqualTo(StackYaml.viaFabric8(configMap));
    }
  }

  @Test
  void should_refuse_what_it_cannot_reproduce_and_leave_the_output_as_it_was() {
    GenericKubernetesResource resource = new GenericKubernetesResource();
    resource.setApiVersion("v1");
    resource.setKind("Thing");
    resource.setAdditionalProperties(Map.of("data", new byte[] {1, 2, 3}));
    StringBuilder out = new StringBuilder("before\n");
    assertThatThrownBy(() -> new DirectYaml(new com.fasterxml.jackson.databind.ObjectMapper()).write(resource, out))
        .isInstanceOf(DirectYaml.Unsupported.class);
    assertThat(out).hasToString("before\n");
    assertThat(StackYaml.write(resource)).isEqualTo(StackYaml.viaFabric8(resource));
  }
}
