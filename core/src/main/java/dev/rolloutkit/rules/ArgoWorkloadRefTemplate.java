package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoSpecRules.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.Rollout;

/** A Rollout with workloadRef has no template labels or annotations of its own. */
final class ArgoWorkloadRefTemplate extends RolloutTreeRule {

  ArgoWorkloadRefTemplate() {
    super(
        "ARGO-WORKLOAD-REF-TEMPLATE",
        Severity.ERROR,
        "A Rollout with workloadRef has no template labels or annotations of its own",
        "The Argo controller rejects the Rollout when it has a workloadRef and its own pod"
            + " template: the pod template comes from the referenced workload. Argo:"
            + " pkg/apis/rollouts/validation/validation.go ValidateRolloutSpec.");
  }

  @Override
  void check(Rollout r, JsonNode spec, Findings f) {
    JsonNode meta = spec.path("template").path("metadata");
    if (spec.path("workloadRef").isObject()
        && (meta.path("labels").size() > 0 || meta.path("annotations").size() > 0)) {
      f.add(
          r,
          "spec.template",
          "template must be empty for workload reference rollout",
          "remove spec.template; the Deployment's template is used");
    }
  }
}
