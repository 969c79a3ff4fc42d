package dev.rolloutkit.istio.internal;

import dev.rolloutkit.rules.ResourceSet;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * VirtualServices and DestinationRules of any served version: fabric8 has one resource class per
 * version, all with the same spec type.
 */
public final class IstioObjects {

  private IstioObjects() {}

  /** The spec of a VirtualService of any version, or empty if {@code resource} is none. */
  public static Optional<VirtualService> virtualServiceSpec(HasMetadata resource) {
    if (resource instanceof io.fabric8.istio.api.networking.v1.VirtualService vs) {
      return Optional.ofNullable(vs.getSpec());
    }
    if (resource instanceof io.fabric8.istio.api.networking.v1beta1.VirtualService vs) {
      return Optional.ofNullable(vs.getSpec());
    }
    if (resource instanceof io.fabric8.istio.api.networking.v1alpha3.VirtualService vs) {
      return Optional.ofNullable(vs.getSpec());
    }
    return Optional.empty();
  }

  /** The spec of a DestinationRule of any version, or empty if {@code resource} is none. */
  public static Optional<DestinationRule> destinationRuleSpec(HasMetadata resource) {
    if (resource instanceof io.fabric8.istio.api.networking.v1.DestinationRule dr) {
      return Optional.ofNullable(dr.getSpec());
    }
    if (resource instanceof io.fabric8.istio.api.networking.v1beta1.DestinationRule dr) {
      return Optional.ofNullable(dr.getSpec());
    }
    if (resource instanceof io.fabric8.istio.api.networking.v1alpha3.DestinationRule dr) {
      return Optional.ofNullable(dr.getSpec());
    }
    return Optional.empty();
  }

  /**
   * VirtualServices and DestinationRules of any version by {@code namespace/name}: the first of
   * each in document order.
   */
  public record ByName(
      Map<String, HasMetadata> virtualServices, Map<String, HasMetadata> destinationRules) {}

  /**
   * The set's {@link ByName} index, made once per set (rules look references up for every Rollout).
   */
  public static ByName firstByName(ResourceSet resources) {
    return resources.derived(
        ByName.class,
        set -> {
          Map<String, HasMetadata> virtualServices = new HashMap<>();
          Map<String, HasMetadata> destinationRules = new HashMap<>();
          for (HasMetadata r : set.all()) {
            if (r.getMetadata() == null || r.getMetadata().getName() == null) {
              continue;
            }
            String key = ResourceSet.namespaceOf(r) + "/" + r.getMetadata().getName();
            if (isVirtualService(r)) {
              virtualServices.putIfAbsent(key, r);
            } else if (isDestinationRule(r)) {
              destinationRules.putIfAbsent(key, r);
            }
          }
          return new ByName(virtualServices, destinationRules);
        });
  }

  public static boolean isVirtualService(HasMetadata resource) {
    return virtualServiceSpec(resource).isPresent();
  }

  public static boolean isDestinationRule(HasMetadata resource) {
    return destinationRuleSpec(resource).isPresent();
  }

  /**
   * {@code host} as Istio resolves it from {@code namespace}: a name without a dot is short for the
   * Service in that namespace.
   */
  public static String fqdn(String host, String namespace) {
    return host.contains(".") ? host : host + "." + namespace + ".svc.cluster.local";
  }

  /** True for hosts inside the cluster: short names and {@code *.svc.cluster.local}. */
  public static boolean isClusterLocal(String host) {
    return !host.contains(".") || host.endsWith(".svc.cluster.local");
  }
}
