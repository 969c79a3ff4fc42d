package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import java.util.Map;

/** replicas, minReadySeconds, revisionHistoryLimit and progressDeadlineSeconds are not negative. */
final class ArgoNonNegativeFields extends RolloutRule {

  ArgoNonNegativeFields() {
    super(
        "ARGO-SPEC-NON-NEGATIVE",
        Severity.ERROR,
        "replicas, minReadySeconds, revisionHistoryLimit and progressDeadlineSeconds are not"
            + " negative",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when replicas,"
            + " minReadySeconds, revisionHistoryLimit or progressDeadlineSeconds is negative. Argo:"
            + " pkg/apis/rollouts/validation/validation.go ValidateRolloutSpec.");
  }

  @Override
  void check(Rollout r, Findings f) {
    if (r.getSpec() == null) {
      return;
    }
    Map<String, Integer> fields = new java.util.LinkedHashMap<>();
    fields.put("replicas", r.getSpec().getReplicas());
    fields.put("minReadySeconds", r.getSpec().getMinReadySeconds());
    fields.put("revisionHistoryLimit", r.getSpec().getRevisionHistoryLimit());
    fields.put("progressDeadlineSeconds", r.getSpec().getProgressDeadlineSeconds());
    fields.forEach(
        (name, v) -> {
          if (v != null && v < 0) {
            f.add(
                r,
                "spec." + name,
                "must be greater than or equal to 0",
                "use a value of 0 or more");
          }
        });
  }
}
