package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;

import dev.rolloutkit.argo.v1alpha1.Rollout;

/** The pod template's restartPolicy is Always. */
final class ArgoRestartPolicy extends RolloutRule {

  ArgoRestartPolicy() {
    super(
        "ARGO-RESTART-POLICY",
        Severity.ERROR,
        "The pod template's restartPolicy is Always",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when the pod"
            + " template's restartPolicy is not Always or it sets activeDeadlineSeconds, as for a"
            + " ReplicaSet. Kubernetes: pkg/apis/apps/validation/validation.go"
            + " ValidatePodTemplateSpecForReplicaSet, called from Argo's ValidateRolloutSpec.");
  }

  @Override
  void check(Rollout r, Findings f) {
    var t = r.getSpec() == null ? null : r.getSpec().getTemplate();
    String policy = t == null || t.getSpec() == null ? null : t.getSpec().getRestartPolicy();
    if (policy != null && !policy.equals("Always")) {
      f.add(
          r,
          "spec.template.spec.restartPolicy",
          "Unsupported value: \"" + policy + "\": supported values: \"Always\"",
          "remove it or use Always");
    }
  }
}
