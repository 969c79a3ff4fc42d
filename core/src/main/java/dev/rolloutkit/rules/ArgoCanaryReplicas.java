package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.canary;

import dev.rolloutkit.argo.v1alpha1.Rollout;

/** A canary Rollout without traffic routing that no ScaledObject scales has 2 replicas or more. */
final class ArgoCanaryReplicas extends AbstractRule {

  ArgoCanaryReplicas() {
    super(
        "ARGO-CANARY-REPLICAS",
        Severity.WARNING,
        "A canary Rollout without traffic routing that no ScaledObject scales has at least 2"
            + " replicas",
        "With one replica (the default when replicas is unset) stable and canary cannot run side by"
            + " side: a canary step replaces the only pod or adds one that takes far more than its"
            + " weight (Argo docs: features/canary, \"Mimicking Rolling Update\"). A Rollout scaled"
            + " by KEDA is judged by KEDA-CANARY-MIN-REPLICAS instead. With traffic routing the"
            + " weight goes to the canary Service, not by pod count, so one replica is fine (Argo"
            + " docs: features/traffic-management).");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (Rollout r : resources.ofType(Rollout.class)) {
      if (canary(r).isEmpty()
          || canary(r).get().getTrafficRouting() != null
          || r.getSpec().getReplicas() != null && r.getSpec().getReplicas() >= 2) {
        continue;
      }
      String ns = ResourceSet.namespaceOf(r);
      boolean scaled =
          resources.ofType(dev.rolloutkit.keda.v1alpha1.ScaledObject.class).stream()
              .anyMatch(
                  so ->
                      so.getSpec() != null
                          && so.getSpec().getScaleTargetRef() != null
                          && "Rollout".equals(so.getSpec().getScaleTargetRef().getKind())
                          && r.getMetadata()
                              .getName()
                              .equals(so.getSpec().getScaleTargetRef().getName())
                          && ns.equals(ResourceSet.namespaceOf(so)));
      if (!scaled) {
        Integer n = r.getSpec().getReplicas();
        f.add(
            r,
            "spec.replicas",
            "Rollout "
                + r.getMetadata().getName()
                + " runs its canary with "
                + (n == null
                    ? "1 replica (replicas unset)"
                    : n + (n == 1 ? " replica" : " replicas"))
                + ", fewer than the 2 a canary needs",
            "set replicas: 2 or more, or scale it with a"
                + " ScaledObject whose minReplicaCount is at least 2");
      }
    }
  }
}
