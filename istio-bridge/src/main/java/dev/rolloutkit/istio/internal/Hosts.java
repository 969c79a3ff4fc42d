package dev.rolloutkit.istio.internal;

import dev.rolloutkit.rules.ResourceSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The hosts the mesh knows from a resource set: each Service as {@code name.ns.svc.cluster.local},
 * plus ServiceEntry hosts.
 */
public final class Hosts {

  private final Set<String> known = new HashSet<>();

  private Hosts(ResourceSet resources) {
    for (Service s : resources.ofType(Service.class)) {
      known.add(
          s.getMetadata().getName() + "." + ResourceSet.namespaceOf(s) + ".svc.cluster.local");
    }
    for (HasMetadata r : resources.all()) {
      serviceEntryHosts(r).forEach(known::add);
    }
  }

  public static Hosts of(ResourceSet resources) {
    return new Hosts(resources);
  }

  /**
   * True when {@code host}, seen from {@code namespace}, names a Service or ServiceEntry host of
   * the set.
   */
  public boolean resolves(String host, String namespace) {
    return known.contains(IstioObjects.fqdn(host, namespace));
  }

  private static List<String> serviceEntryHosts(HasMetadata r) {
    if (r instanceof io.fabric8.istio.api.networking.v1.ServiceEntry se && se.getSpec() != null) {
      return Routes.orEmpty(se.getSpec().getHosts());
    }
    if (r instanceof io.fabric8.istio.api.networking.v1beta1.ServiceEntry se
        && se.getSpec() != null) {
      return Routes.orEmpty(se.getSpec().getHosts());
    }
    if (r instanceof io.fabric8.istio.api.networking.v1alpha3.ServiceEntry se
        && se.getSpec() != null) {
      return Routes.orEmpty(se.getSpec().getHosts());
    }
    return List.of();
  }
}
