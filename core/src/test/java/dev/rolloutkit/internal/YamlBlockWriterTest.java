package dev.rolloutkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.stack.CanaryStack;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The block writer produces exactly the bytes of fabric8's {@code asYaml} wherever it writes at all, never falls back
 * on what rolloutkit's stacks contain, and refuses (leaving the output as it was) only what it does not reproduce.
 */
class YamlBlockWriterTest {

  @ParameterizedTest
  @MethodSource("dev.rolloutkit.internal.DirectYamlTest#stacks")
  void should_write_every_preset_stack_as_asYaml_does_without_falling_back(CanaryStack stack) {
    for (HasMetadata resource : stack.resources()) {
      assertThat(StackYaml.block(resource)).isEqualTo(StackYaml.viaFabric8(resource));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bankchurn-predictor.yaml", "nlpinsight-none.yaml", "mcp-server-nginx.yaml"})
  void should_write_every_golden_document_read_back_typed_without_falling_back(String golden) throws IOException {
    String yaml = Files.readString(Path.of("src/test/resources/golden", golden), StandardCharsets.UTF_8);
    List<HasMetadata> resources = StackYaml.serialization().unmarshal(yaml);
    assertThat(resources).isNotEmpty();
    StringBuilder all = new StringBuilder();
    resources.forEach(r -> all.append(StackYaml.block(r)));
    assertThat(all.toString()).isEqualTo(yaml);
  }

  /** Pieces that make the writer choose every style: plain, single-quoted, double-quoted, literal, folded lines. */
  private static final String[] PIECES = {
      "", " ", "  ", "a", "y", "n", "Y", "N", "yes", "No", "on", "OFF", "true", "False", "null", "Null", "~", "0", "007",
      "-1", "+2", "0x1F", "1e3", "1.5", ".5", ".inf", "-.Inf", ".nan", "12:30", "2026-11-22", "-", "- a", "--", "---",
      "...", ":", "a: b", "a:b", "#", "a #b", " #", "&a", "*a", "!tag", "|", ">", "'", "''", "\"", "%", "@", "`", "{",
      "}", "[", "]", ",", "?", "? ", "\n", "\n\n", " \n", "\n ", "\\", "\\n", "é", "日本語", "\u0085", "\u2028", "\u2029",
      "\ufeff", "\u00a0", "😀", "{{args.canary-hash}}", "rollouts_pod_template_hash=\"{{args.canary-hash}}\"",
      "sum(rate(x{a=\"b\"}[2m]))", "len(result) > 0 && !isNaN(result[0])",
      "averylongwordthatdoesnotbreakanywhereatallbecauseithasnospacesinsideitandgoesonandonbeyondeightycolumns",
      "several words of ordinary prose that together run well past the eighty column line width of the emitter",
      "word ", " word", "a  b", "x ' y", "x \" y", "t", "tru", "truex", "f", "falsey", "nul", "nullx", "$", "${HOME}",
      "${ X:-y }", "-.inf", "-5", "1_000", "1e", "1e+5", "0.5e-3", "in", "nan", "-", "--1", "0x", "1.2.3"};

  /** Writes with the block writer where it can; counts the documents it refused. */
  private static int assertSameWhereWritten(HasMetadata resource, String what) {
    String expected = StackYaml.viaFabric8(resource);
    StringBuilder out = new StringBuilder("kept\n");
    try {
      new YamlBlockWriter(StackYaml::mapper).write(resource, out);
    } catch (DirectYaml.Unsupported e) {
      assertThat(out).as(what).hasToString("kept\n");
      assertThat(StackYaml.write(resource)).as(what).isEqualTo(expected);
      return 1;
    }
    assertThat(out.substring("kept\n".length())).as(what).isEqualTo(expected);
    return 0;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234, 99991})
  void should_write_seeded_random_documents_as_asYaml_does(long seed) {
    RandomDocuments random = new RandomDocuments(seed, PIECES, 7, r -> new java.math.BigInteger(80, r).negate());
    int refused = 0;
    int documents = 0;
    for (int i = 0; i < 300; i++) {
      GenericKubernetesResource resource = new GenericKubernetesResource();
      resource.setApiVersion("example.dev/v1");
      resource.setKind("Thing");
      resource.setMetadata(new ObjectMetaBuilder().withName("thing-" + i)
          .withLabels(Map.of("k", random.string()))
          .withAnnotations(Map.of("a" + random.string(), random.string())).build());
      resource.setAdditionalProperties(Map.of("spec", random.map(0)));
      refused += assertSameWhereWritten(resource, "seed " + seed + " document " + i);

      HasMetadata configMap = new ConfigMapBuilder().withNewMetadata().withName("cm-" + i).endMetadata()
          .addToData("k" + random.string(), random.string()).addToData("y", random.string())
          .addToData("n", random.string()).addToData("Y", random.string()).build();
      refused += assertSameWhereWritten(configMap, "seed " + seed + " config map " + i);
      documents += 2;
    }
    // Nothing these documents hold needs the fallback: every key and every scalar here is one the writer reproduces.
    assertThat(refused).as("refused of %d", documents).isZero();
  }

  @Test
  void should_refuse_what_it_does_not_reproduce_and_leave_the_output_as_it_was() {
    for (Object value : List.of(new byte[] {1, 2, 3}, 1.5, "tab\there", "bell\u0007", "cr\r", "lone \ud800 surrogate")) {
      GenericKubernetesResource resource = new GenericKubernetesResource();
      resource.setApiVersion("v1");
      resource.setKind("Thing");
      resource.setAdditionalProperties(Map.of("data", value));
      StringBuilder out = new StringBuilder("before\n");
      assertThatThrownBy(() -> new YamlBlockWriter(StackYaml::mapper).write(resource, out)).as("%s", value)
          .isInstanceOf(DirectYaml.Unsupported.class);
      assertThat(out).hasToString("before\n");
      assertThat(StackYaml.write(resource)).isEqualTo(StackYaml.viaFabric8(resource));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {121, 122, 123, 200})
  void should_write_simple_keys_up_to_122_characters_and_longer_ones_as_explicit_keys(int length) {
    GenericKubernetesResource resource = new GenericKubernetesResource();
    resource.setApiVersion("v1");
    resource.setKind("Thing");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("k".repeat(length), List.of("a", List.of(), Map.of()));
    data.put("", "empty key");
    data.put("two\nlines", Map.of("x", List.of(1, 2)));
    data.put("y", List.of());
    data.put("n", Map.of());
    resource.setAdditionalProperties(Map.of("data", data));
    assertThat(StackYaml.block(resource)).isEqualTo(StackYaml.viaFabric8(resource));
  }
}
