package dev.rolloutkit.profile;

import org.immutables.value.Value;

/** Route a percentage of traffic to the canary. Create with {@link CanaryStep#setWeight(int)}. */
@Value.Immutable
public abstract class SetWeightStep implements CanaryStep {

  /** The canary's share of traffic, in percent. */
  @Value.Parameter
  public abstract int weight();

  @Override
  public String describe() {
    return weight() + "%";
  }

  @Override
  public String toString() {
    return describe();
  }
}
