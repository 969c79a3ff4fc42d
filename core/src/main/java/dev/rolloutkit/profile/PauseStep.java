package dev.rolloutkit.profile;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Wait for a duration, or until promoted. Create with {@link CanaryStep#pause(java.time.Duration)}.
 */
@Value.Immutable
public abstract class PauseStep implements CanaryStep {

  /** The duration as Argo writes it ({@code 2m}, {@code 60}); empty means until promoted. */
  public abstract Optional<String> duration();

  /** True when the pause ends only by promotion. */
  public boolean untilPromoted() {
    return duration().isEmpty();
  }

  @Override
  public String describe() {
    return duration().orElse("pause(until promoted)");
  }

  @Override
  public String toString() {
    return describe();
  }
}
