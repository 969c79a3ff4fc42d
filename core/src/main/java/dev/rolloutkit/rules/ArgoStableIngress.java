package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.CANARY;
import static dev.rolloutkit.rules.Canaries.canary;
import static dev.rolloutkit.rules.Canaries.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
            + " ValidateRolloutNginxIngressesConfig, ValidateIngress; rollout/controller.go"
            + " getReferencedIngresses (a missing Ingress, judged by the reference policy of"
            + " docs/lint.md). Ingresses of networking.k8s.io/v1, v1beta1 and extensions/v1beta1"
            + " are read.");
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
          if (ingress(resources, ResourceSet.namespaceOf(r), ing[0]).isEmpty()) {
            References.missing(
                resources,
                f,
                r,
                ing[1],
                "Ingress",
                ing[0],
                resources.anyOfKind("networking.k8s.io", "Ingress")
                    || resources.anyOfKind("extensions", "Ingress"),
                FieldErrors.invalid(
                    ing[1], ing[0], "ingress.networking.k8s.io \"" + ing[0] + "\" not found"),
                "apply Ingress " + ing[0] + " with the Rollout, or correct the name");
          }
          ingress(resources, ResourceSet.namespaceOf(r), ing[0])
              .ifPresent(
                  ingress -> {
                    boolean routes = false;
                    for (JsonNode rule : resources.tree(ingress).path("spec").path("rules")) {
                      for (JsonNode p : rule.path("http").path("paths")) {
                        JsonNode backend = p.path("backend");
                        // networking.k8s.io/v1: backend.service.name; v1beta1: serviceName
                        String name =
                            backend
                                .path("service")
                                .path("name")
                                .asText(backend.path("serviceName").asText(""));
                        routes |= backends.contains(name);
                      }
                    }
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

  private static final java.util.Set<String> INGRESS_VERSIONS =
      java.util.Set.of("networking.k8s.io/v1", "networking.k8s.io/v1beta1", "extensions/v1beta1");

  /**
   * The Ingresses of every version Argo reads (networking.k8s.io v1 and v1beta1, extensions) by
   * namespace/name, the later copy of a name winning; made once per set.
   */
  private static java.util.Map<String, HasMetadata> ingresses(ResourceSet resources) {
    return resources.derived(
        ArgoStableIngress.class,
        set -> {
          java.util.Map<String, HasMetadata> byName = new java.util.HashMap<>();
          for (HasMetadata i : set.all()) {
            if ("Ingress".equals(i.getKind())
                && INGRESS_VERSIONS.contains(i.getApiVersion())
                && i.getMetadata() != null) {
              byName.put(ResourceSet.namespaceOf(i) + "/" + i.getMetadata().getName(), i);
            }
          }
          return byName;
        });
  }

  private static java.util.Optional<HasMetadata> ingress(
      ResourceSet resources, String namespace, String name) {
    return java.util.Optional.ofNullable(ingresses(resources).get(namespace + "/" + name));
  }
}
