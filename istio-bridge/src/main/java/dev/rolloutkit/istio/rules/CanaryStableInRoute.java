package dev.rolloutkit.istio.rules;

import dev.rolloutkit.istio.internal.Routes;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;
import java.util.function.Predicate;

/**
 * Argo: a managed route has destinations for both the canary and the stable — by subset with a
 * DestinationRule, by Service host without one.
 */
final class CanaryStableInRoute extends ArgoIstioRule {

  CanaryStableInRoute() {
    super(
        "ARGO-ISTIO-CANARY-STABLE-IN-ROUTE",
        Severity.ERROR,
        "Every managed route has a stable and a canary destination (subsets, or Services at host"
            + " level)",
        "The Argo controller rejects the Rollout (istio.go validateDestinationRule) and cannot"
            + " shift traffic. It compares hosts by the part before the first dot.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    eachReferencedVirtualService(
        resources,
        (entry, ref, vs, spec, selection) -> {
          var dr = entry.istio().getDestinationRule();
          var canary = entry.rollout().getSpec().getStrategy().getCanary();
          for (Routes.Route route : selection.routes()) {
            if (dr != null) {
              check(
                  findings,
                  entry,
                  ref.path(),
                  route,
                  dr.getCanarySubsetName(),
                  d -> eq(d.subset(), dr.getCanarySubsetName()),
                  "Canary DestinationRule subset '%s' not found in route");
              check(
                  findings,
                  entry,
                  ref.path(),
                  route,
                  dr.getStableSubsetName(),
                  d -> eq(d.subset(), dr.getStableSubsetName()),
                  "Stable DestinationRule subset '%s' not found in route");
            } else {
              // Argo's GetStableAndCanaryServices: with ping-pong and neither canaryService nor
              // stableService, the pong Service is stable and the ping one canary (until the first
              // promotion flips them), so both must be in the route.
              boolean pingPong =
                  canary.getPingPong() != null
                      && isBlank(canary.getStableService())
                      && isBlank(canary.getCanaryService());
              String canaryService =
                  pingPong ? canary.getPingPong().getPingService() : canary.getCanaryService();
              String stableService =
                  pingPong ? canary.getPingPong().getPongService() : canary.getStableService();
              check(
                  findings,
                  entry,
                  ref.path(),
                  route,
                  canaryService,
                  d -> eq(shortName(d.host()), canaryService),
                  "Canary Service '%s' not found in route");
              check(
                  findings,
                  entry,
                  ref.path(),
                  route,
                  stableService,
                  d -> eq(shortName(d.host()), stableService),
                  "Stable Service '%s' not found in route");
            }
          }
        });
  }

  private void check(
      Findings findings,
      dev.rolloutkit.istio.internal.RolloutIstio.Entry entry,
      String refPath,
      Routes.Route route,
      String wanted,
      Predicate<Routes.Dest> matches,
      String message) {
    if (wanted == null || route.destinations().stream().noneMatch(matches)) {
      findings.add(
          entry.rollout(),
          refPath,
          String.format(message, wanted == null ? "" : wanted),
          "add a destination for it to "
              + (route.name() == null ? route.path() : "route '" + route.name() + "'")
              + " of the VirtualService");
    }
  }

  private static boolean eq(String a, String b) {
    return a != null && a.equals(b);
  }

  private static String shortName(String host) {
    if (host == null) {
      return null;
    }
    int dot = host.indexOf('.');
    return dot < 0 ? host : host.substring(0, dot);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isEmpty();
  }
}
