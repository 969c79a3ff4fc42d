package dev.rolloutkit.assertj;

import dev.rolloutkit.analysis.AnalysisGate;
import dev.rolloutkit.analysis.Direction;
import dev.rolloutkit.analysis.MetricCheck;
import dev.rolloutkit.analysis.NoDataPolicy;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an analysis gate as stated: its checks' thresholds and directions, the failed
 * measurement that rolls back, and what no data means.
 *
 * <pre>{@code
 * assertThat(gate).checks("error-rate", Direction.AT_MOST, 0.05).rollsBackOnFailure(3)
 *     .treatsNoDataAs(NoDataPolicy.requireRequests(100));
 * }</pre>
 */
public class AnalysisGateAssert extends AbstractAssert<AnalysisGateAssert, AnalysisGate> {

  public AnalysisGateAssert(AnalysisGate actual) {
    super(actual, AnalysisGateAssert.class);
  }

  private MetricCheck check(String name) {
    isNotNull();
    return actual.checks().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseGet(
            () -> {
              failWithMessage(
                  "Expected gate %s to have a check '%s' but its checks are %s",
                  actual.name(), name, actual.checks());
              return null;
            });
  }

  /** The check {@code name} is healthy on the {@code direction} side of {@code threshold}. */
  public AnalysisGateAssert checks(String name, Direction direction, double threshold) {
    MetricCheck c = check(name);
    if (c.direction() != direction || Double.compare(c.threshold(), threshold) != 0) {
      failWithMessage(
          "Expected gate %s to check %s %s %s but it checks %s",
          actual.name(), name, direction.operator(), threshold, c);
    }
    return myself;
  }

  /** Every check rolls back on its {@code nth} failed measurement. */
  public AnalysisGateAssert rollsBackOnFailure(int nth) {
    isNotNull();
    if (actual.rollbackOnFailure() != nth) {
      failWithMessage(
          "Expected gate %s to roll back on failed measurement #%d but it rolls back on #%d"
              + " (failureLimit %d)",
          actual.name(), nth, actual.rollbackOnFailure(), actual.failureLimit());
    }
    return myself;
  }

  /** No data (an empty result, NaN) is handled by {@code policy}. */
  public AnalysisGateAssert treatsNoDataAs(NoDataPolicy policy) {
    isNotNull();
    if (!actual.onNoData().equals(policy)) {
      failWithMessage(
          "Expected gate %s to treat no data as %s but it treats it as %s",
          actual.name(), policy, actual.onNoData());
    }
    return myself;
  }

  /** Prometheus may be down this long without the analysis failing. */
  public AnalysisGateAssert toleratesAPrometheusOutageOf(java.time.Duration outage) {
    isNotNull();
    // Argo retries an Error after 10 s; the run fails when consecutive errors exceed the limit
    long errors = outage.getSeconds() / 10 + 1;
    if (errors > actual.consecutiveErrorLimit()) {
      failWithMessage(
          "Expected gate %s to tolerate a Prometheus outage of %s but %d Errors 10 s apart exceed"
              + " its consecutiveErrorLimit %d",
          actual.name(), outage, errors, actual.consecutiveErrorLimit());
    }
    return myself;
  }
}
