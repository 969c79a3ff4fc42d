package dev.rolloutkit.rules;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;

/** An error-level rule that judges the canary strategy of each Rollout that has one. */
abstract class CanaryRule extends RolloutRule {

  CanaryRule(String id, Severity severity, String title, String rationale) {
    super(id, severity, title, rationale);
  }

  @Override
  final void check(Rollout rollout, Findings findings) {
    Canary canary = Canaries.canary(rollout).orElse(null);
    if (canary != null) {
      check(rollout, canary, findings);
    }
  }

  /** Adds a finding for each problem of the canary strategy {@code canary} of {@code rollout}. */
  abstract void check(Rollout rollout, Canary canary, Findings findings);
}
