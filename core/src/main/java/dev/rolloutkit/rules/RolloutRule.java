package dev.rolloutkit.rules;

import dev.rolloutkit.argo.v1alpha1.Rollout;

/** A rule that judges each Rollout on its own. */
abstract class RolloutRule extends AbstractRule {

  RolloutRule(String id, Severity severity, String title, String rationale) {
    super(id, severity, title, rationale);
  }

  @Override
  protected final void visit(ResourceSet resources, Findings findings) {
    for (Rollout rollout : resources.ofType(Rollout.class)) {
      check(rollout, findings);
    }
  }

  /** Adds a finding for each problem of {@code rollout}. */
  abstract void check(Rollout rollout, Findings findings);
}
