package dev.rolloutkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.analysis.AnalysisGate;
import dev.rolloutkit.testing.Fixtures;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnalysisRulesTest {

  static final String VALID =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: AnalysisTemplate
      metadata: {name: health, namespace: shop}
      spec:
        args: [{name: canary-hash}]
        metrics:
        - name: errors
          interval: 30s
          count: 3
          failureLimit: 2
          successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] < 0.05
          provider:
            prometheus:
              address: http://prometheus.monitoring:9090
              query: sum(rate(errors{h="{{args.canary-hash}}"}[2m]))
      """;

  static ResourceSet set(String yaml) {
    return ResourceSet.of(Fixtures.resources(yaml));
  }

  static String edit(String from, String to) {
    return Fixtures.edit(VALID, from, to);
  }

  static final String M = "spec.metrics[0]";

  static Stream<Arguments> defects() {
    return Stream.of(
        Arguments.of(
            AnalysisRules.METRIC_VALID,
            edit("    count: 3\n", "    count: 1\n    consecutiveSuccessLimit: 2\n"),
            M + ".count",
            "metrics[0]: count (1) must be >= failureLimit + consecutiveSuccessLimit (2 + 2) if"
                + " both >= 0"),
        Arguments.of(
            AnalysisRules.METRIC_VALID,
            edit("    interval: 30s\n", ""),
            M + ".interval",
            "metrics[0]: interval must be specified when count > 1"),
        Arguments.of(
            AnalysisRules.METRIC_VALID,
            edit("interval: 30s", "interval: 1d"),
            M + ".interval",
            "metrics[0]: invalid interval string: 1d"),
        Arguments.of(
            AnalysisRules.METRIC_VALID,
            edit("failureLimit: 2", "failureLimit: -1"),
            M + ".failureLimit",
            "metrics[0]: failureLimit and consecutiveSuccessLimit cannot both be disabled"),
        Arguments.of(
            AnalysisRules.METRIC_VALID,
            edit("    provider:\n", "    provider:\n      web: {url: http://x}\n"),
            M + ".provider",
            "metrics[0]: multiple providers specified"),
        Arguments.of(
            AnalysisRules.QUERY_FILTERED,
            edit("errors{h=\"{{args.canary-hash}}\"}", "errors"),
            M + ".provider.prometheus.query",
            "the query of metric errors is not filtered to the canary (it uses no {{args.…}})"),
        Arguments.of(
            AnalysisRules.CONDITION_GUARDED,
            edit("len(result) > 0 && !isNaN(result[0]) && result[0] < 0.05", "result[0] < 0.05"),
            M + ".successCondition",
            "successCondition indexes result[0] without a len(result) guard: an empty result is an"
                + " evaluation error"),
        Arguments.of(
            AnalysisRules.CONDITION_GUARDED,
            edit(
                "successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] < 0.05",
                "failureCondition: result[0] >= 0.05"),
            M + ".failureCondition",
            "only a failureCondition: on NaN it is false, so the measurement passes"),
        Arguments.of(
            AnalysisRules.SCRAPE_WINDOWS,
            edit("[2m]", "[30s]"),
            M + ".provider.prometheus.query",
            "range window [30s] is shorter than 4 × the 15s scrape interval"),
        Arguments.of(
            AnalysisRules.SCRAPE_WINDOWS,
            edit("interval: 30s", "interval: 10s"),
            M + ".interval",
            "interval 10s is shorter than the 15s scrape interval"),
        Arguments.of(
            AnalysisRules.ROLLBACK_TOLERANCE,
            edit("failureLimit: 2", "failureLimit: 0"),
            M + ".failureLimit",
            "metric errors rolls back on failed measurement #1 (failureLimit: 0), fewer than the 3"
                + " failures to tolerate"),
        Arguments.of(
            AnalysisRules.ROLLBACK_TOLERANCE,
            edit("    failureLimit: 2\n", ""),
            M + ".failureLimit",
            "metric errors rolls back on failed measurement #1 (failureLimit: 0), fewer than the 3"
                + " failures to tolerate"),
        Arguments.of(
            AnalysisRules.ROLLBACK_TOLERANCE,
            edit("failureLimit: 2", "failureLimit: 0")
                .replace(
                    "namespace: shop}",
                    "namespace: shop, annotations: {rolloutkit.dev/min-failures-to-roll-back:"
                        + " \"2\"}}"),
            M + ".failureLimit",
            "metric errors rolls back on failed measurement #1 (failureLimit: 0), fewer than the 2"
                + " failures to tolerate the template states"),
        Arguments.of(
            AnalysisRules.ROLLBACK_TOLERANCE,
            VALID.replace(
                "namespace: shop}",
                "namespace: shop, annotations: {rolloutkit.dev/min-failures-to-roll-back: none}}"),
            "metadata.annotations.rolloutkit.dev/min-failures-to-roll-back",
            "annotation rolloutkit.dev/min-failures-to-roll-back is 'none', not a whole number of"
                + " failures of at least 1"),
        Arguments.of(
            AnalysisRules.ZERO_SAFE_RATIO,
            edit(
                "sum(rate(errors{h=\"{{args.canary-hash}}\"}[2m]))",
                "sum(rate(x{status=\"error\", h=\"{{args.canary-hash}}\"}[2m])) /"
                    + " sum(rate(x{h=\"{{args.canary-hash}}\"}[2m]))"),
            M + ".provider.prometheus.query",
            "the numerator sum(rate(x{status=\"error\", h=\"{{args.canary-hash}}\"}[2m])) of metric"
                + " errors has no series when nothing matches (a version without errors), so the"
                + " ratio is empty"),
        Arguments.of(
            AnalysisRules.QUERY_SCALAR,
            edit(
                "sum(rate(errors{h=\"{{args.canary-hash}}\"}[2m]))",
                "scalar(sum(rate(errors{h=\"{{args.canary-hash}}\"}[2m])))"),
            M + ".successCondition",
            "the query of metric errors returns a scalar, so successCondition 'len(result) > 0 &&"
                + " !isNaN(result[0]) && result[0] < 0.05' does not compile: every measurement is"
                + " an Error"),
        Arguments.of(
            AnalysisRules.QUERY_SERIES,
            edit(
                "sum(rate(errors{h=\"{{args.canary-hash}}\"}[2m]))",
                "rate(errors{h=\"{{args.canary-hash}}\"}[2m])"),
            M + ".provider.prometheus.query",
            "the query of metric errors can return several series, and only result[0], the first,"
                + " is judged"),
        Arguments.of(
            AnalysisRules.HASH_LABEL_SCRAPED,
            edit(
                    "errors{h=\"{{args.canary-hash}}\"}",
                    "errors{rollouts_pod_template_hash=\"{{args.canary-hash}}\"}")
                + POD_MONITOR,
            M + ".provider.prometheus.query",
            "metric errors filters on rollouts_pod_template_hash, but no scrape config in the set"
                + " provides it (PodMonitor app): every canary query would be empty"),
        Arguments.of(
            AnalysisRules.NO_DATA_POLICY,
            VALID + SCALED_TO_ZERO,
            M + ".successCondition",
            "ScaledObject app-scaler can scale Rollout app to zero, and metric errors fails on no"
                + " data (an empty or NaN result) without saying so: a canary without traffic is"
                + " rolled back"));
  }

  /** A PodMonitor for the pods, without the hash label. */
  static final String POD_MONITOR =
      """
      ---
      apiVersion: monitoring.coreos.com/v1
      kind: PodMonitor
      metadata: {name: app, namespace: shop}
      spec:
        selector: {matchLabels: {app: app}}
        podMetricsEndpoints: [{port: http}]
      """;

  @Test
  void should_accept_a_scrape_config_that_provides_the_hash_label() {
    String filtered =
        edit(
            "errors{h=\"{{args.canary-hash}}\"}",
            "errors{rollouts_pod_template_hash=\"{{args.canary-hash}}\"}");
    assertThat(AnalysisRules.HASH_LABEL_SCRAPED.check(set(filtered))).as("no monitor").isEmpty();
    assertThat(
            AnalysisRules.HASH_LABEL_SCRAPED.check(
                set(
                    filtered
                        + POD_MONITOR.replace(
                            "  podMetricsEndpoints: [{port: http}]\n",
                            "  podMetricsEndpoints: [{port: http}]\n"
                                + "  podTargetLabels: [rollouts-pod-template-hash]\n"))))
        .isEmpty();
    assertThat(
            AnalysisRules.HASH_LABEL_SCRAPED.check(
                set(
                    filtered
                        + POD_MONITOR.replace(
                            "[{port: http}]",
                            "[{port: http, relabelings: [{sourceLabels:"
                                + " [__meta_kubernetes_pod_label_rollouts_pod_template_hash],"
                                + " targetLabel: rollouts_pod_template_hash}]}]"))))
        .isEmpty();
  }

  /** A Rollout using template health, which KEDA may scale to zero. */
  static final String SCALED_TO_ZERO =
      """
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: app, namespace: shop}
      spec:
        selector: {matchLabels: {app: app}}
        template:
          metadata: {labels: {app: app}}
          spec: {containers: [{name: app, image: "app:1"}]}
        strategy:
          canary:
            steps:
            - setWeight: 50
            - analysis: {templates: [{templateName: health}]}
      ---
      apiVersion: keda.sh/v1alpha1
      kind: ScaledObject
      metadata: {name: app-scaler, namespace: shop}
      spec:
        scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: app}
        idleReplicaCount: 0
        minReplicaCount: 2
        triggers:
        - type: cron
          metadata: {timezone: UTC, start: 0 8 * * *, end: 0 18 * * *, desiredReplicas: "2"}
      """;

  @Test
  void should_accept_a_stated_no_data_policy_on_a_rollout_scaled_to_zero() {
    String stated =
        VALID.replace(
            "metadata: {name: health, namespace: shop}",
            "metadata: {name: health, namespace: shop, annotations: {rolloutkit.dev/on-no-data:"
                + " inconclusive}}");
    assertThat(AnalysisRules.NO_DATA_POLICY.check(set(stated + SCALED_TO_ZERO))).isEmpty();
    String mirrored =
        edit(
            "    successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] < 0.05\n",
            "    successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] < 0.05\n"
                + "    failureCondition: len(result) > 0 && !isNaN(result[0]) && result[0] >="
                + " 0.05\n");
    assertThat(AnalysisRules.NO_DATA_POLICY.check(set(mirrored + SCALED_TO_ZERO))).isEmpty();
    assertThat(
            AnalysisRules.NO_DATA_POLICY.check(
                set(VALID + SCALED_TO_ZERO.replace("  idleReplicaCount: 0\n", ""))))
        .as("never scaled to zero")
        .isEmpty();
  }

  @Test
  void should_flag_the_mcp_articles_template_and_pass_the_preset() throws Exception {
    var article =
        dev.rolloutkit.manifest.Manifests.read(
            List.of(
                java.nio.file.Path.of(
                    "..",
                    "keda-model",
                    "src",
                    "test",
                    "resources",
                    "mcp-article",
                    "analysis-template.yaml")));
    var set = ResourceSet.of(article.stream().map(m -> m.object().orElseThrow()).toList());
    assertThat(RuleSet.of(AnalysisRules.list()).evaluate(set).findings())
        .extracting(Finding::rule)
        .contains("ANALYSIS-ZERO-SAFE-RATIO");
    assertThat(
            RuleSet.of(AnalysisRules.list())
                .evaluate(ResourceSet.of(AnalysisGate.mcpSuccessRate().toAnalysisTemplate("ns")))
                .findings())
        .isEmpty();
  }

  @Test
  void should_not_judge_the_interval_of_metrics_that_are_not_scraped() {
    String job =
        Fixtures.edit(
            Fixtures.edit(VALID, "interval: 30s", "interval: 5s"),
            "      prometheus:\n"
                + "        address: http://prometheus.monitoring:9090\n"
                + "        query: sum(rate(errors{h=\"{{args.canary-hash}}\"}[2m]))\n",
            "      web: {url: \"http://checker/health\", jsonPath: \"{$.ok}\"}\n");
    assertThat(AnalysisRules.SCRAPE_WINDOWS.check(set(job))).isEmpty();
  }

  @Test
  void should_judge_rollback_tolerance_by_the_configured_minimum() {
    String strict = edit("failureLimit: 2", "failureLimit: 0");
    assertThat(
            AnalysisRules.ROLLBACK_TOLERANCE.check(
                set(strict).withThresholds(Thresholds.defaults().withMinFailuresToRollBack(1))))
        .isEmpty();
    assertThat(
            AnalysisRules.ROLLBACK_TOLERANCE.check(
                set(VALID).withThresholds(Thresholds.defaults().withMinFailuresToRollBack(4))))
        .extracting(Finding::message)
        .containsExactly(
            "metric errors rolls back on failed measurement #3 (failureLimit: 2), fewer than the 3 failures to tolerate"
                .replace("3 failures", "4 failures"));
  }

  @Test
  void should_accept_a_strict_template_that_states_its_own_minimum() {
    String strict =
        edit("failureLimit: 2", "failureLimit: 0")
            .replace(
                "namespace: shop}",
                "namespace: shop, annotations: {rolloutkit.dev/min-failures-to-roll-back: \"1\"}}");
    assertThat(AnalysisRules.ROLLBACK_TOLERANCE.check(set(strict))).isEmpty();
  }

  @Test
  void should_leave_a_disabled_failure_limit_to_the_success_limit() {
    String disabled = edit("failureLimit: 2", "failureLimit: -1\n    consecutiveSuccessLimit: 2");
    assertThat(AnalysisRules.ROLLBACK_TOLERANCE.check(set(disabled))).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {3}")
  @MethodSource("defects")
  void should_report_the_defect_at_the_field(Rule rule, String yaml, String path, String message) {
    List<Finding> findings = rule.check(set(yaml));
    assertThat(findings)
        .extracting(Finding::path, Finding::message)
        .contains(Tuple.tuple(path, message));
  }

  static Stream<Rule> rules() {
    return AnalysisRules.list().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void should_pass_a_guarded_filtered_template(Rule rule) {
    assertThat(rule.check(set(VALID))).isEmpty();
  }

  @Test
  void should_pass_every_gate_rolloutkit_compiles() {
    var templates =
        Stream.of(
                AnalysisGate.mcpSuccessRate(),
                AnalysisGate.canaryHealthCheck(),
                AnalysisGate.bluegreenValidation())
            .map(g -> g.toAnalysisTemplate("ns"))
            .toList();
    assertThat(RuleSet.of(AnalysisRules.list()).evaluate(ResourceSet.of(templates)).findings())
        .isEmpty();
  }

  @Test
  void should_warn_about_a_user_gate_that_rolls_back_on_the_first_failure_unless_it_says_so() {
    AnalysisGate eager = AnalysisGate.mcpSuccessRate().withRollbackOnFailure(1);
    assertThat(
            AnalysisRules.ROLLBACK_TOLERANCE.check(ResourceSet.of(eager.toAnalysisTemplate("ns"))))
        .extracting(Finding::path)
        .containsExactly("spec.metrics[0].failureLimit", "spec.metrics[1].failureLimit");
    assertThat(
            AnalysisRules.ROLLBACK_TOLERANCE.check(
                ResourceSet.of(eager.withStrictByDesign(true).toAnalysisTemplate("ns"))))
        .isEmpty();
  }

  @Test
  void should_flag_the_article_template_as_written() {
    String article =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: mcp-success-rate, namespace: ai-services}
        spec:
          args: [{name: canary-hash}]
          metrics:
          - name: success-rate
            interval: 60s
            failureLimit: 3
            successCondition: result[0] >= 0.95
            provider:
              prometheus:
                address: http://prometheus.monitoring:9090
                query: sum(rate(mcp_requests_total{status="success", version="{{args.canary-hash}}"}[2m]))
        """;
    assertThat(RuleSet.of(AnalysisRules.list()).evaluate(set(article)).findings())
        .extracting(Finding::rule)
        .containsExactly("ANALYSIS-CONDITION-GUARDED");
  }

  @Test
  void should_have_a_failing_case_for_every_rule() {
    assertThat(defects().map(a -> ((Rule) a.get()[0]).id()).distinct().toList())
        .containsExactlyInAnyOrderElementsOf(AnalysisRules.list().stream().map(Rule::id).toList());
  }
}
