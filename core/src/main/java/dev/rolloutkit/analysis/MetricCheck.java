package dev.rolloutkit.analysis;

import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * One thing a gate measures: a Prometheus query and the threshold a healthy canary stays on the
 * right side of. Compiles to one Argo metric whose {@code successCondition} is safe against empty
 * results and NaN:
 *
 * <pre>{@code
 * MetricCheck.atLeast("success-rate", 0.95,
 *     "sum(rate(mcp_requests_total{status=\"success\", ${canary}}[2m])) / sum(rate(mcp_requests_total{${canary}}[2m]))")
 *   .condition()   // len(result) > 0 && !isNaN(result[0]) && result[0] >= 0.95
 * }</pre>
 *
 * An empty vector (no traffic yet, a wrong label) or NaN (0/0) makes the measurement <em>fail</em>,
 * instead of an evaluation error ({@code result[0]} on an empty slice) or a silent pass (a
 * failure-only condition on NaN).
 */
@Value.Immutable
public abstract class MetricCheck {

  /** The Argo metric name, e.g. {@code success-rate}. */
  public abstract String name();

  /**
   * The PromQL query, with {@code ${canary}} (required) and {@code ${namespace}} placeholders; see
   * {@link QueryTemplate}.
   */
  public abstract String query();

  /** Which side of the threshold is healthy. */
  public abstract Direction direction();

  /** The threshold. */
  public abstract double threshold();

  /** Healthy when the value is at least {@code threshold}. */
  public static MetricCheck atLeast(String name, double threshold, String query) {
    return of(name, Direction.AT_LEAST, threshold, query);
  }

  /** Healthy when the value is at most {@code threshold}. */
  public static MetricCheck atMost(String name, double threshold, String query) {
    return of(name, Direction.AT_MOST, threshold, query);
  }

  /** Healthy when the value is below {@code threshold}. */
  public static MetricCheck below(String name, double threshold, String query) {
    return of(name, Direction.BELOW, threshold, query);
  }

  /** Healthy when the value is above {@code threshold}. */
  public static MetricCheck above(String name, double threshold, String query) {
    return of(name, Direction.ABOVE, threshold, query);
  }

  /** A check from all its parts. */
  public static MetricCheck of(String name, Direction direction, double threshold, String query) {
    return ImmutableMetricCheck.builder()
        .name(name)
        .direction(direction)
        .threshold(threshold)
        .query(query)
        .build();
  }

  /** A copy with another query. */
  public MetricCheck withQuery(String query) {
    return ImmutableMetricCheck.builder().from(this).query(query).build();
  }

  /** A copy with another threshold. */
  public MetricCheck withThreshold(double threshold) {
    return ImmutableMetricCheck.builder().from(this).threshold(threshold).build();
  }

  /** The query as a template. */
  public QueryTemplate template() {
    return QueryTemplate.of(query());
  }

  /**
   * The Argo {@code successCondition}: {@code len(result) > 0 && !isNaN(result[0]) && result[0] >=
   * 0.95}.
   */
  public String condition() {
    return "len(result) > 0 && !isNaN(result[0]) && result[0] "
        + direction().operator()
        + " "
        + thresholdText();
  }

  /**
   * The mirror of {@link #condition()}, for a gate whose no-data policy is not {@code fail}: {@code
   * len(result) > 0 && !isNaN(result[0]) && result[0] < 0.95}. With both written, a result that is
   * empty or NaN satisfies neither and Argo marks the measurement Inconclusive.
   */
  public String failureCondition() {
    String opposite =
        switch (direction()) {
          case AT_LEAST -> "<";
          case AT_MOST -> ">";
          case ABOVE -> "<=";
          case BELOW -> ">=";
        };
    return "len(result) > 0 && !isNaN(result[0]) && result[0] " + opposite + " " + thresholdText();
  }

  /**
   * The threshold as written in conditions: shortest plain decimal, the same in every locale
   * ({@code 0.95}, {@code 1}).
   */
  public String thresholdText() {
    return BigDecimal.valueOf(threshold()).stripTrailingZeros().toPlainString();
  }

  @Value.Check
  protected void check() {
    dev.rolloutkit.DnsNames.textProblem(name(), false)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException("check name " + p);
            });
    if (!Double.isFinite(threshold())) {
      throw new IllegalArgumentException(
          "check '" + name() + "': threshold must be a finite number, got " + threshold());
    }
  }

  @Override
  public String toString() {
    return name() + " " + direction().operator() + " " + thresholdText();
  }
}
