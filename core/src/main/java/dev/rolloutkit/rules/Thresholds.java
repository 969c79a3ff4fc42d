package dev.rolloutkit.rules;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * Numbers the rules judge with, which depend on a user's environment rather than on upstream
 * semantics.
 *
 * <pre>
 * {@code Thresholds.defaults().withScrapeInterval(Duration.ofSeconds(30)).withMinFailuresToRollBack(2)}
 * </pre>
 */
@Value.Immutable
public abstract class Thresholds {

  /**
   * How often Prometheus scrapes the canary's pods; default 15s (the source documents' assumption).
   */
  @Value.Default
  public Duration scrapeInterval() {
    return Duration.ofSeconds(15);
  }

  /**
   * The fewest failed measurements an analysis metric should tolerate before it rolls back; default
   * 3, the MCP article's advice against rollbacks on one NaN caused by scrape timing. A template
   * states a lower number of its own with annotation {@code
   * rolloutkit.dev/min-failures-to-roll-back}.
   */
  @Value.Default
  public int minFailuresToRollBack() {
    return 3;
  }

  /**
   * Whether the linted set is taken as complete ({@code --assume-complete}): a reference to a kind
   * the set holds none of is then an error, not a warning that it must exist in the cluster.
   */
  @Value.Default
  public boolean assumeComplete() {
    return false;
  }

  public Thresholds withAssumeComplete(boolean complete) {
    return ImmutableThresholds.builder().from(this).assumeComplete(complete).build();
  }

  public static Thresholds defaults() {
    return ImmutableThresholds.builder().build();
  }

  public Thresholds withScrapeInterval(Duration scrapeInterval) {
    return ImmutableThresholds.builder().from(this).scrapeInterval(scrapeInterval).build();
  }

  public Thresholds withMinFailuresToRollBack(int failures) {
    return ImmutableThresholds.builder().from(this).minFailuresToRollBack(failures).build();
  }

  @Value.Check
  protected void check() {
    if (scrapeInterval().isNegative() || scrapeInterval().isZero()) {
      throw new IllegalArgumentException(
          "scrapeInterval must be positive, got " + scrapeInterval());
    }
    if (minFailuresToRollBack() < 1) {
      throw new IllegalArgumentException(
          "minFailuresToRollBack must be at least 1, got " + minFailuresToRollBack());
    }
  }
}
