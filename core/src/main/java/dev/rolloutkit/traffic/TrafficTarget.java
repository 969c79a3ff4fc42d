package dev.rolloutkit.traffic;

import java.util.List;
import java.util.Map;
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

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds targets. */
  public static final class Builder extends ImmutableTrafficTarget.Builder {}
}
