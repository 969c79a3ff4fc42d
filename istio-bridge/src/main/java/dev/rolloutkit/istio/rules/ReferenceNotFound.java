package dev.rolloutkit.istio.rules;

import dev.rolloutkit.istio.internal.RolloutIstio;
import dev.rolloutkit.rules.References;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;

/** Argo: the VirtualServices and DestinationRule a Rollout's Istio routing names exist. */
final class ReferenceNotFound extends ArgoIstioRule {

  private static final String GROUP = "networking.istio.io";

  ReferenceNotFound() {
    super(
        "ARGO-ISTIO-REFERENCE-NOT-FOUND",
        Severity.ERROR,
        "The VirtualServices and the DestinationRule a Rollout's Istio routing names exist",
        "The Argo controller looks each VirtualService up and marks the Rollout InvalidSpec when"
            + " one is missing (rollout/trafficrouting/istio/controller.go"
            + " GetReferencedVirtualServices); a missing DestinationRule fails every"
            + " reconciliation that updates its subsets (rollout/trafficrouting/istio/istio.go"
            + " UpdateHash). A VirtualService or DestinationRule outside the linted resources is"
            + " judged by the reference policy of docs/lint.md.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    boolean anyVirtualService = resources.anyOfKind(GROUP, "VirtualService");
    boolean anyDestinationRule = resources.anyOfKind(GROUP, "DestinationRule");
    for (RolloutIstio.Entry entry : RolloutIstio.in(resources)) {
      for (RolloutIstio.Ref ref : entry.virtualServices()) {
        if (ref.name() == null || entry.find(resources, ref.name()).isPresent()) {
          continue;
        }
        String name = ref.name().contains(".") ? ref.name().split("\\.", 2)[0] : ref.name();
        String field =
            ref.path().contains("virtualServices[")
                ? ref.path().substring(0, ref.path().indexOf('[')) + ".name"
                : ref.path() + ".name";
        References.missing(
            resources,
            findings,
            entry.rollout(),
            ref.path() + ".name",
            "VirtualService",
            ref.name(),
            anyVirtualService,
            field
                + ": Invalid value: \""
                + name
                + "\": virtualservices."
                + GROUP
                + " \""
                + name
                + "\" not found",
            "apply VirtualService " + ref.name() + " with the Rollout, or correct the name");
      }
      var rule = entry.istio().getDestinationRule();
      if (rule != null && rule.getName() != null && entry.destinationRule(resources).isEmpty()) {
        References.missing(
            resources,
            findings,
            entry.rollout(),
            RolloutIstio.PATH + ".destinationRule.name",
            "DestinationRule",
            rule.getName(),
            anyDestinationRule,
            "destinationrules." + GROUP + " \"" + rule.getName() + "\" not found",
            "apply DestinationRule " + rule.getName() + " with the Rollout, or correct the name");
      }
    }
  }
}
