package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.CANARY;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;

/** setWeight is between 0 and maxTrafficWeight (default 100). */
final class ArgoSetWeightRange extends CanaryRule {

  ArgoSetWeightRange() {
    super(
        "ARGO-SETWEIGHT-RANGE",
        Severity.ERROR,
        "setWeight is between 0 and maxTrafficWeight (default 100)",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when setWeight"
            + " is below 0 or above maxTrafficWeight (default 100). Argo:"
            + " pkg/apis/rollouts/validation/validation.go ValidateRolloutStrategyCanary.");
  }

  @Override
  void check(Rollout r, Canary c, Findings f) {
    eachStep(
        c,
        (i, s) -> {
          int max = Canaries.maxWeight(c);
          if (s.getSetWeight() != null && (s.getSetWeight() < 0 || s.getSetWeight() > max)) {
            f.add(
                r,
                CANARY + ".steps[" + i + "].setWeight",
                "SetWeight needs to be between 0 and " + max,
                "use a weight in 0.." + max);
          }
        });
  }
}
