package dev.rolloutkit.traffic;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.immutables.value.Value;

/**
 * What a traffic router routes to: the Rollout's name, namespace, pod selector, ports and common
 * labels.
 */
@Value.Immutable
public abstract class TrafficTarget {

  /** The Rollout's name; routers derive their objects' names from it. */
  public abstract String name();

  public abstract String namespace();

  /** The labels that select the Rollout's pods (stable and canary alike). */
  public abstract Map<String, String> selector();

  /** Labels every generated object carries. */
  public abstract Map<String, String> labels();

  /** The application's ports. */
  public abstract List<Port> ports();

  /**
   * A Service called {@code serviceName} in the target's namespace that selects the target's pods
   * and exposes its ports by name; what every router uses for its stable, canary or single Service.
   */
  public Service service(String serviceName) {
    // Made with setters rather than the builders, which copy every nested object (see
    // RolloutCompiler).
    List<ServicePort> servicePorts = new ArrayList<>();
    for (Port p : ports()) {
      ServicePort port = new ServicePort();
      port.setName(p.name());
      port.setPort(p.servicePort());
      port.setTargetPort(new IntOrString(p.name()));
      servicePorts.add(port);
    }
    ServiceSpec spec = new ServiceSpec();
    spec.setSelector(sorted(selector()));
    spec.setPorts(servicePorts);
    Service service = new Service();
    service.setMetadata(metadata(serviceName));
    service.setSpec(spec);
    return service;
  }

  /**
   * Metadata for an object a router makes: {@code name}, the target's namespace, and its labels
   * (sorted).
   */
  public ObjectMeta metadata(String name) {
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name);
    metadata.setNamespace(namespace());
    metadata.setLabels(objectLabels());
    return metadata;
  }

  /**
   * {@link #labels()} sorted for writing, or null when there are none (so no empty {@code labels:}
   * is written).
   */
  public Map<String, String> objectLabels() {
    return sorted(labels());
  }

  /**
   * Maps written to YAML are sorted, so output never depends on the order a caller's map iterates
   * in.
   */
  private static Map<String, String> sorted(Map<String, String> map) {
    return map.isEmpty() ? null : new TreeMap<>(map);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds targets. */
  public static final class Builder extends ImmutableTrafficTarget.Builder {}
}
