package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec;

/** fallback with scalingModifiers has a whole-number target. */
final class KedaFallbackDisabled extends ScaledObjectRule {

  KedaFallbackDisabled() {
    super(
        "KEDA-FALLBACK-SILENTLY-OFF",
        Severity.WARNING,
        "fallback with scalingModifiers has a whole-number target",
        "KEDA accepts a fractional scalingModifiers.target, but to compute fallback it reads the"
            + " target as an integer, so fallback is silently disabled. KEDA:"
            + " pkg/fallback/fallback.go HasValidFallback.");
  }

  @Override
  void check(ScaledObject so, ScaledObjectSpec spec, Findings f) {
    var mods = spec.getAdvanced() == null ? null : spec.getAdvanced().getScalingModifiers();
    if (spec.getFallback() == null
        || mods == null
        || mods.getFormula() == null
        || mods.getTarget() == null) {
      return;
    }
    try {
      Long.parseLong(mods.getTarget().trim());
    } catch (NumberFormatException e) {
      f.add(
          so,
          "spec.advanced.scalingModifiers.target",
          "scalingModifiers target "
              + quote(mods.getTarget())
              + " is not a whole number, so KEDA silently disables fallback",
          "use a whole-number target, e.g. \"1\"");
    }
  }
}
