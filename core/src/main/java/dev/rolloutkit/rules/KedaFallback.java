package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec;
import java.util.List;
import java.util.Objects;

/** fallback has non-negative numbers and a trigger that is not cpu or memory. */
final class KedaFallback extends ScaledObjectRule {

  KedaFallback() {
    super(
        "KEDA-FALLBACK",
        Severity.ERROR,
        "fallback has non-negative numbers and a trigger that is not cpu or memory",
        "KEDA's admission webhook rejects a fallback with negative values, or on a ScaledObject"
            + " with only cpu/memory triggers and no scalingModifiers: fallback replaces the"
            + " metrics of failing external scalers, so there is nothing to fall back from. KEDA:"
            + " apis/keda/v1alpha1/scaledobject_webhook.go verifyFallback, scaledobject_types.go"
            + " CheckFallbackValid.");
  }

  @Override
  void check(ScaledObject so, ScaledObjectSpec spec, Findings f) {
    var fallback = spec.getFallback();
    if (fallback == null) {
      return;
    }
    int threshold = Objects.requireNonNullElse(fallback.getFailureThreshold(), 0);
    int replicas = Objects.requireNonNullElse(fallback.getReplicas(), 0);
    if (threshold < 0 || replicas < 0) {
      f.add(
          so,
          "spec.fallback",
          "FailureThreshold="
              + threshold
              + " & Replicas="
              + replicas
              + " must both be greater than or equal to 0",
          "use 0 or more, e.g. failureThreshold: 3 and replicas: 2");
    }
    boolean modifiers =
        spec.getAdvanced() != null
            && spec.getAdvanced().getScalingModifiers() != null
            && spec.getAdvanced().getScalingModifiers().getFormula() != null
            && !spec.getAdvanced().getScalingModifiers().getFormula().isEmpty();
    if (!modifiers
        && triggers(spec).stream().allMatch(t -> List.of("cpu", "memory").contains(t.getType()))) {
      f.add(
          so,
          "spec.fallback",
          "at least one trigger (that is not cpu or memory) has to have the `AverageValue` type for"
              + " the fallback to be enabled",
          "add an external trigger such as prometheus, or remove fallback");
    }
  }
}
