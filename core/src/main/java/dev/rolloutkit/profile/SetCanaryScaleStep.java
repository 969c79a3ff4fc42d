package dev.rolloutkit.profile;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Scale the canary independently of its traffic weight (Argo {@code setCanaryScale}): a number of
 * pods, a share of {@code spec.replicas}, or back to following the traffic weight. It applies only
 * with traffic routing (without it Argo ignores it) and lasts until the next setCanaryScale step.
 * Create with {@link CanaryStep#setCanaryScale(int)}, {@link CanaryStep#setCanaryScaleWeight(int)}
 * or {@link CanaryStep#matchTrafficWeight()}.
 */
@Value.Immutable
public abstract class SetCanaryScaleStep implements CanaryStep {

  /** A number of canary pods. */
  public abstract Optional<Integer> replicas();

  /** A share of spec.replicas, in percent. */
  public abstract Optional<Integer> weight();

  /** Neither: the canary follows the traffic weight again ({@code matchTrafficWeight: true}). */
  public boolean matchTrafficWeight() {
    return replicas().isEmpty() && weight().isEmpty();
  }

  @Override
  public String describe() {
    return replicas()
        .map(r -> "scale(" + r + " pods)")
        .or(() -> weight().map(w -> "scale(" + w + "%)"))
        .orElse("scale(match traffic)");
  }

  @Override
  public String toString() {
    return describe();
  }
}
