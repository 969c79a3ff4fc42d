package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import java.util.Objects;

/** progressDeadlineSeconds (default 600) is greater than minReadySeconds. */
final class ArgoProgressDeadline extends RolloutRule {

  ArgoProgressDeadline() {
    super(
        "ARGO-PROGRESS-DEADLINE",
        Severity.ERROR,
        "progressDeadlineSeconds (default 600) is greater than minReadySeconds",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) unless"
            + " progressDeadlineSeconds (default 600) is greater than minReadySeconds. Argo:"
            + " pkg/apis/rollouts/validation/validation.go ValidateRolloutSpec.");
  }

  @Override
  void check(Rollout r, Findings f) {
    if (r.getSpec() == null) {
      return;
    }
    int deadline = Objects.requireNonNullElse(r.getSpec().getProgressDeadlineSeconds(), 600);
    int minReady = Objects.requireNonNullElse(r.getSpec().getMinReadySeconds(), 0);
    if (deadline <= minReady) {
      f.add(
          r,
          "spec.progressDeadlineSeconds",
          "must be greater than minReadySeconds",
          "raise progressDeadlineSeconds above " + minReady);
    }
  }
}
