package dev.rolloutkit.istio.rules;

import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;

/** Argo: a route the Rollout lists is not in the VirtualService. */
final class ManagedRouteNotFound extends ArgoIstioRule {

  ManagedRouteNotFound() {
    super(
        "ARGO-ISTIO-ROUTE-NOT-FOUND",
        Severity.ERROR,
        "Every route a Rollout manages exists in its VirtualService",
        "The Argo controller rejects the Rollout (validation_references.go ValidateVirtualService →"
            + " rollout/trafficrouting/istio/istio.go getHttpRouteIndexesToPatch; tcp and tls"
            + " likewise).");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    eachReferencedVirtualService(
        resources,
        (entry, ref, vs, spec, selection) -> {
          for (String missing : selection.missing()) {
            String message =
                missing.startsWith("HTTP Route")
                    ? "Istio VirtualService has invalid HTTP routes. Error: "
                        + missing
                        + " is not found in the defined Virtual Service."
                    : "No matching "
                        + missing.substring(0, 3)
                        + " routes found in the defined Virtual Service.";
            findings.add(
                entry.rollout(),
                ref.path(),
                message,
                "the VirtualService "
                    + vs.getMetadata().getName()
                    + " has routes "
                    + dev.rolloutkit.istio.internal.Routes.of(spec).stream()
                        .map(r -> r.name() == null ? r.path() : r.name())
                        .toList());
          }
        });
  }
}
