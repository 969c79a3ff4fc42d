package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.CANARY;
import static dev.rolloutkit.rules.Canaries.routing;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;

/** Traffic routers that split by Service have canaryService and stableService. */
final class ArgoTrafficServices extends CanaryRule {

  ArgoTrafficServices() {
    super(
        "ARGO-TRAFFIC-SERVICES-REQUIRED",
        Severity.ERROR,
        "Traffic routers that split by Service have canaryService and stableService",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when a router"
            + " that splits by Service (NGINX, ALB, SMI, Apisix, Ambassador, AppMesh, Traefik,"
            + " Istio without a destinationRule) lacks canaryService or stableService. Argo:"
            + " pkg/apis/rollouts/validation/validation.go requireCanaryStableServices.");
  }

  @Override
  void check(Rollout r, Canary c, Findings f) {
    routing(c)
        .ifPresent(
            t -> {
              boolean istioHost =
                  t.getIstio() != null
                      && t.getIstio().getDestinationRule() == null
                      && c.getPingPong() == null;
              boolean needs =
                  istioHost
                      || t.getNginx() != null
                      || (t.getAlb() != null && c.getPingPong() == null)
                      || t.getSmi() != null
                      || t.getApisix() != null
                      || t.getAmbassador() != null
                      || t.getAppMesh() != null
                      || t.getTraefik() != null;
              if (needs && (isBlank(c.getStableService()) || isBlank(c.getCanaryService()))) {
                f.add(
                    r,
                    CANARY + (isBlank(c.getStableService()) ? ".stableService" : ".canaryService"),
                    "Canary service and Stable service must to be set to use Traffic Routing",
                    "set canaryService and stableService");
              }
            });
  }
}
