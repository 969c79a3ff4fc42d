package dev.rolloutkit.istio;

import dev.rolloutkit.traffic.TrafficPlan;
import dev.rolloutkit.traffic.TrafficRouter;
import dev.rolloutkit.traffic.TrafficTarget;

/**
 * Istio routing through objects the user already has; no Service is generated (the user's
 * DestinationRule host is it).
 */
final class AdoptingRouter implements TrafficRouter {

  private final AdoptExistingRouting adoption;

  AdoptingRouter(AdoptExistingRouting adoption) {
    this.adoption = adoption;
  }

  @Override
  public String name() {
    return "istio";
  }

  @Override
  public TrafficPlan plan(TrafficTarget target) {
    AdoptExistingRouting.Adopted adopted = adoption.adopt(target.namespace(), target.selector());
    return TrafficPlan.builder()
        .addRouting(adopted.destinationRule(), adopted.virtualService())
        .trafficRouting(adopted.trafficRouting())
        .build();
  }

  @Override
  public String toString() {
    return "istio(adopted)";
  }
}
