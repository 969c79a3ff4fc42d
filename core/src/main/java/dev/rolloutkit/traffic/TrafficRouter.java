package dev.rolloutkit.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How canary traffic is split: the SPI between a stack and a traffic router. A router turns a
 * {@link TrafficTarget} into a {@link TrafficPlan} — the Services and routing objects it needs, and
 * the Rollout's {@code trafficRouting}.
 *
 * <pre>{@code
 * TrafficRouter.nginx()          // NGINX Ingress: stable + canary Services, the stable Ingress
 * TrafficRouter.none()           // no router: the canary's share is its share of replicas
 * TrafficRouter.named("istio")   // found on the class path (rolloutkit-istio-bridge)
 * }</pre>
 *
 * <p>Implementations outside core register in {@code
 * META-INF/services/dev.rolloutkit.traffic.TrafficRouter} and need a public no-argument constructor
 * giving their default configuration.
 */
public interface TrafficRouter {

  /** The router's name as used on the command line: {@code nginx}, {@code none}, {@code istio}. */
  String name();

  /** The plan for {@code target}. */
  TrafficPlan plan(TrafficTarget target);

  /** NGINX Ingress with defaults (ingress class {@code nginx}, path {@code /}, no host). */
  static NginxTrafficRouter nginx() {
    return NginxTrafficRouter.defaults();
  }

  /**
   * No traffic router: a single Service, and the canary weight is approximated by replica counts.
   */
  static TrafficRouter none() {
    return new NoTrafficRouter();
  }

  /** The router called {@code name}: a built-in one or one registered on the class path. */
  static Optional<TrafficRouter> find(String name) {
    return all().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /**
   * The router called {@code name}, or a stand-in that makes the stack report it missing when built
   * (so a stack can name a router whose module is not on the class path yet and still list every
   * problem at once).
   */
  static TrafficRouter named(String name) {
    return find(name).orElseGet(() -> new MissingTrafficRouter(name));
  }

  /** Every router available: the built-in ones, then those registered on the class path. */
  static List<TrafficRouter> all() {
    List<TrafficRouter> routers = new ArrayList<>(List.of(nginx(), none()));
    for (TrafficRouter r : Registered.ROUTERS) {
      if (routers.stream().noneMatch(known -> known.name().equals(r.name()))) {
        routers.add(r);
      }
    }
    return routers;
  }

  /** The routers registered as services, looked up once (routers are immutable, so shared). */
  final class Registered {
    private Registered() {}

    static final List<TrafficRouter> ROUTERS = load();

    private static List<TrafficRouter> load() {
      List<TrafficRouter> found = new ArrayList<>();
      java.util.ServiceLoader.load(TrafficRouter.class, TrafficRouter.class.getClassLoader())
          .forEach(found::add);
      return List.copyOf(found);
    }
  }
}
