package dev.rolloutkit.istio.rules;

import dev.rolloutkit.istio.internal.IstioObjects;
import dev.rolloutkit.istio.internal.Routes;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** IST0109: two VirtualServices bound to the mesh define the same host. */
final class MeshHostConflict extends IstioRule {

  MeshHostConflict() {
    super(
        "ISTIO-MESH-HOST-CONFLICT",
        Severity.ERROR,
        "At most one mesh-bound VirtualService per host",
        "istioctl analyze IST0109 (ConflictingMeshGatewayHostsAnalyzer): sidecars keep the first"
            + " and drop the others (pilot_vservice_dup_domain), so a Rollout may be re-weighting a"
            + " VirtualService that no traffic uses.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    Map<String, List<HasMetadata>> byHost = new LinkedHashMap<>();
    eachVirtualService(
        resources,
        (vs, spec) -> {
          List<String> gateways = Routes.orEmpty(spec.getGateways());
          if (!gateways.isEmpty() && !gateways.contains("mesh")) {
            return;
          }
          String ns = ResourceSet.namespaceOf(vs);
          List<String> scopes = new ArrayList<>();
          List<String> exportTo = Routes.orEmpty(spec.getExportTo());
          if (exportTo.isEmpty() || exportTo.contains("*")) {
            scopes.add("*");
          } else {
            exportTo.forEach(e -> scopes.add(e.equals(".") ? ns : e));
          }
          for (String host : Routes.orEmpty(spec.getHosts())) {
            for (String scope : scopes) {
              byHost
                  .computeIfAbsent(
                      scope + "/" + IstioObjects.fqdn(host, ns), k -> new ArrayList<>())
                  .add(vs);
            }
          }
        });
    byHost.forEach(
        (key, list) -> {
          if (list.size() > 1) {
            TreeSet<String> names = new TreeSet<>();
            list.forEach(
                v -> names.add(ResourceSet.namespaceOf(v) + "/" + v.getMetadata().getName()));
            String host = key.substring(key.indexOf('/') + 1);
            for (HasMetadata vs : list) {
              findings.add(
                  vs,
                  "spec.hosts",
                  "The VirtualServices "
                      + String.join(",", names)
                      + " associated with mesh gateway define the"
                      + " same host "
                      + host
                      + " which can lead to undefined behavior. This can be fixed by merging the"
                      + " conflicting VirtualServices into a single resource.",
                  "merge them, or adopt the existing VirtualService (AdoptExistingRouting)");
            }
          }
        });
  }
}
