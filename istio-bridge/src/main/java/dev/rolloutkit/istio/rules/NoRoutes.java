package dev.rolloutkit.istio.rules;

import dev.rolloutkit.istio.internal.Routes;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;

/** Istio validation: a VirtualService with no http, tcp or tls route. */
final class NoRoutes extends IstioRule {

  NoRoutes() {
    super(
        "ISTIO-VS-NO-ROUTES",
        Severity.ERROR,
        "A VirtualService has an http, tcp or tls route",
        "Istio's validating webhook rejects it (http, tcp or tls must be provided in virtual"
            + " service; pkg/config/validation/validation.go ValidateVirtualService), and the Argo"
            + " controller cannot manage it (Unable to get any of the HTTP, TCP or TLS routes for"
            + " the Istio VirtualService).");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    eachVirtualService(
        resources,
        (vs, spec) -> {
          if (Routes.of(spec).isEmpty()) {
            findings.add(
                vs,
                "spec",
                "http, tcp or tls must be provided in virtual service",
                "add the http route the Rollout manages");
          }
        });
  }
}
