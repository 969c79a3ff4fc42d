package dev.rolloutkit.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.manifest.SourceLocation;
import dev.rolloutkit.rules.Finding;
import dev.rolloutkit.rules.Severity;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.traffic.TrafficRouter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintTest {

  static final String TYPOS =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      data: {a: b}
      ---
      # the rollout
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata:
        name: checkout
        namespace: shop
      spec:
        replicas: 2
        strategy:
          canary:
            steps:
            - setWeight: 20
            - setWieght: 50
      """;

  @Test
  void should_report_findings_with_file_line_and_column() {
    LintResult result = Lint.withAllRules().lintYaml("deploy/checkout.yaml", TYPOS);
    assertThat(result.resources()).isEqualTo(2);
    Finding typo = result.report().findings("SCHEMA-UNKNOWN-FIELD").get(0);
    assertThat(typo.path()).isEqualTo("spec.strategy.canary.steps[1].setWieght");
    assertThat(typo.location()).contains(SourceLocation.of("deploy/checkout.yaml", 18, 9));
    assertThat(typo.message())
        .isEqualTo(
            "strict decoding error: unknown field \"spec.strategy.canary.steps[1].setWieght\""
                + " (error unmarshaling JSON: while decoding JSON: json: unknown field"
                + " \"setWieght\")");
    assertThat(typo.severity()).isEqualTo(Severity.ERROR);
    assertThat(typo.hint()).contains("did you mean 'setWeight'?");
    // kubectl rejects the unknown field; the controller would reject this Rollout twice: no
    // selector, and a step with no known type (the typo)
    assertThat(result.report().errors())
        .extracting(Finding::rule, Finding::path)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "SCHEMA-UNKNOWN-FIELD", "spec.strategy.canary.steps[1].setWieght"),
            org.assertj.core.groups.Tuple.tuple("ARGO-SELECTOR", "spec.selector"),
            org.assertj.core.groups.Tuple.tuple(
                "ARGO-STEP-ONE-TYPE", "spec.strategy.canary.steps[1]"));
    assertThat(result.report().findings("ARGO-STEP-ONE-TYPE").get(0).location())
        .contains(SourceLocation.of("deploy/checkout.yaml", 18, 9));
  }

  @Test
  void should_keep_unknown_kinds_and_pass_them_over_with_an_info_finding() {
    LintResult result =
        Lint.yaml(
            "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 3}\n");
    assertThat(result.findings())
        .extracting(Finding::toString)
        .containsExactly(
            "info [LINT-UNKNOWN-KIND] Widget w (<yaml>:1:1): kind Widget of apiVersion"
                + " example.com/v1 is not known to rolloutkit; it was passed over");
  }

  @Test
  void should_find_nothing_in_what_rolloutkit_renders() {
    String yaml =
        CanaryStack.ml("bankchurn")
            .namespace("ml")
            .image("bankchurn:1")
            .traffic(TrafficRouter.nginx())
            .build()
            .toYaml();
    LintResult result = Lint.yaml(yaml);
    assertThat(result.findings()).isEmpty();
    assertThat(result.resources()).isEqualTo(5);
  }

  @Test
  void should_read_folders_recursively_and_only_yaml_files(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("apps/checkout"));
    Files.writeString(dir.resolve("apps/checkout/rollout.yaml"), TYPOS, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("apps/widget.yml"),
        "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
    Files.writeString(dir.resolve("README.md"), "# not yaml: [");
    Files.writeString(
        dir.resolve("apps/kustomization.yaml"), "resources:\n- checkout/rollout.yaml\n");
    LintResult result = Lint.files(dir);
    assertThat(result.files()).isEqualTo(2);
    assertThat(result.resources()).isEqualTo(3);
    assertThat(
            result.report().findings("SCHEMA-UNKNOWN-FIELD").get(0).location().orElseThrow().file())
        .isEqualTo(dir.resolve("apps/checkout/rollout.yaml").toString());
  }

  @Test
  void should_name_file_line_and_column_of_malformed_yaml_as_an_error_finding() {
    LintResult result =
        Lint.withAllRules()
            .lintYaml("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [x\n");
    assertThat(result.findings())
        .extracting(Finding::toString)
        .containsExactly(
            "error [MANIFEST-UNREADABLE] document 1 (bad.yaml:4:1): not valid YAML: while parsing a"
                + " flow sequence: expected ',' or ']', but got <stream end>");
    assertThat(result.nothingReadable()).isTrue();
  }

  @Test
  void should_report_documents_without_kind_or_that_are_not_mappings() {
    assertThat(
            Lint.withAllRules()
                .lintYaml("a.yaml", "---\napiVersion: v1\nmetadata: {name: x}\n")
                .findings())
        .extracting(Finding::toString)
        .containsExactly(
            "error [MANIFEST-UNREADABLE] document 1 x (a.yaml:2:1): kind is not set (kubectl needs"
                + " both to know what the object is; every Kubernetes object has them)");
    assertThat(Lint.withAllRules().lintYaml("b.yaml", "- just\n- a list\n").findings())
        .extracting(Finding::toString)
        .containsExactly(
            "error [MANIFEST-UNREADABLE] document 1 (b.yaml:1:1): the document is a sequence, not a"
                + " Kubernetes object (a mapping with apiVersion, kind and metadata)");
    assertThatThrownBy(() -> Lint.files(Path.of("no/such/dir")))
        .hasMessage("no/such/dir: no such file or folder");
  }

  @Test
  void should_skip_empty_documents() {
    assertThat(
            Lint.yaml("---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\n")
                .resources())
        .isEqualTo(1);
  }

  static final String ROLLOUT =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: app, namespace: shop}
      spec:
        replicas: 2
        selector: {matchLabels: {app: app}}
        template:
          metadata: {labels: {app: app}}
          spec: {containers: [{name: app, image: "app:1"}]}
        strategy:
          canary:
            canaryService: app-canary
            stableService: app-stable
            steps: [{setWeight: 50}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: app-canary, namespace: shop}
      spec: {selector: {app: app}, ports: [{port: 80}]}
      """;

  static String stable(String app) {
    return "apiVersion: v1\nkind: Service\nmetadata: {name: app-stable, namespace: shop}\n"
        + "spec: {selector: {app: "
        + app
        + "}, ports: [{port: 80}]}\n";
  }

  @Test
  void should_judge_the_copy_kubectl_apply_keeps_and_name_both_files_of_a_duplicate(
      @TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a-rollout.yaml"), ROLLOUT);
    Files.writeString(dir.resolve("b-stable.yaml"), stable("other"));
    Files.writeString(dir.resolve("c-stable.yaml"), stable("app"));
    LintResult fixed = Lint.files(dir);
    assertThat(fixed.report().errors()).isEmpty();
    assertThat(fixed.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("MANIFEST-DUPLICATE");
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.location().orElseThrow().file())
                  .isEqualTo(dir.resolve("b-stable.yaml").toString());
              assertThat(f.message())
                  .isEqualTo(
                      "Service shop/app-stable is defined again at "
                          + dir.resolve("c-stable.yaml")
                          + ":1:1, the copy kubectl apply keeps and rules judge; this one has no"
                          + " effect");
            });
    Files.writeString(dir.resolve("d-stable.yaml"), stable("other"));
    LintResult broken = Lint.files(dir);
    assertThat(broken.report().errors())
        .extracting(Finding::rule, f -> f.location().orElseThrow().file())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "ARGO-SERVICE-SELECTOR", dir.resolve("a-rollout.yaml").toString()));
    assertThat(broken.report().findings("MANIFEST-DUPLICATE")).hasSize(2);
  }
}
