package dev.rolloutkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.argo.internal.UnknownFields;
import dev.rolloutkit.internal.StackYaml;
import dev.rolloutkit.internal.wire.model.ModelSerializers;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.testing.RandomModelObjects;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lint tells the unknown-field check which resources its typed reading placed entirely in their schema (no value went
 * to an any-setter), and the check skips walking those. It must still report exactly what walking every resource
 * reports: checked on the golden manifests with unknown keys written in at random places (on either way lint reads a
 * document typed: straight from its tokens, or through a tree when its numbers do not print as written), and on random
 * objects of every generated, Kubernetes and NGINX kind written out and read back.
 */
class KnownFieldsOnlyTest {

  private static final Lint UNKNOWN_FIELDS = Lint.with(RuleSet.of(RuleSet.all().rules().stream()
      .filter(r -> r.id().equals("SCHEMA-UNKNOWN-FIELD")).toList()));
  private static final List<String> VALUES = List.of("1", "x", "true", "1.10", "''", "~", "[1, 2]", "{a: 1}", "[]", "{}");

  /** What lint reports: kind, name and path of each unknown field. */
  private static List<String> reported(String text) {
    return UNKNOWN_FIELDS.lintYaml("t.yaml", text).findings().stream().map(f -> f.kind() + " " + f.name() + " " + f.path())
        .sorted().toList();
  }

  /** What walking every resource lint reads from {@code text} finds. */
  private static List<String> walked(String text) {
    List<String> found = new ArrayList<>();
    for (HasMetadata resource : Lint.read("t.yaml", text)) {
      for (String path : UnknownFields.in(resource)) {
        String name = resource.getMetadata() == null || resource.getMetadata().getName() == null ? "" : resource.getMetadata().getName();
        found.add(resource.getKind() + " " + name + " " + path);
      }
    }
    return found.stream().sorted().toList();
  }

  private static List<String> manifests() throws Exception {
    List<String> texts = new ArrayList<>();
    for (String root : List.of("src/test/resources", "../istio-bridge/src/test/resources", "../examples/src/test/resources")) {
      Path dir = Path.of(root);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
          String text = Files.readString(f);
          try {
            Lint.read(f.toString(), text);
            texts.add(text);
          } catch (LintException e) {
            // a deliberately broken fixture
          }
        }
      }
    }
    return texts;
  }

  /**
   * {@code text} with a few keys no schema knows written in beside random keys (same indentation, so in the same
   * mapping; under a list item's first key too), and sometimes a value replaced by a number that does not print as
   * written, so that lint reads that document through a tree.
   */
  private static String withUnknownKeys(String text, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    for (int added = 0, attempts = 0; added < 1 + random.nextInt(3) && attempts < 50; attempts++) {
      int i = random.nextInt(lines.size());
      String line = lines.get(i);
      String trimmed = line.stripLeading();
      int indent = line.length() - trimmed.length();
      if (trimmed.startsWith("- ") && trimmed.indexOf(": ") > 0) {
        indent += 2; // the first key of a list item's mapping: its siblings are two further in
      } else if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("-") || !trimmed.matches("[A-Za-z0-9_./\"-]+:( .*)?")
          || indent == 0 && (trimmed.startsWith("apiVersion") || trimmed.startsWith("kind"))) {
        continue;
      }
      if (i > 0 && lines.get(i - 1).endsWith("|") || i > 0 && lines.get(i - 1).endsWith("|-")) {
        continue;
      }
      lines.add(i + (trimmed.startsWith("- ") ? 1 : 0), " ".repeat(indent) + "zz" + random.nextInt(1000) + ": " + VALUES.get(random.nextInt(VALUES.size())));
      added++;
    }
    if (random.nextBoolean()) {
      for (int attempts = 0; attempts < 20; attempts++) {
        int i = random.nextInt(lines.size());
        if (lines.get(i).matches(" +[A-Za-z]+: [0-9]+")) {
          lines.set(i, lines.get(i).replaceFirst(": [0-9]+$", ": 010")); // a number that reads differently as text
          break;
        }
      }
    }
    return String.join("\n", lines);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.rolloutkit.testing.RandomModelObjects#seeds")
  void should_report_what_walking_every_resource_finds_in_manifests_with_unknown_keys(int seed) throws Exception {
    Random random = new Random(seed);
    int withUnknown = 0;
    int checked = 0;
    for (String manifest : manifests()) {
      for (int round = 0; round < 3; round++) {
        String text = withUnknownKeys(manifest, random);
        List<String> expected;
        try {
          expected = walked(text);
        } catch (LintException e) {
          continue; // the insertion broke the text (a key inside a block scalar, say): both ways refuse it
        }
        checked++;
        withUnknown += expected.isEmpty() ? 0 : 1;
        assertThat(reported(text)).as("seed %d:%n%s", seed, text).isEqualTo(expected);
      }
    }
    assertThat(withUnknown).as("texts with unknown fields, of %d", checked).isGreaterThan(checked / 2);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.rolloutkit.testing.RandomModelObjects#seeds")
  void should_report_what_walking_every_resource_finds_in_random_objects_of_every_kind(int seed) throws Exception {
    Random random = new Random(seed);
    int withUnknown = 0;
    for (String name : ModelSerializers.classNames()) {
      Class<?> type = Class.forName(name);
      if (!HasMetadata.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())
          || io.fabric8.kubernetes.api.model.KubernetesResourceList.class.isAssignableFrom(type)) {
        continue;
      }
      HasMetadata resource = (HasMetadata) new RandomModelObjects(random).fill(type);
      resource.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("r" + random.nextInt(100)).build());
      String text = StackYaml.write(resource);
      List<String> expected;
      try {
        expected = walked(text);
      } catch (LintException e) {
        continue; // random content no reader takes (lint says why; not this test's subject)
      }
      withUnknown += expected.isEmpty() ? 0 : 1;
      assertThat(reported(text)).as("%s, seed %d:%n%s", name, seed, text).isEqualTo(expected);
    }
    assertThat(withUnknown).as("kinds written with unknown fields, seed %d", seed).isPositive();
  }

  @Test
  void should_know_the_golden_stacks_need_no_walk() throws Exception {
    List<Path> golden;
    try (Stream<Path> files = Files.list(Path.of("../examples/src/test/resources/golden"))) {
      golden = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(golden).isNotEmpty();
    for (Path file : golden) {
      String manifest = Files.readString(file);
      Lint.Reader reader = Lint.with(RuleSet.of()).new Reader();
      reader.read("t.yaml", manifest);
      // (kinds whose model is not on this class path are read as generic resources, all additional properties)
      List<HasMetadata> typed = reader.resources().stream()
          .filter(r -> !(r instanceof io.fabric8.kubernetes.api.model.GenericKubernetesResource)).toList();
      assertThat(typed).as(file.toString()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(reader.knownFieldsOnly()).as(file.toString()).containsExactlyElementsOf(typed);
    }
  }
}
