package dev.rolloutkit.assertj;

import dev.rolloutkit.simulation.GateQuality;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractDoubleAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on a gate's quality, computed for a healthy or a bad canary.
 *
 * <pre>{@code
 * assertThat(GateQuality.exact(metric, 0.01)).falseRollbackProbability().isLessThan(0.01);
 * }</pre>
 */
public class GateQualityAssert extends AbstractAssert<GateQualityAssert, GateQuality.Result> {

  public GateQualityAssert(GateQuality.Result actual) {
    super(actual, GateQualityAssert.class);
  }

  /**
   * The probability that the run ends Failed, read as a false rollback: compute the result with the
   * failure probability of a healthy canary's measurements.
   */
  public AbstractDoubleAssert<?> falseRollbackProbability() {
    isNotNull();
    return Assertions.assertThat(actual.failed())
        .as("probability of rolling back a healthy canary");
  }

  /**
   * The probability that the run ends Failed, read as detection: compute the result with the
   * failure probability of a bad canary's measurements.
   */
  public AbstractDoubleAssert<?> detectionProbability() {
    isNotNull();
    return Assertions.assertThat(actual.failed()).as("probability of rolling back a bad canary");
  }

  /** The probability that the run ends Inconclusive, which pauses the rollout. */
  public AbstractDoubleAssert<?> pauseProbability() {
    isNotNull();
    return Assertions.assertThat(actual.inconclusive()).as("probability of pausing the rollout");
  }
}
