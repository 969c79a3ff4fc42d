package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import io.fabric8.kubernetes.api.model.Service;
import java.util.Map;
import java.util.Objects;

/** Services a Rollout uses select its pods and are not managed by another Rollout. */
final class ArgoServiceSelector extends AbstractRule {

  ArgoServiceSelector() {
    super(
        "ARGO-SERVICE-SELECTOR",
        Severity.ERROR,
        "Services a Rollout uses select its pods and are not managed by another Rollout",
        "The Argo controller rejects the Rollout when a canary, stable, active or preview Service's"
            + " selector has a label its pod template lacks, or the Service is annotated as managed"
            + " by another Rollout. Argo: pkg/apis/rollouts/validation/validation_references.go"
            + " ValidateService; rollout/controller.go getReferencedService (a missing Service,"
            + " judged by the reference policy of docs/lint.md).");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (Rollout r : resources.ofType(Rollout.class)) {
      JsonNode spec = resources.tree(r).path("spec");
      JsonNode strategy = spec.path("strategy");
      JsonNode labels = spec.path("template").path("metadata").path("labels");
      boolean workloadRef = r.getSpec() != null && r.getSpec().getWorkloadRef() != null;
      for (String[] ref : SERVICE_REFS) {
        String name = strategy.at(ref[0]).asText("");
        if (name.isEmpty()) {
          continue;
        }
        String at = ref[1];
        if (resources.find(Service.class, ResourceSet.namespaceOf(r), name).isEmpty()) {
          References.missing(
              resources,
              f,
              r,
              at,
              "Service",
              name,
              resources.anyOfType(Service.class),
              FieldErrors.invalid(at, name, "service \"" + name + "\" not found"),
              "apply Service " + name + " with the Rollout, or correct the name");
          continue;
        }
        resources
            .find(Service.class, ResourceSet.namespaceOf(r), name)
            .ifPresent(
                svc -> {
                  String manager =
                      svc.getMetadata().getAnnotations() == null
                          ? null
                          : svc.getMetadata()
                              .getAnnotations()
                              .get("argo-rollouts.argoproj.io/managed-by-rollouts");
                  if (manager != null && !manager.equals(r.getMetadata().getName())) {
                    f.add(
                        r,
                        at,
                        FieldErrors.invalid(
                            at, name, "Service \"" + name + "\" is managed by another Rollout"),
                        "Rollout "
                            + manager
                            + " manages Service "
                            + name
                            + "; give this Rollout its own Service");
                  }
                  if (workloadRef) {
                    return; // the pod labels come from the referenced workload
                  }
                  Map<String, String> selector =
                      svc.getSpec() == null ? null : svc.getSpec().getSelector();
                  Objects.requireNonNullElse(selector, Map.<String, String>of())
                      .forEach(
                          (k, v) -> {
                            if (!k.equals("rollouts-pod-template-hash")
                                && !v.equals(labels.path(k).asText(null))) {
                              f.add(
                                  r,
                                  at,
                                  FieldErrors.invalid(
                                      at,
                                      name,
                                      "Service \""
                                          + name
                                          + "\" has unmatch label \""
                                          + k
                                          + "\" in rollout"),
                                  "give the pod template "
                                      + k
                                      + ": "
                                      + v
                                      + ", or change the Service's selector");
                            }
                          });
                });
      }
    }
  }
}
