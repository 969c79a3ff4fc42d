package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoSpecRules.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.Rollout;

/** blueGreen.scaleDownDelayRevisionLimit is at most revisionHistoryLimit (default 10). */
final class ArgoScaleDownLimit extends RolloutTreeRule {

  ArgoScaleDownLimit() {
    super(
        "ARGO-BLUEGREEN-SCALE-DOWN-LIMIT",
        Severity.ERROR,
        "blueGreen.scaleDownDelayRevisionLimit is at most revisionHistoryLimit (default 10)",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when"
            + " scaleDownDelayRevisionLimit exceeds revisionHistoryLimit (default 10). Argo:"
            + " pkg/apis/rollouts/validation/validation.go ValidateRolloutStrategyBlueGreen.");
  }

  @Override
  void check(Rollout r, JsonNode spec, Findings f) {
    JsonNode limit = spec.path("strategy").path("blueGreen").path("scaleDownDelayRevisionLimit");
    int history = spec.path("revisionHistoryLimit").asInt(10);
    if (limit.isInt() && limit.asInt() > history) {
      f.add(
          r,
          "spec.strategy.blueGreen.scaleDownDelayRevisionLimit",
          "This rollout's revision history limit can not be smaller than the rollout's scale down"
              + " limit",
          "lower scaleDownDelayRevisionLimit to " + history + " or raise revisionHistoryLimit");
    }
  }
}
