package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import java.util.Objects;

/** A ScaledObject on a canary Rollout keeps at least 2 replicas while active. */
final class KedaCanaryMinimum extends AbstractRule {

  KedaCanaryMinimum() {
    super(
        "KEDA-CANARY-MIN-REPLICAS",
        Severity.ERROR,
        "A ScaledObject on a canary Rollout keeps at least 2 replicas while active",
        "With minReplicaCount 0 or 1 a canary can run on one pod or none, and the Rollout's weights"
            + " stop meaning anything. Scale to zero with idleReplicaCount: 0 and keep"
            + " minReplicaCount >= 2 (KEDA docs: reference/scaledobject-spec, idleReplicaCount).");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (ScaledObject so : resources.ofType(ScaledObject.class)) {
      var ref = so.getSpec() == null ? null : so.getSpec().getScaleTargetRef();
      if (ref == null || !"Rollout".equals(ref.getKind())) {
        continue;
      }
      resources
          .find(Rollout.class, ResourceSet.namespaceOf(so), ref.getName())
          .filter(r -> Canaries.canary(r).isPresent())
          .ifPresent(
              r -> {
                int min = Objects.requireNonNullElse(so.getSpec().getMinReplicaCount(), 0);
                if (min < 2) {
                  f.add(
                      so,
                      "spec.minReplicaCount",
                      "minReplicaCount "
                          + min
                          + " lets the canary Rollout "
                          + r.getMetadata().getName()
                          + " run on fewer than 2 pods while active",
                      "use idleReplicaCount: 0 with minReplicaCount: 2 or more");
                }
              });
    }
  }
}
