package dev.rolloutkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.cli.Rolloutkit;
import dev.rolloutkit.lint.Lint;
import dev.rolloutkit.lint.LintResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rolloutkit render --inventory FILE -o DIR}: five services into a GitOps tree that {@code
 * kubectl kustomize} builds (kubectl: Debian's kubernetes-client, installed by .ci/run when
 * missing), that lint passes, and that a later render tidies.
 */
class InventoryGitOpsTest {

  static final String INVENTORY =
      """
      services:
      - {name: mcp-server, namespace: ai-services, image: "ghcr.io/acme/mcp-server:1.4.0", profile: mcp,
         resources: {requests: {cpu: 250m, memory: 256Mi}},
         readinessProbe: {httpGet: {path: /healthz, port: http}}}
      - {name: mcp-search, namespace: ai-services, image: "ghcr.io/acme/mcp-search:0.9.1", profile: mcp,
         keda: false, replicas: 4, minAvailable: 2}
      - name: bankchurn
        namespace: ml-portfolio
        image: ghcr.io/acme/bankchurn:3.2.0
        profile: ml
        host: bankchurn.ml.example.com
        port: 8000
        labels: {team: ml-platform}
        resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {memory: 2Gi}}
        readinessProbe: {httpGet: {path: /ready, port: http}, periodSeconds: 5}
        startupProbe: {httpGet: {path: /ready, port: http}, failureThreshold: 30, periodSeconds: 10}
        minAvailable: 1
        pod:
          spec:
            serviceAccountName: bankchurn
            containers:
            - name: bankchurn
              env: [{name: MODEL_PATH, value: /models/churn}]
      - {name: chicagotaxi, namespace: ml-portfolio, image: "ghcr.io/acme/chicagotaxi:1.0.0", profile: ml,
         host: taxi.ml.example.com}
      - {name: nlpinsight, namespace: ml-portfolio, image: "ghcr.io/acme/nlpinsight:2.0.0", profile: nlp,
         host: nlp.ml.example.com, traffic: nginx}
      """;

  record Run(int code, String out, String err) {}

  static Run rolloutkit(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Rolloutkit.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  static String kustomize(Path dir) throws Exception {
    Path kubectl =
        List.of(Path.of("/usr/bin/kubectl"), Path.of("/usr/local/bin/kubectl")).stream()
            .filter(Files::isExecutable)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "kubectl is not installed: the test builds the GitOps tree with kubectl"
                            + " kustomize. Install Debian's kubernetes-client, as .ci/run does"));
    Process p =
        new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void should_render_five_services_into_a_tree_kustomize_builds_and_lint_passes(@TempDir Path dir)
      throws Exception {
    Path inventory = Files.writeString(dir.resolve("inventory.yaml"), INVENTORY);
    Path tree = dir.resolve("deploy");
    Run r = rolloutkit("render", "--inventory", inventory.toString(), "-o", tree.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(tree.resolve("kustomization.yaml")).exists();
    assertThat(tree.resolve("ml-portfolio/bankchurn/kustomization.yaml")).exists();
    assertThat(tree.resolve("ml-portfolio/01-analysistemplate-canary-health-check.yaml"))
        .as("the ML services' shared gate, once, in their namespace's folder")
        .exists();

    String built = kustomize(tree);
    List<String> kinds =
        built.lines().filter(l -> l.startsWith("kind: ")).map(l -> l.substring(6)).toList();
    assertThat(kinds.stream().filter("Rollout"::equals)).hasSize(5);
    assertThat(kinds.stream().filter("AnalysisTemplate"::equals))
        .as("mcp-success-rate in ai-services, canary-health-check in ml-portfolio")
        .hasSize(2);
    assertThat(kinds.stream().filter("PodDisruptionBudget"::equals)).hasSize(2);
    assertThat(built)
        .contains("host: bankchurn.ml.example.com")
        .contains("serviceAccountName: bankchurn")
        .contains("value: /models/churn");

    LintResult lint = Lint.files(tree);
    assertThat(lint.hasErrors()).as(lint.toString()).isFalse();
  }

  @Test
  void should_remove_exactly_the_files_of_a_service_no_longer_rendered(@TempDir Path dir)
      throws Exception {
    Path inventory = Files.writeString(dir.resolve("inventory.yaml"), INVENTORY);
    Path tree = dir.resolve("deploy");
    assertThat(
            rolloutkit("render", "--inventory", inventory.toString(), "-o", tree.toString()).code())
        .isZero();
    Path mine = Files.writeString(tree.resolve("ml-portfolio/chicagotaxi/NOTES.md"), "ours\n");
    String without = INVENTORY.replaceAll("(?s)- \\{name: nlpinsight.*?traffic: nginx\\}\n", "");
    assertThat(without).doesNotContain("nlpinsight");
    Files.writeString(inventory, without);
    Run again = rolloutkit("render", "--inventory", inventory.toString(), "-o", tree.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(tree.resolve("ml-portfolio/nlpinsight")).doesNotExist();
    assertThat(mine).exists();
    assertThat(kustomize(tree)).doesNotContain("nlpinsight");
  }

  @Test
  void should_report_every_problem_of_every_service_with_the_service_named(@TempDir Path dir)
      throws Exception {
    Path inventory =
        Files.writeString(
            dir.resolve("inventory.yaml"),
            """
            services:
            - {name: a, namespace: ns, image: "a:1", profile: ml, replicas: "3"}
            - {name: b, namespace: ns, image: "b:1", profile: llm}
            - {name: c, namespace: ns, image: "c:1", profile: mcp, host: c.example.com}
            - {name: d, namespace: ns, image: "d:1", profile: ml, minAvailable: 5,
               resources: {requests: {cpu: lots}}, readinessProbe: {httpGet: {path: /, port: http}, bogus: 1}}
            """);
    Run r =
        rolloutkit(
            "render", "--inventory", inventory.toString(), "-o", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("rolloutkit: inventory " + inventory + " is invalid:")
        .contains("services[0] (ns/a): " + inventory + ":2:")
        .contains("replicas: expected a whole number")
        .contains("services[1] (ns/b): ")
        .contains("profile: unknown 'llm': expected one of mcp, ml, nlp")
        .contains("services[2] (ns/c): ")
        .contains("host: the istio router does not route by host")
        .contains("services[3] (ns/d): ")
        .contains("readinessProbe.bogus: unknown field (not in Kubernetes' Probe)");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void should_render_the_inventorys_own_profiles_every_step_kind_and_blue_green(@TempDir Path dir)
      throws Exception {
    Path inventory =
        Files.writeString(
            dir.resolve("inventory.yaml"),
            """
            profiles:
            - name: cautious
              base: mcp
              steps:
              - setHeaderRoute: {name: testers, match: [{headerName: x-canary, headerValue: {exact: always}}]}
              - setMirrorRoute: {name: shadow, percentage: 20, match: [{path: {prefix: /api}}]}
              - experiment:
                  duration: 10m
                  templates: [{name: baseline, specRef: stable}, {name: canary, specRef: canary, weight: 5}]
                  analyses: [{templateName: mcp-success-rate}]
              - setMirrorRoute: {name: shadow}
              - setHeaderRoute: {name: testers}
              - setCanaryScale: {replicas: 2}
              - setWeight: 10
              - pause: {duration: 1m}
              - setCanaryScale: {matchTrafficWeight: true}
              - analysis: {templates: [{templateName: mcp-success-rate}]}
              - plugin: {name: acme/notify, config: {channel: "#releases"}}
              - pause: {}
              - setWeight: 100
              backgroundGate: mcp-success-rate
              backgroundStartingStep: 6
            - name: major
              base: ml
              blueGreen: {prePromotionGate: bluegreen-validation, autoPromotionEnabled: false}
            services:
            - {name: checkout, namespace: shop, image: "ghcr.io/acme/checkout:2.1.0", profile: cautious}
            - {name: bankchurn, namespace: ml-portfolio, image: "ghcr.io/acme/bankchurn:4.0.0", profile: major}
            """);
    Path tree = dir.resolve("deploy");
    Run r = rolloutkit("render", "--inventory", inventory.toString(), "-o", tree.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String built = kustomize(tree);
    assertThat(built)
        .contains("- setHeaderRoute:\n")
        .contains("- setMirrorRoute:\n")
        .contains("- experiment:\n")
        .contains("- plugin:\n")
        .contains("managedRoutes:\n")
        .contains("previewService: bankchurn-preview\n")
        .contains("autoPromotionEnabled: false\n")
        .contains("name: bluegreen-validation\n")
        .doesNotContain("canary-health-check");
    LintResult lint = Lint.files(tree);
    assertThat(lint.hasErrors()).as(lint.toString()).isFalse();
  }
}
