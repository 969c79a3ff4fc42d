package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec;
import java.util.Objects;

/** minReplicaCount ≤ maxReplicaCount and idleReplicaCount < the effective minimum. */
final class KedaReplicaBounds extends ScaledObjectRule {

  KedaReplicaBounds() {
    super(
        "KEDA-REPLICA-BOUNDS",
        Severity.ERROR,
        "minReplicaCount ≤ maxReplicaCount and idleReplicaCount < the effective minimum",
        "KEDA's admission webhook rejects min > max and idle >= min; an explicit minReplicaCount of"
            + " 0 counts as 1 there, so idle 0 with min unset is rejected and with min 0 is"
            + " accepted. KEDA: apis/keda/v1alpha1/scaledobject_webhook.go verifyReplicaCount,"
            + " scaledobject_types.go CheckReplicaCountBoundsAreValid.");
  }

  @Override
  void check(ScaledObject so, ScaledObjectSpec spec, Findings f) {
    int min = effectiveMin(spec.getMinReplicaCount());
    int max = Objects.requireNonNullElse(spec.getMaxReplicaCount(), 100);
    if (min > max) {
      f.add(
          so,
          "spec.minReplicaCount",
          "MinReplicaCount=" + min + " must be less than MaxReplicaCount=" + max,
          "lower minReplicaCount or raise maxReplicaCount");
    }
    if (spec.getIdleReplicaCount() != null && spec.getIdleReplicaCount() >= min) {
      f.add(
          so,
          "spec.idleReplicaCount",
          "IdleReplicaCount="
              + spec.getIdleReplicaCount()
              + " must be less than MinReplicaCount="
              + min,
          "set minReplicaCount (the minimum while active) to at least 1, e.g. 2");
    }
  }
}
