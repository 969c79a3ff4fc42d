package dev.rolloutkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.traffic.TrafficRouter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A folder too large to hold is linted in parts no rule can see across, with exactly the findings
 * of linting it whole: namespaces that mention one another share a part, cluster-scoped templates
 * join the namespaces that use them, and a rule that only judges when a kind is present anywhere
 * still sees the whole folder's kinds.
 */
class LintInPartsTest {

  /**
   * Seeded stacks in a dozen namespaces, some with defects, plus references across namespaces and
   * to the cluster.
   */
  private static void corpus(Path dir, long seed) throws IOException {
    Random random = new Random(seed);
    for (int i = 0; i < 36; i++) {
      String ns = "team-" + random.nextInt(12);
      String name = "svc-" + i;
      CanaryStack.Builder b =
          random.nextBoolean()
              ? CanaryStack.ml(name)
              : CanaryStack.nlp(name).traffic(TrafficRouter.none());
      String yaml =
          b.namespace(ns)
              .image("ghcr.io/acme/" + name + ":1." + random.nextInt(9))
              .build()
              .toYaml();
      switch (random.nextInt(6)) {
        case 0 -> yaml = yaml.replaceFirst("setWeight: 100", "setWeight: 120");
        case 1 -> yaml = yaml.replaceFirst("failureLimit: \\d+", "failureLimit: 0");
        case 2 -> yaml = yaml.replaceFirst("templateName: ([a-z-]+)", "templateName: $1-v2");
        default -> {}
      }
      Path folder = Files.createDirectories(dir.resolve(ns));
      Files.writeString(folder.resolve(name + ".yaml"), yaml);
    }
    // A namespace whose Rollout uses a template that only exists elsewhere, and one using a
    // cluster-scoped template.
    Files.writeString(
        Files.createDirectories(dir.resolve("lonely")).resolve("rollout.yaml"),
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: lonely, namespace: lonely}
        spec:
          selector: {matchLabels: {app: lonely}}
          template:
            metadata: {labels: {app: lonely}}
            spec: {containers: [{name: app, image: example.dev/lonely:1}]}
          strategy:
            canary:
              steps:
              - setWeight: 50
              - analysis: {templates: [{templateName: canary-health-check}]}
              - analysis: {templates: [{templateName: shared-health, clusterScope: true}]}
        """);
    Files.writeString(
        Files.createDirectories(dir.resolve("cluster")).resolve("template.yaml"),
        """
        apiVersion: argoproj.io/v1alpha1
        kind: ClusterAnalysisTemplate
        metadata: {name: shared-health}
        spec:
          metrics:
          - name: ok
            interval: 1m
            count: 3
            failureLimit: 0
            successCondition: result[0] >= 0.95
            provider: {prometheus: {address: "http://prometheus:9090", query: "vector(1)"}}
        """);
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 42, 2026})
  void should_find_exactly_what_linting_the_folder_whole_finds(long seed, @TempDir Path dir)
      throws IOException {
    corpus(dir, seed);
    LintResult whole =
        Lint.withAllRules().withWholeSetBytes(Long.MAX_VALUE).lintFiles(List.of(dir));
    LintResult inParts = Lint.withAllRules().withWholeSetBytes(0).lintFiles(List.of(dir));

    assertThat(inParts.findings()).isEqualTo(whole.findings());
    assertThat(inParts.resources()).isEqualTo(whole.resources());
    assertThat(inParts.files()).isEqualTo(whole.files());
    assertThat(whole.findings())
        .extracting(f -> f.rule())
        .contains("ARGO-ANALYSIS-TEMPLATE-NOT-FOUND");
  }

  @Test
  void should_join_namespaces_that_mention_one_another_and_the_cluster_scope_with_its_users()
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    Partitions partitions = new Partitions();
    JsonNode a =
        json.readTree(
            "{\"kind\":\"VirtualService\",\"metadata\":{\"namespace\":\"a\"},\"spec\":{\"hosts\":[\"web.b.svc.cluster.local\"]}}");
    JsonNode b = json.readTree("{\"kind\":\"Service\",\"metadata\":{\"namespace\":\"b\"}}");
    JsonNode c =
        json.readTree(
            "{\"kind\":\"Rollout\",\"metadata\":{\"namespace\":\"c\"},\"spec\":{\"t\":[{\"templateName\":\"x\",\"clusterScope\":true}]}}");
    JsonNode d = json.readTree("{\"kind\":\"Service\",\"metadata\":{\"namespace\":\"d\"}}");
    JsonNode cluster =
        json.readTree("{\"kind\":\"ClusterAnalysisTemplate\",\"metadata\":{\"name\":\"x\"}}");
    List<JsonNode> docs = List.of(a, b, c, d, cluster);
    for (int i = 0; i < docs.size(); i++) {
      partitions.add(i, docs.get(i));
    }

    assertThat(partitions.parts())
        .extracting(Partitions.Part::homes)
        .containsExactly(Set.of("a", "b"), Set.of("c", Partitions.CLUSTER), Set.of("d"));
  }
}
