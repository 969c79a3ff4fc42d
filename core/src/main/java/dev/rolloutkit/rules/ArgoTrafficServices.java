package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.CANARY;
import static dev.rolloutkit.rules.Canaries.canary;
import static dev.rolloutkit.rules.Canaries.orEmpty;
import static dev.rolloutkit.rules.Canaries.routing;
import static dev.rolloutkit.rules.Canaries.steps;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.ClusterAnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.Steps;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.TrafficRouting;
import dev.rolloutkit.profile.ArgoDuration;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

/** Traffic routers that split by Service have canaryService and stableService. */
final class ArgoTrafficServices extends CanaryRule {

  ArgoTrafficServices() {
    super("ARGO-TRAFFIC-SERVICES-REQUIRED", Severity.ERROR, "Traffic routers that split by Service have canaryService and stableService",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when a router that splits by Service (NGINX, ALB, SMI, Apisix, Ambassador, AppMesh, Traefik, Istio without a destinationRule) lacks canaryService or stableService. Argo: pkg/apis/rollouts/validation/validation.go requireCanaryStableServices.");
  }

  @Override
  void check(Rollout r, Canary c, Findings f) {
    routing(c).ifPresent(t -> {
      boolean istioHost = t.getIstio() != null && t.getIstio().getDestinationRule() == null;
      boolean needs = istioHost || t.getNginx() != null || (t.getAlb() != null && c.getPingPong() == null) || t.getSmi() != null
          || t.getApisix() != null || t.getAmbassador() != null || t.getAppMesh() != null || t.getTraefik() != null;
      if (needs && (isBlank(c.getStableService()) || isBlank(c.getCanaryService()))) {
        f.add(r, CANARY + (isBlank(c.getStableService()) ? ".stableService" : ".canaryService"),
            "Canary service and Stable service must to be set to use Traffic Routing", "set canaryService and stableService");
      }
    });
  }
}
