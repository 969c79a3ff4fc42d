package dev.rolloutkit.istio.rules;

import dev.rolloutkit.istio.internal.Routes;
import dev.rolloutkit.rules.References;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * IST0101 {@code host+subset in destinationrule}: a destination's subset is defined by no
 * DestinationRule for its host.
 */
final class SubsetNotFound extends IstioRule {

  SubsetNotFound() {
    super(
        "ISTIO-SUBSET-NOT-FOUND",
        Severity.ERROR,
        "Every host+subset a VirtualService routes or mirrors to is defined by a DestinationRule"
            + " for that host",
        "istioctl analyze IST0101 (virtualservice.DestinationRuleAnalyzer); at run time the subset"
            + " has no cluster and requests fail with 503. Hosts are compared as namespace/name (an"
            + " FQDN name.ns.svc.cluster.local is ns/name). With no DestinationRule among the"
            + " linted resources, the reference policy of docs/lint.md applies.");
  }

  static String key(String namespace, String host) {
    if (host.endsWith(".svc.cluster.local")) {
      String[] parts = host.split("\\.");
      return parts[1] + "/" + parts[0];
    }
    return namespace + "/" + host;
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    Set<String> defined = new HashSet<>();
    eachDestinationRule(
        resources,
        (dr, spec) -> {
          if (spec.getHost() != null) {
            Routes.orEmpty(spec.getSubsets())
                .forEach(
                    s ->
                        defined.add(
                            key(ResourceSet.namespaceOf(dr), spec.getHost()) + "+" + s.getName()));
          }
        });
    boolean anyRule = resources.anyOfKind("networking.istio.io", "DestinationRule");
    eachVirtualService(
        resources,
        (vs, spec) -> {
          String ns = ResourceSet.namespaceOf(vs);
          List<Routes.Dest> all = new java.util.ArrayList<>();
          Routes.of(spec).forEach(r -> all.addAll(r.destinations()));
          all.addAll(Routes.mirrors(spec));
          for (Routes.Dest d : all) {
            if (d.subset() != null
                && d.host() != null
                && !defined.contains(key(ns, d.host()) + "+" + d.subset())) {
              String type =
                  d.path().contains(".mirror")
                      ? "mirror+subset in destinationrule"
                      : "host+subset in destinationrule";
              String missing =
                  "Referenced " + type + " not found: \"" + d.host() + "+" + d.subset() + "\"";
              String hint =
                  "add subset '" + d.subset() + "' to the DestinationRule for host " + d.host();
              if (anyRule) {
                findings.add(vs, d.path() + ".destination.subset", missing, hint);
              } else {
                References.missing(
                    resources,
                    findings,
                    vs,
                    d.path() + ".destination.subset",
                    "DestinationRule",
                    d.host() + "+" + d.subset(),
                    false,
                    missing,
                    hint);
              }
            }
          }
        });
  }
}
