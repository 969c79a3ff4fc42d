package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec;
import java.util.List;

/** Triggers that are all cpu/memory do not try to scale to zero. */
final class KedaCpuMemoryOnly extends ScaledObjectRule {

  KedaCpuMemoryOnly() {
    super(
        "KEDA-CPU-MEMORY-SCALE-TO-ZERO",
        Severity.ERROR,
        "Triggers that are all cpu/memory do not try to scale to zero",
        "KEDA's admission webhook rejects cpu/memory-only triggers with minReplicaCount 0 for"
            + " Deployments and StatefulSets, and for other targets such as a Rollout it silently"
            + " never scales to zero: cpu and memory triggers are always active. KEDA:"
            + " apis/keda/v1alpha1/scaledobject_webhook.go verifyCPUMemoryScalers.");
  }

  @Override
  void check(ScaledObject so, ScaledObjectSpec spec, Findings f) {
    boolean cpuOnly =
        !triggers(spec).isEmpty()
            && triggers(spec).stream()
                .allMatch(t -> List.of("cpu", "memory").contains(t.getType()));
    if (cpuOnly && scalesToZero(spec)) {
      f.add(
          so,
          "spec.minReplicaCount",
          "scaledobject has only cpu/memory triggers AND minReplica is 0 (scale to zero doesn't"
              + " work in this case)",
          "set minReplicaCount to at least 1, or add an event trigger");
    }
  }
}
