package dev.rolloutkit.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolloutkit.lint.Lint;
import dev.rolloutkit.manifest.Manifest;
import dev.rolloutkit.manifest.Manifests;
import dev.rolloutkit.manifest.YamlFormat;
import dev.rolloutkit.rules.Finding;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.testing.RandomModelObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * rolloutkit's YAML against an oracle of kubectl's reading ({@link GoYamlOracle}) on seeded
 * documents with every YAML feature and adversarial scalars ({@link YamlDocuments}): the manifest
 * seam reads what kubectl reads (or refuses what kubectl refuses), {@code fmt} keeps what kubectl
 * reads and is idempotent, and what rolloutkit writes reads back as the objects it wrote.
 */
class KubernetesReadingDifferentialTest {

  private static final int CASES = Integer.getInteger("cases", 3000);
  private static final long SEED = 20261206L;

  /** Numbers by value (Go writes 3.0 as 3), objects by content regardless of key order. */
  static JsonNode canonical(JsonNode node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node.isFloatingPointNumber()) {
      return f.textNode("#float " + node.doubleValue());
    }
    if (node.isNumber()) {
      return f.textNode("#int " + node.bigIntegerValue());
    }
    if (node.isObject()) {
      ObjectNode sorted = f.objectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      for (String n : names) {
        sorted.set(n, canonical(node.get(n)));
      }
      return sorted;
    }
    if (node.isArray()) {
      var array = f.arrayNode();
      node.forEach(n -> array.add(canonical(n)));
      return array;
    }
    return node;
  }

  private static List<JsonNode> canonical(List<JsonNode> documents) {
    return documents.stream().map(KubernetesReadingDifferentialTest::canonical).toList();
  }

  /** What rolloutkit reads: the documents, or null when it reports any document unreadable. */
  private static List<JsonNode> ours(String text, List<String> errors) {
    List<JsonNode> documents = new ArrayList<>();
    for (Manifest m : Manifests.readData("case.yaml", text)) {
      if (m.error().isPresent()) {
        errors.add(m.error().get().toString());
        return null;
      }
      m.tree().ifPresent(documents::add);
    }
    return documents;
  }

  private static boolean hasYaml11Break(String text) {
    return text.indexOf('\u0085') >= 0
        || text.indexOf('\u2028') >= 0
        || text.indexOf('\u2029') >= 0;
  }

  @Test
  void should_read_every_document_as_kubectl_reads_it_and_format_without_changing_it() {
    Random random = new Random(SEED);
    int decided = 0;
    int refusedByBoth = 0;
    int formatted = 0;
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < CASES && failures.size() < 5; i++) {
      String text = YamlDocuments.text(random);
      List<JsonNode> kubectl;
      boolean kubectlRefuses = false;
      try {
        kubectl = canonical(GoYamlOracle.read(text));
      } catch (GoYamlOracle.Undecided e) {
        continue;
      } catch (GoYamlOracle.Refused e) {
        kubectl = null;
        kubectlRefuses = true;
      }
      decided++;
      List<String> errors = new ArrayList<>();
      List<JsonNode> read = ours(text, errors);
      if (kubectlRefuses) {
        if (read != null) {
          failures.add(
              "case " + i + ": kubectl refuses it, rolloutkit reads " + read + "\n" + text);
        } else {
          refusedByBoth++;
        }
        continue;
      }
      if (read == null) {
        if (!hasYaml11Break(text)) {
          failures.add(
              "case "
                  + i
                  + ": kubectl reads "
                  + kubectl
                  + ", rolloutkit refuses: "
                  + errors
                  + "\n"
                  + text);
        }
        continue;
      }
      if (!canonical(read).equals(kubectl)) {
        failures.add(
            "case "
                + i
                + ": kubectl reads\n  "
                + kubectl
                + "\nrolloutkit reads\n  "
                + canonical(read)
                + "\n"
                + text);
        continue;
      }
      YamlFormat.Result once = YamlFormat.format("case.yaml", text);
      if (once.refused().isPresent()) {
        continue;
      }
      formatted++;
      try {
        List<JsonNode> after = canonical(GoYamlOracle.read(once.text()));
        if (!after.equals(kubectl)) {
          failures.add(
              "case "
                  + i
                  + ": after fmt kubectl reads\n  "
                  + after
                  + "\ninstead of\n  "
                  + kubectl
                  + "\n--- before:\n"
                  + text
                  + "--- after:\n"
                  + once.text());
          continue;
        }
      } catch (GoYamlOracle.Undecided | GoYamlOracle.Refused e) {
        failures.add("case " + i + ": kubectl cannot read fmt's text: " + e + "\n" + once.text());
        continue;
      }
      YamlFormat.Result twice = YamlFormat.format("case.yaml", once.text());
      if (twice.changed() || !twice.text().equals(once.text())) {
        failures.add(
            "case " + i + ": fmt is not idempotent\n" + once.text() + "---\n" + twice.text());
      }
    }
    if (!failures.isEmpty()) {
      fail(String.join("\n\n", failures));
    }
    assertThat(decided).as("cases the oracle decided").isGreaterThan(CASES * 2 / 3);
    assertThat(formatted).as("cases formatted").isGreaterThan(CASES / 3);
    assertThat(refusedByBoth).as("cases kubectl and rolloutkit both refuse").isPositive();
  }

  /** The model classes a manifest holds most often, generated and fabric8's. */
  private static final List<String> KINDS =
      List.of(
          "dev.rolloutkit.argo.v1alpha1.Rollout",
          "dev.rolloutkit.argo.v1alpha1.AnalysisTemplate",
          "dev.rolloutkit.argo.v1alpha1.ClusterAnalysisTemplate",
          "dev.rolloutkit.argo.v1alpha1.Experiment",
          "dev.rolloutkit.keda.v1alpha1.ScaledObject",
          "dev.rolloutkit.keda.v1alpha1.TriggerAuthentication",
          "io.fabric8.kubernetes.api.model.Service",
          "io.fabric8.kubernetes.api.model.ConfigMap",
          "io.fabric8.kubernetes.api.model.networking.v1.Ingress");

  private static String adversarial(Random random) {
    List<String> pool = random.nextBoolean() ? YamlDocuments.PLAIN : YamlDocuments.TEXT;
    return pool.get(random.nextInt(pool.size()));
  }

  @Test
  void should_write_objects_whose_every_string_kubectl_reads_back_as_written() throws Exception {
    Random random = new Random(SEED);
    int checked = 0;
    for (int i = 0; i < 2000; i++) {
      String kind = KINDS.get(i % KINDS.size());
      Object object =
          new RandomModelObjects(random, KubernetesReadingDifferentialTest::adversarial)
              .fill(Class.forName(kind));
      String yaml = Manifests.toYaml(object);
      JsonNode written = canonical(Manifests.toTree(object));
      List<JsonNode> kubectl;
      try {
        kubectl = canonical(GoYamlOracle.read(yaml));
      } catch (GoYamlOracle.Undecided | GoYamlOracle.Refused e) {
        throw new AssertionError(
            "case " + i + " (" + kind + "): " + e.getMessage() + "\n" + yaml, e);
      }
      assertThat(kubectl).as("case %d (%s):%n%s", i, kind, yaml).containsExactly(written);
      checked++;
    }
    assertThat(checked).isEqualTo(2000);
  }

  /** A mapping key line of the rendered stack: its indentation and key. */
  private static final Pattern KEY_LINE = Pattern.compile("^( *)([A-Za-z][A-Za-z0-9]*):( .*)?$");

  /** Fields whose value is a free-form map, where any key is expected. */
  private static final List<String> FREE_FORM =
      List.of("labels", "annotations", "matchLabels", "selector", "metadata", "data");

  @Test
  void should_place_a_planted_unknown_field_at_the_line_and_column_it_was_written() {
    String rendered =
        CanaryStack.mcp("mcp-server")
            .namespace("ai-services")
            .image("ghcr.io/acme/mcp-server:1.4.0")
            .traffic(dev.rolloutkit.traffic.TrafficRouter.nginx())
            .build()
            .toYaml();
    List<String> lines = List.of(rendered.split("\n", -1));
    Random random = new Random(SEED);
    int planted = 0;
    for (int i = 0; i < 300; i++) {
      int at = random.nextInt(lines.size());
      Matcher m = KEY_LINE.matcher(lines.get(at));
      if (!m.matches() || m.group(1).isEmpty() || freeFormParent(lines, at, m.group(1).length())) {
        continue;
      }
      String indent = m.group(1);
      String name = "zzPlanted" + i;
      String key =
          switch (random.nextInt(3)) {
            case 0 -> "'" + name + "'";
            case 1 -> "\"" + name + "\"";
            default -> name;
          };
      String value = List.of("1", "x", "{}", "[a, b]", "'q' # c").get(random.nextInt(5));
      List<String> edited = new ArrayList<>(lines);
      edited.add(at, indent + key + ": " + value);
      if (random.nextBoolean()) {
        edited.add(at, indent + "# a comment");
        at++;
      }
      String text = String.join("\n", edited);
      List<Finding> found =
          Lint.yaml(text).findings().stream()
              .filter(f -> f.rule().equals("SCHEMA-UNKNOWN-FIELD"))
              .toList();
      int line = at + 1;
      int column = indent.length() + 1;
      assertThat(found)
          .as("planted %s at %d:%d%n%s", name, line, column, text)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.location().orElseThrow().line()).isEqualTo(line);
                assertThat(f.location().orElseThrow().column()).isEqualTo(column);
                assertThat(f.message()).contains(name);
              });
      planted++;
    }
    assertThat(planted).isGreaterThan(50);
  }

  /** Whether the mapping holding the key at {@code at} (indented {@code indent}) is free-form. */
  private static boolean freeFormParent(List<String> lines, int at, int indent) {
    for (int i = at - 1; i >= 0; i--) {
      Matcher m = KEY_LINE.matcher(lines.get(i).replaceFirst("^( *)- ", "$1  "));
      if (m.matches() && m.group(1).length() < indent) {
        return FREE_FORM.contains(m.group(2));
      }
    }
    return false;
  }
}
