package dev.rolloutkit.istio.rules;

import dev.rolloutkit.istio.internal.Routes;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A host like {@code svc.otherns}: Istio expands only names without a dot, so it resolves to
 * nothing.
 */
final class HostNotFqdn extends IstioRule {

  HostNotFqdn() {
    super(
        "ISTIO-HOST-NOT-FQDN",
        Severity.ERROR,
        "In-cluster hosts are either a short name or the full name.namespace.svc.cluster.local",
        "Istio (ConvertHostToFQDN, ResolveShortnameToFQDN) expands only hosts without a dot;"
            + " 'stable-svc.otherns' or 'svc.ns.svc' are taken literally, resolve to nothing, and"
            + " istioctl reports IST0101.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    Set<String> namespaces =
        resources.all().stream().map(ResourceSet::namespaceOf).collect(Collectors.toSet());
    eachVirtualService(
        resources,
        (vs, spec) -> {
          namespaces.add(ResourceSet.namespaceOf(vs));
          for (Routes.Route route : Routes.of(spec)) {
            route
                .destinations()
                .forEach(
                    d -> check(findings, namespaces, vs, d.path() + ".destination.host", d.host()));
          }
          Routes.mirrors(spec)
              .forEach(
                  d -> check(findings, namespaces, vs, d.path() + ".destination.host", d.host()));
        });
    eachDestinationRule(
        resources, (dr, spec) -> check(findings, namespaces, dr, "spec.host", spec.getHost()));
  }

  private void check(
      Findings findings, Set<String> namespaces, HasMetadata r, String path, String host) {
    if (host == null || !host.contains(".") || host.endsWith(".svc.cluster.local")) {
      return;
    }
    String[] labels = host.split("\\.");
    boolean partial =
        host.endsWith(".svc")
            || host.endsWith(".svc.cluster")
            || (labels.length == 2 && namespaces.contains(labels[1]));
    if (partial) {
      findings.add(
          r,
          path,
          "host '"
              + host
              + "' has a dot, so Istio takes it literally and does not expand it to a Service",
          "write the full name "
              + labels[0]
              + "."
              + labels[1]
              + ".svc.cluster.local, or the short name "
              + labels[0]
              + " in the same namespace");
    }
  }
}
