package dev.rolloutkit.analysis;

import dev.rolloutkit.DnsNames;
import dev.rolloutkit.InvalidSpecException;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * An analysis gate stated as intent — what to check, how often, how many times, and on which failed
 * measurement to roll back — compiled to an Argo {@code AnalysisTemplate} with correct semantics.
 *
 * <pre>{@code
 * AnalysisGate.builder().name("checkout-slo")
 *     .addCheck(MetricCheck.atLeast("success-rate", 0.99, "…{${canary}}…"))
 *     .interval(Duration.ofSeconds(60)).measurements(5).rollbackOnFailure(3)
 *     .build();
 * }</pre>
 *
 * <h2>How the numbers map to Argo</h2>
 *
 * <ul>
 *   <li><b>Roll back on the Nth failed measurement → {@code failureLimit: N-1}.</b> Argo counts
 *       failed measurements in <em>total</em> (not consecutively) and fails the metric when {@code
 *       failed > failureLimit}, strictly. So {@code failureLimit: 3} rolls back on the
 *       <em>fourth</em> failure, not the third as the MCP article says; "roll back after 3
 *       failures" is {@code failureLimit: 2}. Each check is its own metric and counts its own
 *       failures.
 *   <li><b>{@code measurements} → {@code count}</b>, always finite: Argo rejects a step analysis
 *       whose metric has an interval but no count ("runs indefinitely"). {@code count} must be at
 *       least {@code failureLimit + 1}, or the gate could never roll back.
 *   <li><b>Conditions</b> are {@code len(result) > 0 && !isNaN(result[0]) && …}: an empty vector or
 *       NaN is never an evaluation error or a silent pass, but what the gate's {@link NoDataPolicy}
 *       says: a failed measurement, or an Inconclusive one (a mirrored {@code failureCondition};
 *       the Rollout pauses), optionally below a minimum of canary requests.
 *   <li><b>{@code consecutiveErrorLimit}</b> is at least {@code count} and covers {@link
 *       #prometheusOutageTolerance()} (default 2 minutes) of Argo's 10 s error retries: with Argo's
 *       default of 4, a Prometheus blip of about 50 s aborts the rollout. Errors do not count
 *       towards {@code count}; the analysis waits the outage out.
 *   <li><b>Queries</b> return one series: a scalar ({@code scalar(…)}) or a query that can return
 *       several series is refused ({@link QueryShape}).
 *   <li><b>Queries</b> are filtered to the canary: the template declares arg {@value
 *       #CANARY_HASH_ARG}, the Rollout passes it with {@code valueFrom.podTemplateHashValue:
 *       Latest}, and {@code ${canary}} in a query becomes {@code
 *       rollouts_pod_template_hash="{{args.canary-hash}}"}.
 * </ul>
 *
 * @see <a href="https://argo-rollouts.readthedocs.io/en/stable/features/analysis/">Argo Rollouts
 *     analysis</a>
 */
@Value.Immutable
public abstract class AnalysisGate {

  /** The argument every gate declares and every Rollout passes: the canary's pod-template hash. */
  public static final String CANARY_HASH_ARG = "canary-hash";

  /**
   * Annotation on an AnalysisTemplate that states the fewest failed measurements it is meant to
   * tolerate before rolling back, e.g. {@code "1"} for a strict validation gate. Rule {@code
   * ANALYSIS-ROLLBACK-TOLERANCE} judges the template against this number instead of the configured
   * minimum (default 3).
   */
  public static final String MIN_FAILURES_ANNOTATION = "rolloutkit.dev/min-failures-to-roll-back";

  /** The gate's name, which is also its AnalysisTemplate's name. */
  public abstract String name();

  /** What is measured; each check becomes one Argo metric. */
  public abstract List<MetricCheck> checks();

  /** Time between measurements (Argo {@code interval}). */
  public abstract Duration interval();

  /** How many measurements each check takes (Argo {@code count}). */
  public abstract int measurements();

  /**
   * The failed measurement, counted in total per check, that rolls back: 1 = the first (Argo {@code
   * failureLimit: 0}).
   */
  public abstract int rollbackOnFailure();

  /**
   * Whether rolling back on fewer failed measurements than lint's minimum (default 3) is
   * deliberate, as for a strict validation gate. The template then carries {@link
   * #MIN_FAILURES_ANNOTATION} with {@link #rollbackOnFailure()}, so the rollback-tolerance rule
   * holds it to its own number. Default false.
   */
  @Value.Default
  public boolean strictByDesign() {
    return false;
  }

  /**
   * What a measurement with no data (an empty vector, NaN) is: failed, Inconclusive, or
   * Inconclusive below a minimum of canary requests. Default {@link NoDataPolicy#FAIL}; stated in
   * {@link #toString()} and on the AnalysisTemplate.
   */
  @Value.Default
  public NoDataPolicy onNoData() {
    return NoDataPolicy.FAIL;
  }

  /**
   * A query for the number of canary requests in a measurement's window, one series, e.g. {@code
   * sum(increase(http_requests_total{${canary}}[2m]))}; required by {@link
   * NoDataPolicy#requireRequests(long)}.
   */
  public abstract java.util.Optional<String> requestsQuery();

  /**
   * How long Prometheus may not answer before the analysis gives up (Argo retries an Error after 10
   * s); sets {@code consecutiveErrorLimit}. Default 2 minutes.
   */
  @Value.Default
  public Duration prometheusOutageTolerance() {
    return Duration.ofMinutes(2);
  }

  /**
   * Argo's {@code consecutiveErrorLimit}: enough 10 s retries to cover {@link
   * #prometheusOutageTolerance()}, and at least {@link #measurements()}.
   */
  public int consecutiveErrorLimit() {
    long retries = (prometheusOutageTolerance().getSeconds() + 9) / 10;
    return (int) Math.max(measurements(), Math.max(retries, 1));
  }

  /** Where Prometheus is and which label carries the canary's hash. */
  @Value.Default
  public PrometheusSettings prometheus() {
    return PrometheusSettings.defaults();
  }

  /** Argo's {@code failureLimit}: {@code rollbackOnFailure() - 1}. */
  public int failureLimit() {
    return rollbackOnFailure() - 1;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code mcp-success-rate} (MCP article): success rate ≥ 0.95 and error rate ≤ 0.05 of {@code
   * mcp_requests_total}, every 60s, 5 measurements, roll back on the 3rd failed measurement ({@code
   * failureLimit: 2}). Numerators are zero-safe ({@code … or vector(0)}: a version with no error
   * has no error series), and a window with fewer than 100 canary requests is Inconclusive ({@link
   * NoDataPolicy#requireRequests(long)}): an idle MCP server pauses its canary instead of rolling
   * it back.
   */
  public static AnalysisGate mcpSuccessRate() {
    String total = "sum(rate(mcp_requests_total{${canary}}[2m]))";
    return builder()
        .name("mcp-success-rate")
        .addCheck(
            MetricCheck.atLeast(
                "success-rate",
                0.95,
                "(sum(rate(mcp_requests_total{status=\"success\", ${canary}}[2m])) or vector(0)) / "
                    + total))
        .addCheck(
            MetricCheck.atMost(
                "error-rate",
                0.05,
                "(sum(rate(mcp_requests_total{status=\"error\", ${canary}}[2m])) or vector(0)) / "
                    + total))
        .interval(Duration.ofSeconds(60))
        .measurements(5)
        .rollbackOnFailure(3)
        .requestsQuery("sum(increase(mcp_requests_total{${canary}}[2m]))")
        .onNoData(NoDataPolicy.requireRequests(100))
        .build();
  }

  /**
   * {@code canary-health-check} (ADR-008): error rate &lt; 5 %, p95 latency &lt; 500 ms, prediction
   * drift ≤ 0.3; 3 measurements at 30s, roll back on the 2nd failed measurement ({@code
   * failureLimit: 1}), strict by the ADR's design. A window with fewer than 50 canary requests is
   * Inconclusive ({@link NoDataPolicy#requireRequests(long)}): a model deployed at night pauses
   * instead of rolling back.
   */
  public static AnalysisGate canaryHealthCheck() {
    return builder()
        .name("canary-health-check")
        .addCheck(MetricCheck.below("error-rate", 0.05, errorRate()))
        .addCheck(MetricCheck.below("p95-latency", 0.5, latency("0.95")))
        .addCheck(
            MetricCheck.atMost("prediction-drift", 0.3, "max(prediction_drift_score{${canary}})"))
        .interval(Duration.ofSeconds(30))
        .measurements(3)
        .rollbackOnFailure(2)
        .strictByDesign(true)
        .requestsQuery(REQUESTS)
        .onNoData(NoDataPolicy.requireRequests(50))
        .build();
  }

  /**
   * {@code bluegreen-validation} (ADR-008, for major model versions): error rate &lt; 2 %, p99
   * latency &lt; 1 s; 5 measurements at 60s, roll back on the 1st failed measurement ({@code
   * failureLimit: 0}), strict by the ADR's design. No data fails: the preview is validated with
   * test traffic, and a preview nobody reached is not validated.
   */
  public static AnalysisGate bluegreenValidation() {
    return builder()
        .name("bluegreen-validation")
        .addCheck(MetricCheck.below("error-rate", 0.02, errorRate()))
        .addCheck(MetricCheck.below("p99-latency", 1, latency("0.99")))
        .interval(Duration.ofSeconds(60))
        .measurements(5)
        .rollbackOnFailure(1)
        .strictByDesign(true)
        .onNoData(NoDataPolicy.FAIL)
        .build();
  }

  /** The preset called {@code name}. */
  public static AnalysisGate preset(String name) {
    return switch (name) {
      case "mcp-success-rate" -> mcpSuccessRate();
      case "canary-health-check" -> canaryHealthCheck();
      case "bluegreen-validation" -> bluegreenValidation();
      default ->
          throw new IllegalArgumentException(
              "unknown analysis gate '"
                  + name
                  + "': expected one of mcp-success-rate, canary-health-check,"
                  + " bluegreen-validation");
    };
  }

  /** Whether {@code name} is a preset gate's name. */
  public static boolean isPreset(String name) {
    return Set.of("mcp-success-rate", "canary-health-check", "bluegreen-validation").contains(name);
  }

  private static final String REQUESTS = "sum(increase(http_requests_total{${canary}}[2m]))";

  private static String errorRate() {
    return "(sum(rate(http_requests_total{status=~\"5..\", ${canary}}[2m])) or vector(0)) /"
        + " sum(rate(http_requests_total{${canary}}[2m]))";
  }

  private static String latency(String quantile) {
    return "histogram_quantile("
        + quantile
        + ", sum(rate(http_request_duration_seconds_bucket{${canary}}[2m])) by (le))";
  }

  /** A copy in which the check {@code checkName} runs {@code query}. */
  public AnalysisGate withQuery(String checkName, String query) {
    if (checks().stream().noneMatch(c -> c.name().equals(checkName))) {
      throw new IllegalArgumentException(
          "gate '" + name() + "' has no check '" + checkName + "'; it has " + checks());
    }
    return builder()
        .from(this)
        .checks(
            checks().stream()
                .map(c -> c.name().equals(checkName) ? c.withQuery(query) : c)
                .toList())
        .build();
  }

  /** A copy with another no-data policy. */
  public AnalysisGate withOnNoData(NoDataPolicy policy) {
    return builder().from(this).onNoData(policy).build();
  }

  /** A copy with other Prometheus settings. */
  public AnalysisGate withPrometheus(PrometheusSettings prometheus) {
    return builder().from(this).prometheus(prometheus).build();
  }

  /** A copy that measures {@code measurements} times, every {@code interval}. */
  public AnalysisGate withMeasurements(int measurements, Duration interval) {
    return builder().from(this).measurements(measurements).interval(interval).build();
  }

  /** A copy that rolls back on the {@code nth} failed measurement. */
  public AnalysisGate withRollbackOnFailure(int nth) {
    return builder().from(this).rollbackOnFailure(nth).build();
  }

  /**
   * A copy that states whether rolling back on fewer failures than lint's minimum is deliberate.
   */
  public AnalysisGate withStrictByDesign(boolean strict) {
    return builder().from(this).strictByDesign(strict).build();
  }

  /** The AnalysisTemplate this gate compiles to, in {@code namespace}. */
  public AnalysisTemplate toAnalysisTemplate(String namespace) {
    return GateCompiler.compile(this, namespace);
  }

  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>();
    DnsNames.subdomainProblem(name()).ifPresent(p -> problems.add("name: " + p));
    if (checks().isEmpty()) {
      problems.add("checks: a gate needs at least one check");
    }
    Set<String> seen = new HashSet<>();
    for (int index = 0; index < checks().size(); index++) {
      final int i = index;
      MetricCheck c = checks().get(i);
      if (c.name().isBlank()) {
        problems.add(String.format("checks[%d]: a check needs a name", i));
      } else if (!seen.add(c.name())) {
        problems.add(String.format("checks[%d]: duplicate check name '%s'", i, c.name()));
      }
      QueryTemplate query = c.template();
      query
          .problems()
          .forEach(p -> problems.add(String.format("checks[%d] (%s): %s", i, c.name(), p)));
      query.placeholders().stream()
          .filter(
              p ->
                  !p.equals(QueryTemplate.CANARY)
                      && !p.equals(QueryTemplate.NAMESPACE)
                      && QueryTemplate.of("${" + p + "}").problems().isEmpty())
          .forEach(
              p ->
                  problems.add(
                      String.format(
                          "checks[%d] (%s): ${%s} is for KEDA queries; a gate knows ${canary} and"
                              + " ${namespace}",
                          i, c.name(), p)));
      if (!query.filtersOnCanary()) {
        problems.add(
            String.format(
                "checks[%d] (%s): the query is not filtered to the canary; put ${canary} in its"
                    + " label matchers, otherwise canary errors are diluted by the stable pods",
                i, c.name()));
      }
      QueryShape.problem(c.query())
          .ifPresent(p -> problems.add(String.format("checks[%d] (%s): %s", i, c.name(), p)));
    }
    requestsQuery()
        .ifPresent(
            q -> {
              QueryTemplate t = QueryTemplate.of(q);
              t.problems().forEach(p -> problems.add("requestsQuery: " + p));
              if (!t.filtersOnCanary()) {
                problems.add(
                    "requestsQuery: the query is not filtered to the canary; put ${canary} in its"
                        + " label matchers");
              }
              QueryShape.problem(q).ifPresent(p -> problems.add("requestsQuery: " + p));
            });
    if (onNoData().minimumRequests() > 0 && requestsQuery().isEmpty()) {
      problems.add(
          "onNoData: "
              + onNoData()
              + " needs requestsQuery, the number of canary requests in a window (e.g."
              + " sum(increase(http_requests_total{${canary}}[2m])))");
    }
    if (prometheusOutageTolerance().isNegative()) {
      problems.add(
          "prometheusOutageTolerance: must be 0 or more, got " + prometheusOutageTolerance());
    }
    if (interval().isNegative() || interval().isZero() || interval().getNano() != 0) {
      problems.add("interval: must be a positive whole number of seconds, got " + interval());
    }
    if (measurements() < 1) {
      problems.add("measurements: must be at least 1, got " + measurements());
    }
    if (rollbackOnFailure() < 1) {
      problems.add(
          "rollbackOnFailure: must be at least 1 (the first failed measurement), got "
              + rollbackOnFailure());
    } else if (measurements() >= 1 && measurements() < rollbackOnFailure()) {
      problems.add(
          String.format(
              "measurements: %d measurements can never reach the %d failures that roll back"
                  + " (Argo needs count >= failureLimit + 1 = %d)",
              measurements(), rollbackOnFailure(), rollbackOnFailure()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidSpecException("analysis gate '" + name() + "'", problems);
    }
  }

  @Override
  public String toString() {
    return name()
        + checks()
        + " every "
        + interval().getSeconds()
        + "s ×"
        + measurements()
        + ", roll back on failure #"
        + rollbackOnFailure()
        + ", no data → "
        + onNoData();
  }

  /** Builds gates; {@link #build()} checks the whole gate. */
  public static final class Builder extends ImmutableAnalysisGate.Builder {}
}
