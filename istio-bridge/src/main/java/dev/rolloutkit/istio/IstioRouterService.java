package dev.rolloutkit.istio;

import dev.rolloutkit.traffic.TrafficPlan;
import dev.rolloutkit.traffic.TrafficRouter;
import dev.rolloutkit.traffic.TrafficTarget;

/**
 * What {@code TrafficRouter.named("istio")} and {@code --traffic istio} find on the class path:
 * subset-level splitting with defaults. Registered in {@code
 * META-INF/services/dev.rolloutkit.traffic.TrafficRouter}.
 */
public final class IstioRouterService implements TrafficRouter {

  private final IstioTrafficRouter router = IstioTrafficRouter.subsetLevel();

  @Override
  public String name() {
    return router.name();
  }

  @Override
  public TrafficPlan plan(TrafficTarget target) {
    return router.plan(target);
  }

  @Override
  public String toString() {
    return router.toString();
  }
}
