package dev.rolloutkit.profile;

import org.immutables.value.Value;

/**
 * Run an analysis gate, named here and defined by an {@code AnalysisGate} of the stack. Create with
 * {@link CanaryStep#analysis(String)}.
 */
@Value.Immutable
public abstract class AnalysisStep implements CanaryStep {

  /** The name of the gate (and of the AnalysisTemplate it compiles to). */
  @Value.Parameter
  public abstract String gate();

  @Override
  public String describe() {
    return "gate(" + gate() + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
