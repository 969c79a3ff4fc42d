package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoSpecRules.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.Rollout;

/** Analysis arguments taken from fieldRef name metadata the downward API resolves. */
final class ArgoArgFieldRef extends RolloutTreeRule {

  ArgoArgFieldRef() {
    super(
        "ARGO-ANALYSIS-ARG-FIELDREF",
        Severity.ERROR,
        "Analysis arguments taken from fieldRef name metadata the downward API resolves",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when an"
            + " analysis argument's fieldRef names metadata the downward API cannot resolve:"
            + " metadata.name, namespace, uid, labels['k'] and annotations['k'] work. Argo:"
            + " pkg/apis/rollouts/validation/validation.go ValidateRolloutStrategyCanary.");
  }

  @Override
  void check(Rollout r, JsonNode spec, Findings f) {
    JsonNode steps = spec.path("strategy").path("canary").path("steps");
    for (int i = 0; i < steps.size(); i++) {
      int step = i;
      ArgoSpecRules.check(
          r,
          f,
          steps.get(i).path("analysis").path("args"),
          () -> C + ".steps[" + step + "].analysis.args");
      JsonNode analyses = steps.get(i).path("experiment").path("analyses");
      for (int a = 0; a < analyses.size(); a++) {
        int analysis = a;
        ArgoSpecRules.check(
            r,
            f,
            analyses.get(a).path("args"),
            () -> C + ".steps[" + step + "].experiment.analyses[" + analysis + "].args");
      }
    }
  }
}
