package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec;

/** pollingInterval and cooldownPeriod are set only where they matter. */
final class KedaIrrelevantSettings extends ScaledObjectRule {

  KedaIrrelevantSettings() {
    super(
        "KEDA-IRRELEVANT-SETTINGS",
        Severity.WARNING,
        "pollingInterval and cooldownPeriod are set only where they matter",
        "KEDA warns on admission that pollingInterval and cooldownPeriod only matter when the"
            + " workload can scale to zero (minReplicaCount 0 or idleReplicaCount 0),"
            + " pollingInterval also with useCachedMetrics. KEDA:"
            + " apis/keda/v1alpha1/scaledobject_webhook.go verifyScaledObjects.");
  }

  @Override
  void check(ScaledObject so, ScaledObjectSpec spec, Findings f) {
    boolean toZero = scalesToZero(spec);
    boolean cached =
        triggers(spec).stream().anyMatch(t -> Boolean.TRUE.equals(t.getUseCachedMetrics()));
    if (spec.getPollingInterval() != null && !toZero && !cached) {
      f.add(
          so,
          "spec.pollingInterval",
          "PollingInterval is configured but is not relevant. PollingInterval is only relevant when"
              + " minReplicaCount = 0 or idleReplicaCount = 0 or useCachedMetrics is enabled",
          "remove it");
    }
    if (spec.getCooldownPeriod() != null && !toZero) {
      f.add(
          so,
          "spec.cooldownPeriod",
          "CooldownPeriod is configured but is not relevant. CooldownPeriod is only relevant when"
              + " minReplicaCount = 0 or idleReplicaCount = 0",
          "remove it, or scale to zero with idleReplicaCount: 0");
    }
  }
}
