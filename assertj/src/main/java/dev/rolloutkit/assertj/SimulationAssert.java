package dev.rolloutkit.assertj;

import dev.rolloutkit.simulation.RolloutSimulation;
import java.time.Duration;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a simulated canary does.
 *
 * <pre>{@code
 * assertThat(report).promotesWithin(Duration.ofMinutes(12));
 * assertThat(report).abortsAtWeight(30).within(Duration.ofMinutes(5));
 * }</pre>
 */
public class SimulationAssert extends AbstractAssert<SimulationAssert, RolloutSimulation.Report> {

  public SimulationAssert(RolloutSimulation.Report actual) {
    super(actual, SimulationAssert.class);
  }

  private String seconds() {
    return Math.round(actual.seconds()) + "s";
  }

  /** The rollout is promoted, no later than {@code limit} after it starts. */
  public SimulationAssert promotesWithin(Duration limit) {
    isNotNull();
    if (actual.outcome() != RolloutSimulation.Outcome.PROMOTED) {
      failWithMessage(
          "Expected the rollout to be promoted within %s but it was %s after %s: %s",
          limit, actual.outcome().json(), seconds(), actual.reason());
    }
    if (actual.seconds() > limit.getSeconds()) {
      failWithMessage(
          "Expected the rollout to be promoted within %s but it took %s", limit, seconds());
    }
    return myself;
  }

  /** The rollout aborts while its canary has {@code weight} percent of the traffic. */
  public SimulationAssert abortsAtWeight(int weight) {
    isNotNull();
    if (actual.outcome() != RolloutSimulation.Outcome.ABORTED) {
      failWithMessage(
          "Expected the rollout to abort at weight %d but it was %s after %s",
          weight, actual.outcome().json(), seconds());
    }
    if (actual.abortedAtWeight() != weight) {
      failWithMessage(
          "Expected the rollout to abort at weight %d but it aborted at weight %d (step %d): %s",
          weight, actual.abortedAtWeight(), actual.abortedAtStep(), actual.reason());
    }
    return myself;
  }

  /** The outcome came no later than {@code limit} after the start. */
  public SimulationAssert within(Duration limit) {
    isNotNull();
    if (actual.seconds() > limit.getSeconds()) {
      failWithMessage(
          "Expected the rollout to be %s within %s but it took %s",
          actual.outcome().json(), limit, seconds());
    }
    return myself;
  }

  /** The rollout pauses (a person must decide). */
  public SimulationAssert pauses() {
    isNotNull();
    if (actual.outcome() != RolloutSimulation.Outcome.PAUSED) {
      failWithMessage(
          "Expected the rollout to pause but it was %s after %s",
          actual.outcome().json(), seconds());
    }
    return myself;
  }

  /** The canary served at most {@code share} (0 to 1) of the requests before the outcome. */
  public SimulationAssert exposesAtMost(double share) {
    isNotNull();
    if (actual.canaryRequestShare() > share) {
      failWithMessage(
          "Expected the canary to serve at most %s of the requests but it served %s",
          share, actual.canaryRequestShare());
    }
    return myself;
  }
}
