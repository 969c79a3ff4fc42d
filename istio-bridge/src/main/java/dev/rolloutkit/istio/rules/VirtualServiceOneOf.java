package dev.rolloutkit.istio.rules;

import dev.rolloutkit.istio.internal.RolloutIstio;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;

/**
 * Argo: {@code trafficRouting.istio} sets exactly one of {@code virtualService} and {@code
 * virtualServices}.
 */
final class VirtualServiceOneOf extends ArgoIstioRule {

  VirtualServiceOneOf() {
    super(
        "ARGO-ISTIO-VIRTUALSERVICE-ONE-OF",
        Severity.ERROR,
        "Istio routing names virtualService or virtualServices, not both or neither",
        "The Argo controller rejects the Rollout"
            + " (pkg/apis/rollouts/validation/validation_references.go"
            + " ValidateRolloutVirtualServicesConfig) and it does not progress.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    for (RolloutIstio.Entry e : RolloutIstio.in(resources)) {
      boolean one = e.istio().getVirtualService() != null;
      boolean many =
          e.istio().getVirtualServices() != null && !e.istio().getVirtualServices().isEmpty();
      if (one == many) {
        findings.add(
            e.rollout(),
            RolloutIstio.PATH,
            "either VirtualService or VirtualServices must be configured",
            one
                ? "keep one of virtualService and virtualServices"
                : "name the VirtualService the controller re-weights");
      }
    }
  }
}
