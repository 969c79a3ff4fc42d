package dev.rolloutkit.istio.rules;

import dev.rolloutkit.istio.internal.Routes;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;

/** Istio validation: {@code weight %d < 0}. */
final class NegativeWeight extends IstioRule {

  NegativeWeight() {
    super(
        "ISTIO-WEIGHT-NEGATIVE",
        Severity.ERROR,
        "Route destination weights are not negative",
        "Istio's validating webhook rejects the VirtualService (Istio:"
            + " pkg/config/validation/validation.go validateWeight). Weights are relative; they"
            + " need not sum to 100 since Istio 1.15.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    eachVirtualService(
        resources,
        (vs, spec) ->
            Routes.of(spec)
                .forEach(
                    route ->
                        route
                            .destinations()
                            .forEach(
                                d -> {
                                  if (d.weight() != null && d.weight() < 0) {
                                    findings.add(
                                        vs,
                                        d.path() + ".weight",
                                        "weight " + d.weight() + " < 0",
                                        "use 0 to send no traffic");
                                  }
                                })));
  }
}
