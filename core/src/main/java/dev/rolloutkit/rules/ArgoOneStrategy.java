package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.canary;

import dev.rolloutkit.argo.v1alpha1.Rollout;

/** A Rollout has exactly one of canary and blueGreen. */
final class ArgoOneStrategy extends RolloutRule {

  ArgoOneStrategy() {
    super(
        "ARGO-STRATEGY-ONE-OF",
        Severity.ERROR,
        "A Rollout has exactly one of canary and blueGreen",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) unless exactly"
            + " one of canary and blueGreen is set. Argo:"
            + " pkg/apis/rollouts/validation/validation.go ValidateRolloutStrategy.");
  }

  @Override
  void check(Rollout r, Findings f) {
    if (r.getSpec() == null) {
      return;
    }
    var s = r.getSpec().getStrategy();
    boolean canary = s != null && s.getCanary() != null;
    boolean blueGreen = s != null && s.getBlueGreen() != null;
    if (!canary && !blueGreen) {
      f.add(
          r,
          "spec.strategy",
          "Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'",
          "add a canary strategy");
    } else if (canary && blueGreen) {
      f.add(
          r,
          "spec.strategy",
          "Multiple Strategies can not be listed",
          "keep one of canary and blueGreen");
    }
  }
}
