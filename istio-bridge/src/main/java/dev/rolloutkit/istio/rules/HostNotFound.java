package dev.rolloutkit.istio.rules;

import dev.rolloutkit.istio.internal.Hosts;
import dev.rolloutkit.istio.internal.IstioObjects;
import dev.rolloutkit.istio.internal.Routes;
import dev.rolloutkit.rules.References;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;

/**
 * IST0101 {@code host} / {@code mirror host}: a route or mirror sends traffic to an in-cluster host
 * no Service provides.
 */
final class HostNotFound extends IstioRule {

  HostNotFound() {
    super(
        "ISTIO-HOST-NOT-FOUND",
        Severity.ERROR,
        "VirtualService destinations and mirrors name a Service (or ServiceEntry host) that exists",
        "istioctl analyze IST0101 (virtualservice.DestinationHostAnalyzer): traffic to a host that"
            + " resolves to nothing fails. A short host is the Service of that name in the"
            + " VirtualService's namespace. External hosts (with dots, not *.svc.cluster.local) are"
            + " left to ISTIO-HOST-NOT-FQDN and not checked here. A Service outside the linted"
            + " resources is judged by the reference policy of docs/lint.md.");
  }

  @Override
  public boolean assumesCompleteSet() {
    return true;
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    Hosts hosts = Hosts.of(resources);
    eachVirtualService(
        resources,
        (vs, spec) -> {
          String ns = ResourceSet.namespaceOf(vs);
          for (Routes.Route route : Routes.of(spec)) {
            for (Routes.Dest d : route.destinations()) {
              check(resources, findings, hosts, vs, ns, d, "host");
            }
          }
          Routes.mirrors(spec)
              .forEach(d -> check(resources, findings, hosts, vs, ns, d, "mirror host"));
        });
  }

  private void check(
      ResourceSet resources,
      Findings findings,
      Hosts hosts,
      io.fabric8.kubernetes.api.model.HasMetadata vs,
      String ns,
      Routes.Dest d,
      String type) {
    if (d.host() == null
        || d.host().contains("*")
        || !IstioObjects.isClusterLocal(d.host())
        || hosts.resolves(d.host(), ns)) {
      return;
    }
    References.missing(
        resources,
        findings,
        vs,
        d.path() + ".destination.host",
        "Service",
        IstioObjects.fqdn(d.host(), ns),
        resources.anyOfType(io.fabric8.kubernetes.api.model.Service.class),
        "Referenced " + type + " not found: \"" + d.host() + "\"",
        "add the Service "
            + IstioObjects.fqdn(d.host(), ns)
            + " to what is applied, or correct the host");
  }
}
