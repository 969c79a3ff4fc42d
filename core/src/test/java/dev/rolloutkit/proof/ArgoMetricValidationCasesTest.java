package dev.rolloutkit.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.rules.AnalysisRules;
import dev.rolloutkit.rules.Finding;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.testing.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Argo's TestValidateMetrics cases (utils/analysis/factory_test.go, reference §7): metric errors
 * the controller reports only when an AnalysisRun starts, caught before anything is applied, with
 * the same text.
 */
class ArgoMetricValidationCasesTest {

  static String template(String metrics) {
    return """
    apiVersion: argoproj.io/v1alpha1
    kind: AnalysisTemplate
    metadata: {name: success-rate, namespace: default}
    spec:
      metrics:
    """
        + metrics.indent(2);
  }

  static String metric(String fields) {
    return template(
        "- name: success-rate\n  provider: {web: {url: \"http://example.com\"}}\n"
            + fields.indent(2));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "count < failureLimit",
            metric("count: 1\nfailureLimit: 2"),
            "metrics[0]: count (1) must be >= failureLimit + consecutiveSuccessLimit (2 + 0) if"
                + " both >= 0"),
        Arguments.of(
            "count < inconclusiveLimit",
            metric("count: 1\ninconclusiveLimit: 2"),
            "metrics[0]: count must be >= inconclusiveLimit"),
        Arguments.of(
            "no metrics",
            template("").replace("metrics:\n", "metrics: []\n"),
            "no metrics specified"),
        Arguments.of(
            "count > 1 without interval",
            metric("count: 2"),
            "metrics[0]: interval must be specified when count > 1"),
        Arguments.of(
            "duplicate name",
            template(
                "- {name: success-rate, provider: {web: {url: \"http://a\"}}}\n"
                    + "- {name: success-rate, provider: {web: {url: \"http://b\"}}}"),
            "metrics[1]: duplicate name 'success-rate'"),
        Arguments.of(
            "failureLimit -2",
            metric("failureLimit: -2"),
            "metrics[0]: failureLimit must be >= 0, or -1 to be disabled"),
        Arguments.of(
            "negative inconclusiveLimit",
            metric("inconclusiveLimit: -1"),
            "metrics[0]: inconclusiveLimit must be >= 0"),
        Arguments.of(
            "negative consecutiveErrorLimit",
            metric("consecutiveErrorLimit: -1"),
            "metrics[0]: consecutiveErrorLimit must be >= 0"),
        Arguments.of(
            "no provider",
            template("- name: success-rate\n  provider: {}"),
            "metrics[0]: no provider specified"),
        Arguments.of(
            "two providers",
            template(
                "- name: success-rate\n"
                    + "  provider: {web: {url: \"http://a\"}, prometheus: {query: up}}"),
            "metrics[0]: multiple providers specified"),
        Arguments.of(
            "negative consecutiveSuccessLimit",
            metric("consecutiveSuccessLimit: -1"),
            "metrics[0]: consecutiveSuccessLimit must be >= 0"),
        Arguments.of(
            "both limits disabled",
            metric("failureLimit: -1\nconsecutiveSuccessLimit: 0"),
            "metrics[0]: failureLimit and consecutiveSuccessLimit cannot both be disabled"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_report_what_argo_reports_when_the_run_starts(
      String name, String yaml, String message) {
    assertThat(AnalysisRules.METRIC_VALID.check(ResourceSet.of(Fixtures.resources(yaml))))
        .extracting(Finding::message)
        .contains(message);
  }
}
