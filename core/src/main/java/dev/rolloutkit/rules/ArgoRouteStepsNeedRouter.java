package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.CANARY;
import static dev.rolloutkit.rules.Canaries.orEmpty;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.TrafficRouting;

/** setCanaryScale, setHeaderRoute and setMirrorRoute have the traffic routing they need. */
final class ArgoRouteStepsNeedRouter extends CanaryRule {

  ArgoRouteStepsNeedRouter() {
    super(
        "ARGO-ROUTE-STEPS-ROUTER",
        Severity.ERROR,
        "setCanaryScale, setHeaderRoute and setMirrorRoute have the traffic routing they need",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when"
            + " setCanaryScale, setHeaderRoute, setMirrorRoute or an experiment weight is used"
            + " without a traffic router that supports it. Argo:"
            + " pkg/apis/rollouts/validation/validation.go ValidateRolloutStrategyCanary.");
  }

  @Override
  void check(Rollout r, Canary c, Findings f) {
    eachStep(
        c,
        (i, s) -> {
          TrafficRouting t = c.getTrafficRouting();
          String at = CANARY + ".steps[" + i + "]";
          if (s.getSetCanaryScale() != null && t == null) {
            f.add(
                r,
                CANARY + ".trafficRouting",
                "SetCanaryScale requires TrafficRouting to be set",
                "add trafficRouting, or remove the step (" + at + ")");
          }
          if (s.getSetHeaderRoute() != null
              && (t == null
                  || (t.getIstio() == null
                      && t.getAlb() == null
                      && t.getApisix() == null
                      && t.getPlugins() == null))) {
            f.add(
                r,
                at + ".setHeaderRoute",
                "SetHeaderRoute requires TrafficRouting, supports Istio and ALB and Apisix",
                "route with Istio, ALB or Apisix");
          }
          if (s.getSetMirrorRoute() != null && (t == null || t.getIstio() == null)) {
            f.add(
                r,
                at + ".setMirrorRoute",
                "SetMirrorRoute requires TrafficRouting, supports Istio only",
                "route with Istio");
          }
          if (s.getExperiment() != null
              && t == null
              && orEmpty(s.getExperiment().getTemplates()).stream()
                  .anyMatch(x -> x.getWeight() != null)) {
            f.add(
                r,
                at + ".experiment",
                "Experiment template weight cannot be set unless TrafficRouting is enabled",
                "remove the weights");
          }
          if (s.getExperiment() != null
              && t != null
              && t.getSmi() == null
              && t.getAlb() == null
              && t.getIstio() == null
              && t.getPlugins() == null) {
            var templates = orEmpty(s.getExperiment().getTemplates());
            for (int j = 0; j < templates.size(); j++) {
              if (templates.get(j).getWeight() != null) {
                f.add(
                    r,
                    at + ".experiment.templates[" + j + "].weight",
                    FieldErrors.invalid(
                        "spec.strategy.steps[" + i + "].experiment.templates[" + j + "].weight",
                        templates.get(j).getWeight(),
                        "Experiment template weight is only available for TrafficRouting with SMI,"
                            + " ALB, Istio and Plugins at this time"),
                    "remove the weights, or route with SMI, ALB, Istio or a plugin");
              }
            }
          }
        });
  }
}
