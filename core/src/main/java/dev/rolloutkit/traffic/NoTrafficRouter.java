package dev.rolloutkit.traffic;

/**
 * No traffic router: one Service selects stable and canary pods alike, so the canary's share of
 * traffic is its share of replicas (Argo's replica-ratio canary). With 2 replicas, 10 % means 1
 * canary pod of 2, i.e. 50 %.
 */
public final class NoTrafficRouter implements TrafficRouter {

  @Override
  public String name() {
    return "none";
  }

  @Override
  public TrafficPlan plan(TrafficTarget target) {
    return TrafficPlan.builder().addServices(target.service(target.name())).build();
  }

  @Override
  public String toString() {
    return name();
  }
}
