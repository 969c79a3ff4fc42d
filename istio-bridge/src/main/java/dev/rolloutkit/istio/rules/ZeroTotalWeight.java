package dev.rolloutkit.istio.rules;

import dev.rolloutkit.istio.internal.Routes;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;

/** Istio validation: {@code total destination weight = 0} in a route with several destinations. */
final class ZeroTotalWeight extends IstioRule {

  ZeroTotalWeight() {
    super(
        "ISTIO-WEIGHT-TOTAL-ZERO",
        Severity.ERROR,
        "A route with several destinations sends traffic to at least one",
        "Istio's validating webhook rejects a route whose destinations' weights are all 0 (unset"
            + " counts as 0). Start an Argo-managed route at stable 100, canary 0. Istio:"
            + " pkg/config/validation/validation.go validateRouteDestinations.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    eachVirtualService(
        resources,
        (vs, spec) ->
            Routes.of(spec)
                .forEach(
                    route -> {
                      if (route.destinations().size() > 1
                          && route.destinations().stream()
                                  .mapToInt(d -> d.weight() == null ? 0 : d.weight())
                                  .sum()
                              == 0) {
                        findings.add(
                            vs,
                            route.path() + ".route",
                            "total destination weight = 0",
                            "give the stable destination weight 100");
                      }
                    }));
  }
}
