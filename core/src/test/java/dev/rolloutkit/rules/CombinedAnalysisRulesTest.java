package dev.rolloutkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.testing.Fixtures;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks the controller makes on the templates of one analysis taken together: each template
 * can be fine alone and the combination not. Also the argument and count checks for background and
 * blue-green analysis.
 */
class CombinedAnalysisRulesTest {

  /**
   * Two templates combined by a step analysis and by background analysis; a blue-green Rollout
   * using one of them.
   */
  static final String VALID =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: AnalysisTemplate
      metadata: {name: errors, namespace: shop}
      spec:
        args: [{name: canary-hash}, {name: service, value: app}]
        dryRun: [{metricName: error-rate}]
        metrics:
        - name: error-rate
          interval: 60s
          count: 5
          failureLimit: 2
          successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] < 0.05
          provider:
            prometheus: {address: "http://prometheus.monitoring:9090", query: "sum(rate(e{h=\\"{{args.canary-hash}}\\"}[2m]))"}
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: AnalysisTemplate
      metadata: {name: latency, namespace: shop}
      spec:
        args: [{name: canary-hash}, {name: service, value: app}]
        measurementRetention: [{metricName: "^p95", limit: 20}]
        metrics:
        - name: p95-latency
          interval: 60s
          count: 5
          failureLimit: 2
          successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] < 0.5
          provider:
            prometheus: {address: "http://prometheus.monitoring:9090", query: "max(l{h=\\"{{args.canary-hash}}\\"})"}
      ---
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
            analysis:
              templates: [{templateName: errors}]
              args: [{name: canary-hash, valueFrom: {podTemplateHashValue: Latest}}]
            steps:
            - setWeight: 20
            - analysis:
                templates: [{templateName: errors}, {templateName: latency}]
                args: [{name: canary-hash, valueFrom: {podTemplateHashValue: Latest}}]
                measurementRetention: [{metricName: error, limit: 10}]
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: model, namespace: shop}
      spec:
        replicas: 2
        selector: {matchLabels: {app: model}}
        template:
          metadata: {labels: {app: model}}
          spec: {containers: [{name: model, image: "model:1"}]}
        strategy:
          blueGreen:
            activeService: model
            previewService: model-preview
            prePromotionAnalysis:
              templates: [{templateName: latency}]
              args: [{name: canary-hash, valueFrom: {podTemplateHashValue: Latest}}]
      """;

  static ResourceSet set(String yaml) {
    return ResourceSet.of(Fixtures.resources(yaml));
  }

  static String edit(String from, String to) {
    return Fixtures.edit(VALID, from, to);
  }

  static final String STEP = "spec.strategy.canary.steps[1].analysis";

  static Stream<Arguments> defects() {
    return Stream.of(
        // #55: each template has one metric; together two share a name
        Arguments.of(
            CombinedAnalysisRules.COMBINED,
            edit("- name: p95-latency", "- name: error-rate"),
            STEP + ".templates",
            "two metrics have the same name 'error-rate'"),
        // #56
        Arguments.of(
            CombinedAnalysisRules.COMBINED,
            edit(
                "metadata: {name: latency, namespace: shop}\n"
                    + "spec:\n"
                    + "  args: [{name: canary-hash}, {name: service, value: app}]",
                "metadata: {name: latency, namespace: shop}\n"
                    + "spec:\n"
                    + "  args: [{name: canary-hash}, {name: service, value: web}]"),
            STEP + ".templates",
            "Argument `service` specified multiple times with different values: 'app', 'web'"),
        // #58: the template's rule and the step's rule name the same metric
        Arguments.of(
            CombinedAnalysisRules.COMBINED,
            edit(
                "measurementRetention: [{metricName: error, limit: 10}]",
                "measurementRetention: [{metricName: error, limit: 10}]\n"
                    + "          dryRun: [{metricName: error-rate}]"),
            STEP,
            "two Dry-Run metric rules have the same name 'error-rate'"),
        // #59 (reference §7 case 30)
        Arguments.of(
            CombinedAnalysisRules.COMBINED,
            edit(
                "measurementRetention: [{metricName: error, limit: 10}]",
                "measurementRetention: [{metricName: \"^p95\", limit: 10}]"),
            STEP,
            "two Measurement Retention metric rules have the same name '^p95'"),
        // #95: the Rollout's rules come first in the combined list
        Arguments.of(
            CombinedAnalysisRules.RULES_MATCH,
            edit("dryRun: [{metricName: error-rate}]", "dryRun: [{metricName: errors-total}]"),
            "spec.dryRun[0].metricName",
            "dryRun[0]: Rule didn't match any metric name(s)"),
        // #96
        Arguments.of(
            CombinedAnalysisRules.RULES_MATCH,
            edit(
                "measurementRetention: [{metricName: error, limit: 10}]",
                "measurementRetention: [{metricName: \"^latency\", limit: 10}]"),
            STEP + ".measurementRetention[0].metricName",
            "measurementRetention[0]: Rule didn't match any metric name(s)"),
        Arguments.of(
            CombinedAnalysisRules.RULES_MATCH,
            edit(
                "measurementRetention: [{metricName: error, limit: 10}]",
                "measurementRetention: [{metricName: \"(error\", limit: 10}]"),
            STEP + ".measurementRetention[0].metricName",
            "measurementRetention[0]: Rule didn't match any metric name(s)"),
        // #63, #64: background analysis takes its args from canary.analysis.args only
        Arguments.of(
            ExperimentRules.TEMPLATE_ARGS,
            edit(
                "        templates: [{templateName: errors}]\n"
                    + "        args: [{name: canary-hash, valueFrom: {podTemplateHashValue:"
                    + " Latest}}]\n",
                "        templates: [{templateName: errors}]\n"),
            "spec.strategy.canary.analysis.args",
            "missing analysis arguments in rollout spec"),
        Arguments.of(
            ExperimentRules.TEMPLATE_ARGS,
            edit(
                "        templates: [{templateName: errors}]\n"
                    + "        args: [{name: canary-hash, valueFrom: {podTemplateHashValue:"
                    + " Latest}}]\n",
                "        templates: [{templateName: errors}]\n"
                    + "        args: [{name: canary, valueFrom: {podTemplateHashValue:"
                    + " Latest}}]\n"),
            "spec.strategy.canary.analysis.args",
            "canary-hash"),
        // #57 for pre-promotion analysis
        Arguments.of(
            ExperimentRules.TEMPLATE_ARGS,
            edit(
                "        templates: [{templateName: latency}]\n"
                    + "        args: [{name: canary-hash, valueFrom: {podTemplateHashValue:"
                    + " Latest}}]\n",
                "        templates: [{templateName: latency}]\n"),
            "spec.strategy.blueGreen.prePromotionAnalysis.args",
            "args.canary-hash was not resolved"),
        // #62 for pre-promotion analysis; background analysis may run indefinitely
        Arguments.of(
            ArgoRules.STEP_ANALYSIS_COUNT,
            edit(
                "  - name: p95-latency\n    interval: 60s\n    count: 5\n",
                "  - name: p95-latency\n    interval: 60s\n"),
            "spec.strategy.blueGreen.prePromotionAnalysis.templates[0]",
            "AnalysisTemplate latency has metric p95-latency which runs indefinitely. Invalid value"
                + " for count: <nil>"),
        Arguments.of(
            ArgoRules.TEMPLATE_FOUND,
            edit(
                "prePromotionAnalysis:\n        templates: [{templateName: latency}]",
                "prePromotionAnalysis:\n        templates: [{templateName: latncy}]"),
            "spec.strategy.blueGreen.prePromotionAnalysis.templates[0].templateName",
            "AnalysisTemplate 'latncy' not found (the linted resources hold AnalysisTemplates, but"
                + " none called 'latncy')"));
  }

  @ParameterizedTest(name = "{0}: {3}")
  @MethodSource("defects")
  void should_report_the_defect_with_the_controllers_message(
      Rule rule, String yaml, String path, String message) {
    assertThat(rule.check(set(yaml)))
        .extracting(Finding::path, Finding::message)
        .contains(Tuple.tuple(path, message));
  }

  static Stream<Rule> rules() {
    return Stream.of(
        CombinedAnalysisRules.COMBINED,
        CombinedAnalysisRules.RULES_MATCH,
        ExperimentRules.TEMPLATE_ARGS,
        ArgoRules.STEP_ANALYSIS_COUNT,
        ArgoRules.TEMPLATE_FOUND);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void should_pass_templates_that_combine(Rule rule) {
    assertThat(rule.check(set(VALID))).isEmpty();
  }

  @Test
  void should_let_background_analysis_run_indefinitely() {
    String noCount =
        edit(
                "  - name: error-rate\n    interval: 60s\n    count: 5\n",
                "  - name: error-rate\n    interval: 60s\n")
            .replace(
                "templates: [{templateName: errors}, {templateName: latency}]",
                "templates: [{templateName: latency}]");
    assertThat(ArgoRules.STEP_ANALYSIS_COUNT.check(set(noCount))).isEmpty();
  }

  @Test
  void should_follow_nested_template_references() {
    String nested =
        edit(
                "templates: [{templateName: errors}, {templateName: latency}]",
                "templates: [{templateName: both}]")
            + """
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata: {name: both, namespace: shop}
            spec:
              templates: [{templateName: errors}, {templateName: latency}]
            """;
    assertThat(CombinedAnalysisRules.COMBINED.check(set(nested))).isEmpty();
    assertThat(
            CombinedAnalysisRules.COMBINED.check(
                set(nested.replace("- name: p95-latency", "- name: error-rate"))))
        .extracting(Finding::path, Finding::message)
        .containsExactly(
            Tuple.tuple(STEP + ".templates", "two metrics have the same name 'error-rate'"));
  }

  @Test
  void should_report_each_repeated_name_once_per_analysis() {
    String twice = edit("- name: p95-latency", "- name: error-rate");
    List<Finding> findings = CombinedAnalysisRules.COMBINED.check(set(twice));
    assertThat(findings)
        .extracting(Finding::kind, Finding::name, Finding::path)
        .containsExactly(Tuple.tuple("Rollout", "app", STEP + ".templates"));
  }

  @Test
  void should_have_a_failing_case_for_every_combined_rule() {
    assertThat(defects().map(a -> ((Rule) a.get()[0]).id()).distinct().toList())
        .containsAll(CombinedAnalysisRules.list().stream().map(Rule::id).toList());
  }
}
