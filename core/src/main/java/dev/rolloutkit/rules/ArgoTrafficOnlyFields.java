package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.CANARY;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.TrafficRouting;

/** scaleDownDelaySeconds, dynamicStableScale and maxTrafficWeight are used only where they work. */
final class ArgoTrafficOnlyFields extends CanaryRule {

  ArgoTrafficOnlyFields() {
    super(
        "ARGO-TRAFFIC-ROUTING-ONLY",
        Severity.ERROR,
        "scaleDownDelaySeconds, dynamicStableScale and maxTrafficWeight are used only where they"
            + " work",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when"
            + " scaleDownDelaySeconds or dynamicStableScale is used without trafficRouting, both"
            + " together, or maxTrafficWeight without NGINX or a plugin. Argo:"
            + " pkg/apis/rollouts/validation/validation.go ValidateRolloutStrategyCanary.");
  }

  @Override
  void check(Rollout r, Canary c, Findings f) {
    TrafficRouting t = c.getTrafficRouting();
    if (c.getScaleDownDelaySeconds() != null && t == null) {
      f.add(
          r,
          CANARY + ".scaleDownDelaySeconds",
          "Canary scaleDownDelaySeconds can only be used with traffic routing",
          "remove it");
    }
    if (Boolean.TRUE.equals(c.getDynamicStableScale()) && t == null) {
      f.add(
          r,
          CANARY + ".dynamicStableScale",
          "Canary dynamicStableScale can only be used with traffic routing",
          "remove it");
    }
    if (Boolean.TRUE.equals(c.getDynamicStableScale()) && c.getScaleDownDelaySeconds() != null) {
      f.add(
          r,
          CANARY + ".dynamicStableScale",
          "Canary dynamicStableScale cannot be used with scaleDownDelaySeconds",
          "keep one of them");
    }
    if (t != null
        && t.getMaxTrafficWeight() != null
        && t.getNginx() == null
        && t.getPlugins() == null) {
      f.add(
          r,
          CANARY + ".trafficRouting.maxTrafficWeight",
          "Canary maxTrafficWeight in traffic routing only supported in Nginx and Plugins",
          "remove maxTrafficWeight");
    }
  }
}
