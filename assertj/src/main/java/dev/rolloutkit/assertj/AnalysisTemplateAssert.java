package dev.rolloutkit.assertj;

import dev.rolloutkit.analysis.AnalysisGate;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.analysistemplatespec.Metrics;
import dev.rolloutkit.profile.ArgoDuration;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an AnalysisTemplate, stated as gate intent.
 *
 * <pre>{@code
 * assertThat(template).rollsBackOnFailure(3).measuresEvery(60, SECONDS).times(5).filtersOnCanaryHash();
 * }</pre>
 */
public class AnalysisTemplateAssert
    extends AbstractAssert<AnalysisTemplateAssert, AnalysisTemplate> {

  public AnalysisTemplateAssert(AnalysisTemplate actual) {
    super(actual, AnalysisTemplateAssert.class);
  }

  private List<Metrics> metrics() {
    isNotNull();
    List<Metrics> metrics = actual.getSpec() == null ? null : actual.getSpec().getMetrics();
    if (metrics == null || metrics.isEmpty()) {
      failWithMessage("Expected %s to have metrics but spec.metrics is empty", Describe.of(actual));
    }
    return metrics;
  }

  /**
   * Every metric rolls back on its {@code nth} failed measurement, i.e. has {@code failureLimit:
   * nth - 1} (Argo fails a metric when failures, counted in total, exceed failureLimit).
   */
  public AnalysisTemplateAssert rollsBackOnFailure(int nth) {
    List<Metrics> metrics = metrics();
    for (int i = 0; i < metrics.size(); i++) {
      int limit = intValue(metrics.get(i).getFailureLimit(), 0);
      if (limit != nth - 1) {
        failWithMessage(
            "Expected %s to roll back on failed measurement #%d (failureLimit %d; Argo fails when"
                + " failures > failureLimit) but spec.metrics[%d] (%s) has failureLimit %d, which"
                + " rolls back on failure #%d",
            Describe.of(actual), nth, nth - 1, i, metrics.get(i).getName(), limit, limit + 1);
      }
    }
    return myself;
  }

  /**
   * Expects every metric to measure every {@code amount} {@code unit}; say how often with {@link
   * MeasureCheck#times}.
   */
  public MeasureCheck measuresEvery(long amount, TimeUnit unit) {
    return new MeasureCheck(this, unit.toSeconds(amount));
  }

  /**
   * Expects every metric to measure every {@code amount} {@code unit}; say how often with {@link
   * MeasureCheck#times}.
   */
  public MeasureCheck measuresEvery(long amount, ChronoUnit unit) {
    return new MeasureCheck(this, Duration.of(amount, unit).getSeconds());
  }

  /** Every metric measures every {@code seconds}, {@code count} times. */
  public AnalysisTemplateAssert measuresEverySecondsTimes(long seconds, int count) {
    List<Metrics> metrics = metrics();
    for (int i = 0; i < metrics.size(); i++) {
      Metrics m = metrics.get(i);
      long interval =
          m.getInterval() == null ? -1 : ArgoDuration.seconds(m.getInterval()).orElse(-1);
      int actualCount = intValue(m.getCount(), 0);
      if (interval != seconds || actualCount != count) {
        failWithMessage(
            "Expected %s to measure every %s, %d times, but spec.metrics[%d] (%s) has interval %s"
                + " and count %s",
            Describe.of(actual),
            Describe.seconds(seconds),
            count,
            i,
            m.getName(),
            m.getInterval(),
            m.getCount() == null ? "<none>" : actualCount);
      }
    }
    return myself;
  }

  /** The template declares arg {@code canary-hash} and every Prometheus query uses it. */
  public AnalysisTemplateAssert filtersOnCanaryHash() {
    List<Metrics> metrics = metrics();
    boolean declared =
        actual.getSpec().getArgs() != null
            && actual.getSpec().getArgs().stream()
                .anyMatch(a -> AnalysisGate.CANARY_HASH_ARG.equals(a.getName()));
    if (!declared) {
      failWithMessage(
          "Expected %s to filter on the canary hash but spec.args does not declare %s",
          Describe.of(actual), AnalysisGate.CANARY_HASH_ARG);
    }
    for (int i = 0; i < metrics.size(); i++) {
      var prometheus =
          metrics.get(i).getProvider() == null
              ? null
              : metrics.get(i).getProvider().getPrometheus();
      if (prometheus != null
          && (prometheus.getQuery() == null
              || !prometheus
                  .getQuery()
                  .contains("{{args." + AnalysisGate.CANARY_HASH_ARG + "}}"))) {
        failWithMessage(
            "Expected %s to filter on the canary hash but"
                + " spec.metrics[%d].provider.prometheus.query (%s) does not use {{args.%s}}: %s",
            Describe.of(actual),
            i,
            metrics.get(i).getName(),
            AnalysisGate.CANARY_HASH_ARG,
            prometheus.getQuery());
      }
    }
    return myself;
  }

  private static int intValue(IntOrString value, int fallback) {
    if (value == null) {
      return fallback;
    }
    if (value.getIntVal() != null) {
      return value.getIntVal();
    }
    try {
      return Integer.parseInt(value.getStrVal());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** The second half of {@code measuresEvery(…)}. */
  public static final class MeasureCheck {
    private final AnalysisTemplateAssert owner;
    private final long seconds;

    MeasureCheck(AnalysisTemplateAssert owner, long seconds) {
      this.owner = owner;
      this.seconds = seconds;
    }

    /** …{@code count} times (Argo {@code count}). */
    public AnalysisTemplateAssert times(int count) {
      return owner.measuresEverySecondsTimes(seconds, count);
    }
  }
}
