package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.CANARY;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;
import java.util.Objects;

/** Header and mirror route steps name routes listed in managedRoutes. */
final class ArgoManagedRoutes extends CanaryRule {

  ArgoManagedRoutes() {
    super(
        "ARGO-MANAGED-ROUTES",
        Severity.ERROR,
        "Header and mirror route steps name routes listed in managedRoutes",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when a"
            + " setHeaderRoute or setMirrorRoute step names a route missing from"
            + " trafficRouting.managedRoutes, or managedRoutes is absent. Argo:"
            + " pkg/apis/rollouts/validation/validation.go ValidateStepRouteFoundInManagedRoute.");
  }

  @Override
  void check(Rollout r, Canary c, Findings f) {
    eachStep(
        c,
        (i, s) -> {
          String name =
              s.getSetHeaderRoute() != null
                  ? s.getSetHeaderRoute().getName()
                  : s.getSetMirrorRoute() != null ? s.getSetMirrorRoute().getName() : null;
          if (s.getSetHeaderRoute() == null && s.getSetMirrorRoute() == null) {
            return;
          }
          var managed =
              c.getTrafficRouting() == null ? null : c.getTrafficRouting().getManagedRoutes();
          if (managed == null) {
            f.add(
                r,
                CANARY + ".trafficRouting.managedRoutes",
                "Rollout has missing field 'spec.strategy.canary.trafficRouting.managedRoutes'",
                "list the route " + name + " in managedRoutes");
          } else if (managed.stream().noneMatch(m -> Objects.equals(m.getName(), name))) {
            f.add(
                r,
                CANARY + ".steps[" + i + "]",
                "Steps define a route that does not exist in"
                    + " spec.strategy.canary.trafficRouting.managedRoutes",
                "add " + name + " to managedRoutes");
          }
        });
  }
}
