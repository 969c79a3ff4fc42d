package dev.rolloutkit.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.stack.Preset;
import dev.rolloutkit.traffic.TrafficRouter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path of YAML writing against snakeyaml-engine's emitter (the library path): whatever it
 * writes is the emitter's text byte for byte, and what it cannot write it leaves to the emitter.
 */
class FastYamlTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static String library(List<JsonNode> documents) {
    StringBuilder out = new StringBuilder();
    YamlWriter.emit(documents, out);
    return out.toString();
  }

  /** The fast path's text, or null where it gave up (leaving {@code out} as it was). */
  private static String fast(List<JsonNode> documents) {
    StringBuilder out = new StringBuilder("kept");
    if (!FastYaml.write(documents, out)) {
      assertThat(out.toString()).isEqualTo("kept");
      return null;
    }
    return out.substring(4);
  }

  private static List<JsonNode> trees(CanaryStack stack) {
    List<JsonNode> trees = new ArrayList<>();
    for (Object resource : stack.resources()) {
      trees.add(Manifests.toTree(resource));
    }
    return trees;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Preset.class)
  void should_write_every_preset_stack_itself_as_the_emitter_does(Preset preset) {
    // (core's routers here; the Istio stacks' golden files, written by the emitter, are checked in
    // the command line's PresetGoldenTest)
    for (TrafficRouter router : TrafficRouter.all()) {
      CanaryStack stack =
          preset
              .stack("demo")
              .namespace("shop")
              .image("ghcr.io/acme/demo:1.0.0")
              .traffic(router)
              .build();
      List<JsonNode> trees = trees(stack);
      assertThat(fast(trees)).as(router.name()).isNotNull().isEqualTo(library(trees));
    }
  }

  /** Scalars chosen to sit on every edge of the emitter's choice of style. */
  private static final List<String> TEXTS =
      List.of(
          "a",
          "mcp-server",
          "ghcr.io/acme/app:1.4.0",
          "sum(rate(x{a=\"b\"}[2m])) / 2",
          "a: b",
          "a:b",
          "a:",
          "a #b",
          "a#b",
          "#a",
          "-a",
          "- a",
          "-",
          "?a",
          "? a",
          ":a",
          ": a",
          "a b",
          " a",
          "a ",
          "a  b",
          "'a'",
          "\"a\"",
          "it's",
          "''",
          "%a",
          "@a",
          "`a",
          "!a",
          "&a",
          "*a",
          "|a",
          ">a",
          "[a]",
          "{a}",
          "a,b",
          "a[0]",
          "---",
          "--- a",
          "...",
          "...a",
          "a---",
          "yes",
          "No",
          "ON",
          "off",
          "y",
          "n",
          "true",
          "False",
          "null",
          "~",
          "1",
          "01",
          "0x1F",
          "0o7",
          "1e3",
          "1.5",
          ".5",
          "-1",
          "+1",
          "1_000",
          "1:30",
          "2024-01-01",
          "2024-01-01T10:00:00Z",
          ".inf",
          ".nan",
          "<<",
          "=",
          "50",
          "0",
          "100%",
          "1m",
          "2m30s",
          "",
          " ",
          "a\tb",
          "a\nb",
          "a\n",
          "\u00e9t\u00e9",
          "\u2028",
          "x".repeat(127),
          "x".repeat(128),
          "a:\u00a0b",
          "a #",
          "a:#",
          "#",
          "a b #c");

  private static JsonNode scalar(Random random) {
    return switch (random.nextInt(10)) {
      case 0 -> NODES.numberNode(random.nextInt(2000) - 1000);
      case 1 -> NODES.numberNode(new BigDecimal(random.nextInt(100000)).movePointLeft(3));
      case 2 -> NODES.numberNode(random.nextDouble() * 10);
      case 3 -> NODES.booleanNode(random.nextBoolean());
      case 4 -> NODES.nullNode();
      default -> NODES.textNode(TEXTS.get(random.nextInt(TEXTS.size())));
    };
  }

  private static JsonNode node(Random random, int depth) {
    int pick = depth > 3 ? 9 : random.nextInt(10);
    if (pick < 3) {
      ObjectNode object = NODES.objectNode();
      for (int n = random.nextInt(4); n > 0; n--) {
        object.set(TEXTS.get(random.nextInt(TEXTS.size())), node(random, depth + 1));
      }
      return object;
    }
    if (pick < 5) {
      ArrayNode array = NODES.arrayNode();
      for (int n = random.nextInt(4); n > 0; n--) {
        array.add(node(random, depth + 1));
      }
      return array;
    }
    return scalar(random);
  }

  @Test
  void should_write_seeded_random_documents_as_the_emitter_does_or_leave_them_to_it() {
    Random random = new Random(42);
    int written = 0;
    int documents = 4000;
    for (int i = 0; i < documents; i++) {
      List<JsonNode> docs = new ArrayList<>();
      for (int d = 1 + random.nextInt(2); d > 0; d--) {
        ObjectNode doc = NODES.objectNode();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
          doc.set(random.nextBoolean() ? "kind" : TEXTS.get(random.nextInt(8)), node(random, 0));
        }
        docs.add(doc);
      }
      String fast;
      try {
        fast = fast(docs);
      } catch (IllegalArgumentException e) {
        continue; // what no path can write (a lone surrogate, NaN) is refused by both
      }
      if (fast != null) {
        written++;
        assertThat(fast).as("seed 42, document %d:%n%s", i, docs).isEqualTo(library(docs));
      }
    }
    assertThat(written).as("documents the fast path wrote itself").isGreaterThan(documents / 10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a: b", "-a", "a\nb", "\u00e9", "a\tb", ""})
  void should_leave_a_text_it_cannot_decide_to_the_emitter(String text) {
    ObjectNode doc = NODES.objectNode();
    doc.put("k", text);
    assertThat(fast(List.of(doc))).isNull();
  }

  @Test
  void should_leave_sequences_in_sequences_and_long_keys_to_the_emitter() {
    ObjectNode nested = NODES.objectNode();
    nested.putArray("k").addArray().add("a");
    ObjectNode longKey = NODES.objectNode();
    longKey.put("k".repeat(128), "v");
    assertThat(fast(List.of(nested))).isNull();
    assertThat(fast(List.of(longKey))).isNull();
    assertThat(fast(List.<JsonNode>of(NODES.arrayNode().add("a")))).isNull();
  }
}
