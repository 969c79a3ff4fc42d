package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.CANARY;
import static dev.rolloutkit.rules.Canaries.routing;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.TrafficRouting;

/**
 * setCanaryScale weights are 0..100 and replicas are not negative; maxTrafficWeight is positive.
 */
final class ArgoCanaryScaleValues extends CanaryRule {

  ArgoCanaryScaleValues() {
    super(
        "ARGO-SETCANARYSCALE-VALUES",
        Severity.ERROR,
        "setCanaryScale weights are 0..100 and replicas are not negative; maxTrafficWeight is"
            + " positive",
        "The Argo controller checks none of these, so a negative or over-100 percentage or negative"
            + " replica count reaches the ReplicaSet arithmetic, where maxTrafficWeight is a"
            + " divisor. Argo: utils/replicaset/canary.go"
            + " CalculateReplicaCountsForTrafficRoutedCanary.");
  }

  @Override
  void check(Rollout r, Canary c, Findings f) {
    eachStep(
        c,
        (i, s) -> {
          var scale = s.getSetCanaryScale();
          if (scale != null
              && scale.getWeight() != null
              && (scale.getWeight() < 0 || scale.getWeight() > 100)) {
            f.add(
                r,
                CANARY + ".steps[" + i + "].setCanaryScale.weight",
                "setCanaryScale weight " + scale.getWeight() + " is outside 0..100",
                "use 0..100");
          }
          if (scale != null && scale.getReplicas() != null && scale.getReplicas() < 0) {
            f.add(
                r,
                CANARY + ".steps[" + i + "].setCanaryScale.replicas",
                "setCanaryScale replicas " + scale.getReplicas() + " is negative",
                "use 0 or more");
          }
        });
    routing(c)
        .map(TrafficRouting::getMaxTrafficWeight)
        .filter(w -> w <= 0)
        .ifPresent(
            w ->
                f.add(
                    r,
                    CANARY + ".trafficRouting.maxTrafficWeight",
                    "maxTrafficWeight " + w + " must be greater than 0",
                    "use 100, or leave it out"));
  }
}
