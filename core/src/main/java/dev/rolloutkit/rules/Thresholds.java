package dev.rolloutkit.rules;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * Numbers the rules judge with, which depend on a user's environment rather than on upstream semantics.
 *
 * <pre>{@code Thresholds.defaults().withScrapeInterval(Duration.ofSeconds(30))}</pre>
 */
@Value.Immutable
public abstract class Thresholds {

  /** How often Prometheus scrapes the canary's pods; default 15s (the source documents' assumption). */
  @Value.Default
  public Duration scrapeInterval() {
    return Duration.ofSeconds(15);
  }

  public static Thresholds defaults() {
    return ImmutableThresholds.builder().build();
  }

  public Thresholds withScrapeInterval(Duration scrapeInterval) {
    return ImmutableThresholds.builder().from(this).scrapeInterval(scrapeInterval).build();
  }

  @Value.Check
  protected void check() {
    if (scrapeInterval().isNegative() || scrapeInterval().isZero()) {
      throw new IllegalArgumentException("scrapeInterval must be positive, got " + scrapeInterval());
    }
  }
}
