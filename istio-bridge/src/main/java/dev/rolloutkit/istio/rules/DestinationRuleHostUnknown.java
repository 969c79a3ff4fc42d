package dev.rolloutkit.istio.rules;

import dev.rolloutkit.istio.internal.Hosts;
import dev.rolloutkit.istio.internal.IstioObjects;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;

/** IST0174: a DestinationRule whose host matches no Service. */
final class DestinationRuleHostUnknown extends IstioRule {

  DestinationRuleHostUnknown() {
    super(
        "ISTIO-DR-HOST-UNKNOWN",
        Severity.WARNING,
        "A DestinationRule's host is a Service (or ServiceEntry host) in the set",
        "istioctl analyze IST0174 (destinationrule.SubsetSelectPodAnalyzer): a DestinationRule for"
            + " an unknown host applies to no traffic, so its subsets split nothing.");
  }

  @Override
  public boolean assumesCompleteSet() {
    return true;
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    Hosts hosts = Hosts.of(resources);
    eachDestinationRule(
        resources,
        (dr, spec) -> {
          String host = spec.getHost();
          if (host != null
              && !host.contains("*")
              && IstioObjects.isClusterLocal(host)
              && !hosts.resolves(host, ResourceSet.namespaceOf(dr))) {
            findings.add(
                dr,
                "spec.host",
                "The host "
                    + host
                    + " defined in the DestinationRule does not match any services in the mesh.",
                "name the Service the Rollout's pods are behind");
          }
        });
  }
}
