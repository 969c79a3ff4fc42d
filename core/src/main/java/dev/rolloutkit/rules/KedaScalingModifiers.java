package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec;

/** scalingModifiers have a formula, and a target with the formula. */
final class KedaScalingModifiers extends ScaledObjectRule {

  KedaScalingModifiers() {
    super(
        "KEDA-SCALING-MODIFIERS",
        Severity.ERROR,
        "scalingModifiers have a formula, and a target with the formula",
        "KEDA's admission webhook rejects scalingModifiers without a formula, a formula without a"
            + " target, and fallback behavior scalingModifiers without a formula. KEDA:"
            + " apis/keda/v1alpha1/scaledobject_webhook.go ValidateAndCompileScalingModifiers,"
            + " verifyScaledObjects.");
  }

  @Override
  void check(ScaledObject so, ScaledObjectSpec spec, Findings f) {
    var mods = spec.getAdvanced() == null ? null : spec.getAdvanced().getScalingModifiers();
    boolean any =
        mods != null
            && (mods.getFormula() != null
                || mods.getTarget() != null
                || mods.getActivationTarget() != null
                || mods.getMetricType() != null);
    String formula = mods == null ? null : mods.getFormula();
    if (any && (formula == null || formula.isEmpty())) {
      f.add(
          so,
          "spec.advanced.scalingModifiers.formula",
          "error ScalingModifiers.Formula is mandatory",
          "add a formula");
    } else if (any && (mods.getTarget() == null || mods.getTarget().isEmpty())) {
      f.add(
          so,
          "spec.advanced.scalingModifiers.target",
          "error validating formula in ScalingModifiers\nformula is given but target is empty",
          "add a target");
    }
    if (spec.getFallback() != null
        && spec.getFallback().getBehavior() != null
        && "scalingModifiers".equals(spec.getFallback().getBehavior().getValue())
        && (formula == null || formula.isEmpty())) {
      f.add(
          so,
          "spec.fallback.behavior",
          "scalingModifiers fallback behavior requires scalingModifiers.formula to be defined",
          "add a formula");
    }
  }
}
