package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.CANARY;
import static dev.rolloutkit.rules.Canaries.canary;
import static dev.rolloutkit.rules.Canaries.orEmpty;
import static dev.rolloutkit.rules.Canaries.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.List;

/**
 * NGINX and ALB routing name one stable Ingress form, and the Ingress routes to the stable Service.
 */
final class ArgoStableIngress extends AbstractRule {

  ArgoStableIngress() {
    super(
        "ARGO-STABLE-INGRESS",
        Severity.ERROR,
        "NGINX and ALB routing name one stable Ingress form, and the Ingress routes to the stable"
            + " Service",
        "The Argo controller rejects the Rollout when NGINX has both or neither of stableIngress"
            + " and stableIngresses (ALB: ingress and ingresses), or the Ingress has no rule whose"
            + " backend is the stableService (ALB: rootService or stableService): it copies or"
            + " patches those rules for the canary. Argo:"
            + " pkg/apis/rollouts/validation/validation_references.go"
            + " ValidateRolloutNginxIngressesConfig, ValidateIngress.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (Rollout r : resources.ofType(Rollout.class)) {
      JsonNode canary = resources.tree(r).path("spec").path("strategy").path("canary");
      JsonNode routing = canary.path("trafficRouting");
      String stable = canary.path("stableService").asText("");
      for (String[] router :
          new String[][] {
            {"nginx", "stableIngress", "stableIngresses", "StableIngress or StableIngresses"},
            {"alb", "ingress", "ingresses", "Ingress or Ingresses"}
          }) {
        JsonNode cfg = routing.path(router[0]);
        if (!cfg.isObject()) {
          continue;
        }
        String at = CANARY + ".trafficRouting." + router[0];
        boolean one = cfg.hasNonNull(router[1]);
        boolean many = cfg.path(router[2]).size() > 0;
        if (one == many) {
          f.add(
              r,
              at,
              "Either "
                  + router[3]
                  + " must be configured. "
                  + (one ? "Both are configured." : "Neither are configured."),
              "set " + router[1] + " (or " + router[2] + "), not both");
          continue;
        }
        List<String> backends =
            router[0].equals("alb") && !cfg.path("rootService").asText("").isEmpty()
                ? List.of(cfg.path("rootService").asText(), stable)
                : List.of(stable);
        List<String[]> ingresses = new ArrayList<>();
        if (one) {
          ingresses.add(new String[] {cfg.path(router[1]).asText(), at + "." + router[1]});
        } else {
          for (int i = 0; i < cfg.path(router[2]).size(); i++) {
            ingresses.add(
                new String[] {
                  cfg.path(router[2]).get(i).asText(), at + "." + router[2] + "[" + i + "]"
                });
          }
        }
        for (String[] ing : ingresses) {
          resources
              .find(Ingress.class, ResourceSet.namespaceOf(r), ing[0])
              .ifPresent(
                  ingress -> {
                    boolean routes =
                        ingress.getSpec() != null
                            && orEmpty(ingress.getSpec().getRules()).stream()
                                .filter(rule -> rule.getHttp() != null)
                                .flatMap(rule -> orEmpty(rule.getHttp().getPaths()).stream())
                                .anyMatch(
                                    p ->
                                        p.getBackend() != null
                                            && p.getBackend().getService() != null
                                            && backends.contains(
                                                p.getBackend().getService().getName()));
                    if (!routes) {
                      f.add(
                          r,
                          ing[1],
                          "ingress `"
                              + ing[0]
                              + "` has no rules using service "
                              + backends.get(0)
                              + " backend",
                          "point a rule of Ingress " + ing[0] + " at Service " + backends.get(0));
                    }
                  });
        }
      }
    }
  }
}
