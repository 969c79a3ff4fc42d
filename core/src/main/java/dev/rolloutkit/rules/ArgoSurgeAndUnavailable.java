package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.CANARY;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;

/** maxSurge and maxUnavailable are not both zero. */
final class ArgoSurgeAndUnavailable extends CanaryRule {

  ArgoSurgeAndUnavailable() {
    super(
        "ARGO-MAXSURGE-MAXUNAVAILABLE",
        Severity.ERROR,
        "maxSurge and maxUnavailable are not both zero",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when maxSurge"
            + " and maxUnavailable both resolve to zero: it could neither add nor remove a pod."
            + " Argo: pkg/apis/rollouts/validation/validation.go invalidMaxSurgeMaxUnavailable.");
  }

  @Override
  void check(Rollout r, Canary c, Findings f) {
    if (Canaries.isZero(c.getMaxSurge()) && Canaries.isZero(c.getMaxUnavailable())) {
      f.add(
          r,
          CANARY + ".maxSurge",
          FieldErrors.invalid(
              "spec.strategy.maxSurge",
              c.getMaxSurge(),
              "MaxSurge and MaxUnavailable both can not be zero"),
          "allow maxSurge 1 (or 25%)");
    }
  }
}
