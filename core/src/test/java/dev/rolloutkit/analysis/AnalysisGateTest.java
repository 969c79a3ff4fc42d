package dev.rolloutkit.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.InvalidSpecException;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.analysistemplatespec.Metrics;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AnalysisGateTest {

  private static final String FILTERED = "sum(rate(http_requests_total{${canary}}[2m]))";

  private static AnalysisGate gate(int measurements, int rollbackOnFailure) {
    return AnalysisGate.builder()
        .name("g")
        .addCheck(MetricCheck.atLeast("ok", 0.9, FILTERED))
        .interval(Duration.ofSeconds(30))
        .measurements(measurements)
        .rollbackOnFailure(rollbackOnFailure)
        .build();
  }

  @ParameterizedTest(name = "roll back on failure #{0} → failureLimit {1}")
  @CsvSource({"1, 0", "2, 1", "3, 2", "4, 3", "10, 9"})
  void should_compile_rolling_back_on_the_nth_failure_to_failure_limit_n_minus_1(
      int nth, int failureLimit) {
    Metrics metric = gate(10, nth).toAnalysisTemplate("ns").getSpec().getMetrics().get(0);
    assertThat(metric.getFailureLimit()).isEqualTo(new IntOrString(failureLimit));
    assertThat(metric.getCount()).isEqualTo(new IntOrString(10));
  }

  @Test
  void should_always_give_step_analysis_a_finite_count_and_interval() {
    for (AnalysisGate gate :
        List.of(
            AnalysisGate.mcpSuccessRate(),
            AnalysisGate.canaryHealthCheck(),
            AnalysisGate.bluegreenValidation())) {
      for (Metrics m : gate.toAnalysisTemplate("ns").getSpec().getMetrics()) {
        assertThat(m.getCount()).as("%s/%s count", gate.name(), m.getName()).isNotNull();
        assertThat(m.getCount().getIntVal())
            .isGreaterThanOrEqualTo(m.getFailureLimit().getIntVal() + 1);
        assertThat(m.getInterval()).isNotBlank();
      }
    }
  }

  @Test
  void should_reject_a_count_that_can_never_reach_the_rollback() {
    assertThatThrownBy(() -> gate(2, 3))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining(
            "measurements: 2 measurements can never reach the 3 failures that roll back"
                + " (Argo needs count >= failureLimit + 1 = 3)");
  }

  @Test
  void should_guard_every_condition_against_empty_results_and_nan() {
    Stream.of(
            AnalysisGate.mcpSuccessRate(),
            AnalysisGate.canaryHealthCheck(),
            AnalysisGate.bluegreenValidation())
        .flatMap(g -> g.toAnalysisTemplate("ns").getSpec().getMetrics().stream())
        .forEach(
            m -> {
              assertThat(m.getSuccessCondition())
                  .startsWith("len(result) > 0 && !isNaN(result[0]) && result[0] ");
              if (m.getFailureCondition() != null) {
                assertThat(m.getFailureCondition())
                    .as("a failure condition guarded like the success condition, which NaN fails")
                    .startsWith("len(result) > 0 && !isNaN(result[0]) && result[0] ");
              }
            });
  }

  @Test
  void should_state_a_no_data_policy_on_every_preset_gate() {
    assertThat(AnalysisGate.mcpSuccessRate().onNoData())
        .isEqualTo(NoDataPolicy.requireRequests(100));
    assertThat(AnalysisGate.canaryHealthCheck().onNoData())
        .isEqualTo(NoDataPolicy.requireRequests(50));
    assertThat(AnalysisGate.bluegreenValidation().onNoData()).isEqualTo(NoDataPolicy.FAIL);
    assertThat(AnalysisGate.mcpSuccessRate().toString()).endsWith("no data → requireRequests(100)");
    assertThat(
            AnalysisGate.bluegreenValidation()
                .toAnalysisTemplate("ns")
                .getMetadata()
                .getAnnotations())
        .containsEntry(NoDataPolicy.ANNOTATION, "fail");
  }

  @Test
  void should_mirror_the_success_condition_when_no_data_is_inconclusive() {
    Metrics m =
        AnalysisGate.bluegreenValidation()
            .withOnNoData(NoDataPolicy.INCONCLUSIVE)
            .toAnalysisTemplate("ns")
            .getSpec()
            .getMetrics()
            .get(0);
    assertThat(m.getSuccessCondition())
        .isEqualTo("len(result) > 0 && !isNaN(result[0]) && result[0] < 0.02");
    assertThat(m.getFailureCondition())
        .isEqualTo("len(result) > 0 && !isNaN(result[0]) && result[0] >= 0.02");
    assertThat(m.getProvider().getPrometheus().getQuery()).doesNotContain(" and on() ");
  }

  @Test
  void should_cover_a_two_minute_prometheus_outage_with_consecutive_errors() {
    assertThat(AnalysisGate.mcpSuccessRate().toAnalysisTemplate("ns").getSpec().getMetrics())
        .allSatisfy(m -> assertThat(m.getConsecutiveErrorLimit()).isEqualTo(new IntOrString(12)));
    assertThat(
            AnalysisGate.mcpSuccessRate()
                .withMeasurements(20, Duration.ofSeconds(30))
                .consecutiveErrorLimit())
        .as("at least count")
        .isEqualTo(20);
  }

  @Test
  void should_refuse_scalar_and_multi_series_queries() {
    assertThatThrownBy(
            () ->
                AnalysisGate.mcpSuccessRate()
                    .withQuery(
                        "error-rate", "scalar(sum(rate(mcp_requests_total{${canary}}[2m])))"))
        .hasMessageContaining("checks[1] (error-rate): the query returns a scalar");
    assertThatThrownBy(
            () ->
                AnalysisGate.mcpSuccessRate()
                    .withQuery(
                        "error-rate", "sum by (pod) (rate(mcp_requests_total{${canary}}[2m]))"))
        .hasMessageContaining("can return several series and Argo judges only result[0]");
  }

  @Test
  void should_need_a_requests_query_to_require_requests() {
    assertThatThrownBy(
            () ->
                AnalysisGate.builder()
                    .from(AnalysisGate.bluegreenValidation())
                    .onNoData(NoDataPolicy.requireRequests(10))
                    .build())
        .hasMessageContaining("onNoData: requireRequests(10) needs requestsQuery");
  }

  @ParameterizedTest
  @CsvSource({
    "AT_LEAST, 0.95, '>= 0.95'",
    "AT_MOST, 0.05, '<= 0.05'",
    "BELOW, 0.5, '< 0.5'",
    "ABOVE, 10, '> 10'",
    "BELOW, 1.0, '< 1'"
  })
  void should_write_thresholds_the_same_in_every_locale(
      Direction direction, double threshold, String tail) {
    assertThat(MetricCheck.of("m", direction, threshold, FILTERED).condition())
        .isEqualTo("len(result) > 0 && !isNaN(result[0]) && result[0] " + tail);
  }

  @Test
  void should_compile_the_mcp_gate_as_the_article_meant_it() {
    AnalysisTemplate t = AnalysisGate.mcpSuccessRate().toAnalysisTemplate("ai-services");
    assertThat(t.getMetadata().getName()).isEqualTo("mcp-success-rate");
    assertThat(t.getMetadata().getNamespace()).isEqualTo("ai-services");
    assertThat(t.getSpec().getArgs()).extracting(a -> a.getName()).containsExactly("canary-hash");
    assertThat(t.getSpec().getMetrics())
        .extracting(Metrics::getName)
        .containsExactly("success-rate", "error-rate");
    Metrics success = t.getSpec().getMetrics().get(0);
    assertThat(success.getInterval()).isEqualTo("1m");
    assertThat(success.getCount()).isEqualTo(new IntOrString(5));
    assertThat(success.getFailureLimit()).isEqualTo(new IntOrString(2));
    assertThat(success.getSuccessCondition())
        .isEqualTo("len(result) > 0 && !isNaN(result[0]) && result[0] >= 0.95");
    assertThat(success.getProvider().getPrometheus().getAddress())
        .isEqualTo("http://prometheus.monitoring:9090");
    assertThat(success.getProvider().getPrometheus().getQuery())
        .isEqualTo(
            "((sum(rate(mcp_requests_total{status=\"success\","
                + " rollouts_pod_template_hash=\"{{args.canary-hash}}\"}[2m])) or vector(0)) /"
                + " sum(rate(mcp_requests_total{rollouts_pod_template_hash=\"{{args.canary-hash}}\"}[2m])))"
                + " and on()"
                + " (sum(increase(mcp_requests_total{rollouts_pod_template_hash=\"{{args.canary-hash}}\"}[2m]))"
                + " >= 100)");
    assertThat(success.getFailureCondition())
        .isEqualTo("len(result) > 0 && !isNaN(result[0]) && result[0] < 0.95");
    assertThat(t.getSpec().getMetrics().get(1).getSuccessCondition())
        .isEqualTo("len(result) > 0 && !isNaN(result[0]) && result[0] <= 0.05");
  }

  @Test
  void should_compile_the_ml_presets_from_adr_008() {
    AnalysisGate health = AnalysisGate.canaryHealthCheck();
    assertThat(health.checks())
        .extracting(MetricCheck::toString)
        .containsExactly("error-rate < 0.05", "p95-latency < 0.5", "prediction-drift <= 0.3");
    assertThat(List.of(health.interval(), health.measurements(), health.failureLimit()))
        .containsExactly(Duration.ofSeconds(30), 3, 1);

    AnalysisGate bluegreen = AnalysisGate.bluegreenValidation();
    assertThat(bluegreen.checks())
        .extracting(MetricCheck::toString)
        .containsExactly("error-rate < 0.02", "p99-latency < 1");
    assertThat(List.of(bluegreen.interval(), bluegreen.measurements(), bluegreen.failureLimit()))
        .containsExactly(Duration.ofSeconds(60), 5, 0);
  }

  @Test
  void should_use_the_configured_canary_hash_label_and_address() {
    AnalysisGate gate =
        AnalysisGate.mcpSuccessRate()
            .withPrometheus(
                PrometheusSettings.defaults()
                    .withCanaryHashLabel("version")
                    .withAddress("http://thanos.monitoring:9090"));
    Metrics m = gate.toAnalysisTemplate("ai-services").getSpec().getMetrics().get(0);
    assertThat(m.getProvider().getPrometheus().getQuery())
        .contains("version=\"{{args.canary-hash}}\"")
        .doesNotContain("rollouts_pod_template_hash");
    assertThat(m.getProvider().getPrometheus().getAddress())
        .isEqualTo("http://thanos.monitoring:9090");
  }

  @Test
  void should_let_users_override_a_preset_query() {
    AnalysisGate gate =
        AnalysisGate.canaryHealthCheck()
            .withQuery("prediction-drift", "max(model_drift{${canary}, ${namespace}})");
    assertThat(
            gate.toAnalysisTemplate("ml")
                .getSpec()
                .getMetrics()
                .get(2)
                .getProvider()
                .getPrometheus()
                .getQuery())
        .startsWith(
            "(max(model_drift{rollouts_pod_template_hash=\"{{args.canary-hash}}\","
                + " namespace=\"ml\"})) and on() (");
    assertThatThrownBy(() -> gate.withQuery("nope", FILTERED))
        .hasMessageContaining("has no check 'nope'");
  }

  @Test
  void should_reject_every_problem_of_an_invalid_gate_at_once() {
    assertThatThrownBy(
            () ->
                AnalysisGate.builder()
                    .name("Bad_Name")
                    .addCheck(MetricCheck.atLeast("a", 0.9, "sum(rate(x[2m]))"))
                    .addCheck(MetricCheck.atLeast("a", 0.9, "sum(x{${canary}, ${service}})"))
                    .interval(Duration.ofMillis(1500))
                    .measurements(0)
                    .rollbackOnFailure(0)
                    .build())
        .isInstanceOf(InvalidSpecException.class)
        .satisfies(
            e ->
                assertThat(((InvalidSpecException) e).problems())
                    .containsExactly(
                        "name: 'Bad_Name' is not a valid DNS-1123 subdomain: lower-case letters,"
                            + " digits, '-' and '.', starting and ending with a letter or digit",
                        "checks[0] (a): the query is not filtered to the canary; put ${canary} in"
                            + " its label matchers, otherwise canary errors are diluted by the"
                            + " stable pods",
                        "checks[1]: duplicate check name 'a'",
                        "checks[1] (a): unknown placeholder ${service} (known: ${canary},"
                            + " ${namespace}; in KEDA queries also ${app}, ${rollout},"
                            + " ${destination})",
                        "interval: must be a positive whole number of seconds, got PT1.5S",
                        "measurements: must be at least 1, got 0",
                        "rollbackOnFailure: must be at least 1 (the first failed measurement), got"
                            + " 0"));
  }

  @Test
  void should_reject_non_finite_thresholds() {
    assertThatThrownBy(() -> MetricCheck.atLeast("x", Double.NaN, FILTERED))
        .hasMessageContaining("finite");
  }

  static Stream<String> presets() {
    return Stream.of("mcp-success-rate", "canary-health-check", "bluegreen-validation");
  }

  @ParameterizedTest
  @MethodSource("presets")
  void should_find_every_preset_by_name(String name) {
    assertThat(AnalysisGate.preset(name).name()).isEqualTo(name);
    assertThat(AnalysisGate.isPreset(name)).isTrue();
  }
}
