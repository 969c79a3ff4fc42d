package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec;
import dev.rolloutkit.keda.v1alpha1.scaledobjectspec.Triggers;

/** A ScaledObject that scales a Rollout to zero stays active while the Rollout progresses. */
final class KedaIdlesRolloutMidCanary extends ScaledObjectRule {

  KedaIdlesRolloutMidCanary() {
    super(
        "KEDA-IDLES-ROLLOUT-MID-CANARY",
        Severity.WARNING,
        "A ScaledObject that scales a Rollout to zero stays active while the Rollout progresses",
        "When every trigger has been inactive for cooldownPeriod, KEDA scales the Rollout to zero,"
            + " also while a canary step pauses; Argo then runs the canary on no pods and its"
            + " analysis sees no data. Add a trigger that is active while the Rollout is"
            + " Progressing or Paused: max(rollout_info{name=\"…\","
            + " phase=~\"Progressing|Paused\"}) with threshold 1. KEDA:"
            + " pkg/scaling/executor/scale_scaledobjects.go (cooldown); Argo:"
            + " controller/metrics/rollouts.go (rollout_info).");
  }

  @Override
  void check(ScaledObject so, ScaledObjectSpec spec, Findings f) {
    var ref = spec.getScaleTargetRef();
    if (ref == null || !"Rollout".equals(ref.getKind()) || !scalesToZero(spec)) {
      return;
    }
    for (Triggers t : triggers(spec)) {
      String query = t.getMetadata() == null ? "" : t.getMetadata().getOrDefault("query", "");
      if (query.contains("rollout_info") || "cron".equals(t.getType())) {
        return;
      }
    }
    f.add(
        so,
        "spec.triggers",
        "nothing keeps Rollout "
            + ref.getName()
            + " active during a canary: after cooldownPeriod without traffic KEDA scales it to"
            + " zero, mid-canary",
        "add a prometheus trigger max(rollout_info{name=\""
            + ref.getName()
            + "\", phase=~\"Progressing|Paused\"}) with threshold 1 and activationThreshold 0");
  }
}
