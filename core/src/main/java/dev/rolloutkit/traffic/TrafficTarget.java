package dev.rolloutkit.traffic;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.immutables.value.Value;

/** What a traffic router routes to: the Rollout's name, namespace, pod selector, ports and common labels. */
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
   * A Service called {@code serviceName} in the target's namespace that selects the target's pods and exposes its
   * ports by name; what every router uses for its stable, canary or single Service.
   */
  public Service service(String serviceName) {
    return new ServiceBuilder()
        .withNewMetadata().withName(serviceName).withNamespace(namespace()).withLabels(objectLabels()).endMetadata()
        .withNewSpec()
          .withSelector(sorted(selector()))
          .withPorts(ports().stream().map(p -> new ServicePortBuilder()
              .withName(p.name()).withPort(p.servicePort()).withTargetPort(new IntOrString(p.name())).build()).toList())
        .endSpec()
        .build();
  }

  /** {@link #labels()} sorted for writing, or null when there are none (so no empty {@code labels:} is written). */
  public Map<String, String> objectLabels() {
    return sorted(labels());
  }

  /** Maps written to YAML are sorted, so output never depends on the order a caller's map iterates in. */
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
