package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoSpecRules.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import java.util.List;

/** antiAffinity names exactly one strategy, with a weight of 1..100. */
final class ArgoAntiAffinity extends RolloutTreeRule {

  ArgoAntiAffinity() {
    super(
        "ARGO-ANTI-AFFINITY",
        Severity.ERROR,
        "antiAffinity names exactly one strategy, with a weight of 1..100",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) unless"
            + " antiAffinity names exactly one of preferred and required, with a weight of 1..100."
            + " Argo: pkg/apis/rollouts/validation/validation.go"
            + " ValidateRolloutStrategyAntiAffinity.");
  }

  @Override
  void check(Rollout r, JsonNode spec, Findings f) {
    for (String strategy : List.of("canary", "blueGreen")) {
      JsonNode a = spec.path("strategy").path(strategy).path("antiAffinity");
      if (!a.isObject()) {
        continue;
      }
      String at = "spec.strategy." + strategy + ".antiAffinity";
      JsonNode preferred = a.path("preferredDuringSchedulingIgnoredDuringExecution");
      boolean hasPreferred = preferred.isObject();
      boolean hasRequired = a.path("requiredDuringSchedulingIgnoredDuringExecution").isObject();
      if (hasPreferred == hasRequired) {
        f.add(
            r,
            at,
            "AntiAffinity must have exactly one strategy listed",
            "keep one of preferredDuringSchedulingIgnoredDuringExecution and"
                + " requiredDuringSchedulingIgnoredDuringExecution");
      } else if (hasPreferred
          && (preferred.path("weight").asInt(0) < 1 || preferred.path("weight").asInt(0) > 100)) {
        f.add(
            r,
            at + ".preferredDuringSchedulingIgnoredDuringExecution.weight",
            "AntiAffinity weight must be between 1-100",
            "use 1..100");
      }
    }
  }
}
