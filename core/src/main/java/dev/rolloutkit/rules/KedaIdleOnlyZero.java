package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec;

/** idleReplicaCount, when set, is 0. */
final class KedaIdleOnlyZero extends ScaledObjectRule {

  KedaIdleOnlyZero() {
    super(
        "KEDA-IDLE-ONLY-ZERO",
        Severity.ERROR,
        "idleReplicaCount, when set, is 0",
        "KEDA accepts other values but they do not work: the HPA scales any other idle count"
            + " straight back up (KEDA docs: reference/scaledobject-spec, idleReplicaCount;"
            + " kedacore/keda#2314).");
  }

  @Override
  void check(ScaledObject so, ScaledObjectSpec spec, Findings f) {
    if (spec.getIdleReplicaCount() != null && spec.getIdleReplicaCount() != 0) {
      f.add(
          so,
          "spec.idleReplicaCount",
          "idleReplicaCount " + spec.getIdleReplicaCount() + " does not work; only 0 is supported",
          "use idleReplicaCount: 0, or remove it");
    }
  }
}
