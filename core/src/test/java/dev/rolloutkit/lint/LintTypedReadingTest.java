package dev.rolloutkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolloutkit.argo.internal.UnknownFields;
import dev.rolloutkit.internal.StackYaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A document whose numbers all print as written is read typed straight from its tokens once its kind's class is known,
 * and what that reads is what fabric8's way (a tree first, then the tree typed) reads; what it cannot read goes the
 * tree's way, so lint's reading always ends as fabric8's does. Checked on the golden stacks and on seeded mutations of
 * them (one plain value replaced by numbers written in ways that do and do not print as written, strings, flags, nulls,
 * empty strings, lists and maps).
 */
class LintTypedReadingTest {

  private static final ObjectMapper JSON = StackYaml.mapper();
  /** Values put in place of a plain value: numbers that print as written and numbers that do not, and other scalars. */
  private static final List<String> VALUES = List.of("8080", "-1", "0", "42", "99999999999", "1.10", "010", "+5", "1_000", "0x1F",
      "1e3", "2.5", "-0", "0o17", ".inf", "true", "yes", "On", "no", "~", "x", "''", "null", "'8080'", "\"1.10\"", "[]", "{}", "[1, 2]",
      "{a: 1}");

  private static List<String> manifests() throws Exception {
    List<String> texts = new ArrayList<>();
    for (String root : List.of("src/test/resources", "../istio-bridge/src/test/resources", "../examples/src/test/resources",
        "../examples/src/main/resources")) {
      Path dir = Path.of(root);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
          texts.add(Files.readString(f));
        }
      }
    }
    return texts;
  }

  /** {@code text} with the plain value of one random {@code key: value} line replaced. */
  private static String mutated(String text, Random random) {
    String[] lines = text.split("\n", -1);
    for (int attempt = 0; attempt < 20; attempt++) {
      int i = random.nextInt(lines.length);
      int colon = lines[i].indexOf(": ");
      if (colon > 0 && !lines[i].trim().startsWith("#") && !lines[i].trim().startsWith("apiVersion") && !lines[i].trim().startsWith("kind")
          && !lines[i].endsWith(": |") && !lines[i].endsWith(": |-")) {
        lines[i] = lines[i].substring(0, colon + 2) + VALUES.get(random.nextInt(VALUES.size()));
        return String.join("\n", lines);
      }
    }
    return text;
  }

  private static String outcome(HasMetadata resource) throws Exception {
    return resource.getClass().getName() + " " + JSON.writeValueAsString(resource) + " " + UnknownFields.in(resource);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void should_read_typed_from_tokens_what_fabric8_reads_through_a_tree(int seed) throws Exception {
    Random random = new Random(seed);
    List<String> manifests = manifests();
    assertThat(manifests).hasSizeGreaterThanOrEqualTo(7); // the golden stacks: Services, Istio, NGINX, Argo and KEDA kinds
    int direct = 0;
    int differWithoutTheGuard = 0;
    for (int round = 0; round < 12; round++) {
      for (String manifest : manifests) {
        String text = round == 0 ? manifest : mutated(manifest, random);
        List<YamlLocations> documents;
        try {
          documents = YamlLocations.of("m.yaml", text, Lint.yamlMapper());
        } catch (Exception notYaml) {
          continue;
        }
        for (YamlLocations document : documents) {
          if (!document.mapping() || document.topLevelText("apiVersion") == null || document.topLevelText("kind") == null) {
            continue;
          }
          String throughTree;
          Class<?> type;
          try {
            HasMetadata resource = Lint.typedThroughTree(document);
            throughTree = outcome(resource);
            type = resource.getClass();
          } catch (IllegalArgumentException e) {
            throughTree = "failed";
            type = null;
          }
          // lint's own reading: the same outcome, whichever way it took
          String linted;
          try {
            linted = outcome(Lint.typed(document));
          } catch (IllegalArgumentException e) {
            linted = "failed";
          }
          assertThat(linted).as(text).isEqualTo(throughTree);
          if (type == null || type == io.fabric8.kubernetes.api.model.GenericKubernetesResource.class) {
            continue;
          }
          String directly;
          try {
            directly = outcome(Lint.typedDirectly(document, type));
          } catch (IllegalArgumentException e) {
            directly = "failed";
          }
          if (document.plainNumbers()) {
            // where reading from the tokens fails (an empty string in an integer field fails there, and is null through a
            // tree), lint reads the tree's way, as checked above; where it reads, it reads what the tree gives
            if (!directly.equals("failed")) {
              direct++;
              assertThat(directly).as(text).isEqualTo(throughTree);
            }
          } else if (!directly.equals(throughTree)) {
            differWithoutTheGuard++;
          }
        }
      }
    }
    assertThat(direct).as("documents read straight from their tokens").isGreaterThan(200);
    assertThat(differWithoutTheGuard).as("documents the guard keeps on the tree's way, which would read differently").isGreaterThan(0);
  }
}
