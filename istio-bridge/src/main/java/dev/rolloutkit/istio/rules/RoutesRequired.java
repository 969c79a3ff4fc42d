package dev.rolloutkit.istio.rules;

import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;

/**
 * Argo: {@code routes} may be omitted only when the VirtualService has exactly one (non-managed)
 * http route.
 */
final class RoutesRequired extends ArgoIstioRule {

  RoutesRequired() {
    super(
        "ARGO-ISTIO-ROUTES-REQUIRED",
        Severity.ERROR,
        "A Rollout names its routes when its VirtualService has more than one http route",
        "The Argo controller rejects the Rollout (istio.go ValidateHTTPRoutes) when routes is"
            + " omitted and the VirtualService does not have exactly one route besides the"
            + " Rollout's managed routes.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    eachReferencedVirtualService(
        resources,
        (entry, ref, vs, spec, selection) -> {
          if (selection.ambiguous()) {
            findings.add(
                entry.rollout(),
                ref.path() + ".routes",
                "Istio VirtualService has invalid HTTP routes. Error: spec.http[] should be"
                    + " set in VirtualService and it must have exactly one route when omitting"
                    + " spec.strategy.canary.trafficRouting.istio.virtualService.routes",
                "list the route to manage, e.g. routes: [primary]");
          }
        });
  }
}
