package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.CANARY;

import dev.rolloutkit.argo.v1alpha1.Rollout;

/** Canary and stable (or active and preview) Services are two different Services. */
final class ArgoDistinctServices extends RolloutRule {

  ArgoDistinctServices() {
    super(
        "ARGO-DISTINCT-SERVICES",
        Severity.ERROR,
        "Canary and stable (or active and preview) Services are two different Services",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when canary"
            + " and stable, or active and preview, name the same Service. Argo:"
            + " pkg/apis/rollouts/validation/validation.go ValidateRolloutStrategyCanary,"
            + " ValidateRolloutStrategyBlueGreen.");
  }

  @Override
  void check(Rollout r, Findings f) {
    var s = r.getSpec() == null ? null : r.getSpec().getStrategy();
    if (s == null) {
      return;
    }
    var c = s.getCanary();
    if (c != null
        && c.getCanaryService() != null
        && !c.getCanaryService().isEmpty()
        && c.getCanaryService().equals(c.getStableService())) {
      f.add(
          r,
          CANARY + ".stableService",
          "This rollout uses the same service for the stable and canary services, but two different"
              + " services are required.",
          "name two Services, e.g. " + r.getMetadata().getName() + "-stable and -canary");
    }
    var bg = s.getBlueGreen();
    if (bg != null
        && bg.getActiveService() != null
        && bg.getActiveService().equals(bg.getPreviewService())) {
      f.add(
          r,
          "spec.strategy.blueGreen.previewService",
          "This rollout uses the same service for the active and preview services, but"
              + " two different services are required.",
          "name two Services");
    }
  }
}
