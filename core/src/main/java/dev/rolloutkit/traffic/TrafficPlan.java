package dev.rolloutkit.traffic;

import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.TrafficRouting;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a {@link TrafficRouter} contributes to a stack: the Services, the routing objects (an
 * Ingress, or a DestinationRule and a VirtualService), and the Rollout's canary fields.
 */
@Value.Immutable
public abstract class TrafficPlan {

  /** The Services, applied first. */
  public abstract List<Service> services();

  /**
   * The routing objects, applied after the Services and before the AnalysisTemplates, in this
   * order.
   */
  public abstract List<HasMetadata> routing();

  /** {@code spec.strategy.canary.canaryService}, if the router needs one. */
  public abstract Optional<String> canaryService();

  /** {@code spec.strategy.canary.stableService}, if the router needs one. */
  public abstract Optional<String> stableService();

  /** {@code spec.strategy.canary.trafficRouting}; empty for a replica-ratio canary. */
  public abstract Optional<TrafficRouting> trafficRouting();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds plans. */
  public static final class Builder extends ImmutableTrafficPlan.Builder {}
}
