package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.simulation.ReplicaSplit;

/** Without traffic routing, each setWeight is close to the share of pods Argo can give it. */
final class ArgoWeightPodSplit extends RolloutTreeRule {

  ArgoWeightPodSplit() {
    super(
        "ARGO-WEIGHT-POD-SPLIT",
        Severity.WARNING,
        "Without traffic routing, each setWeight is close to the share of pods Argo can give it",
        "A canary without trafficRouting splits traffic by pods: the Service balances over the"
            + " canary's and the stable's pods, and Argo rounds the weight to whole pods"
            + " (utils/replicaset/canary.go CalculateReplicaCountsForBasicCanary). With 2 replicas"
            + " setWeight 10 runs 1 canary and 2 stable pods, a third of the requests. Use more"
            + " replicas, weights the pods can express, or traffic routing.");
  }

  @Override
  void check(Rollout rollout, JsonNode spec, Findings f) {
    JsonNode canary = spec.path("strategy").path("canary");
    if (canary.isMissingNode() || canary.has("trafficRouting")) {
      return;
    }
    JsonNode replicasNode = spec.path("replicas");
    if (!replicasNode.isMissingNode() && !replicasNode.isInt()) {
      return;
    }
    int replicas = replicasNode.asInt(1);
    if (replicas < 1) {
      return;
    }
    JsonNode steps = canary.path("steps");
    for (int i = 0; i < steps.size(); i++) {
      JsonNode w = steps.get(i).path("setWeight");
      if (!w.isInt() || w.asInt() <= 0 || w.asInt() >= 100) {
        continue;
      }
      int weight = w.asInt();
      ReplicaSplit.Counts pods =
          ReplicaSplit.settled(
              replicas,
              weight,
              canary.path("maxSurge").asText("25%"),
              canary.path("maxUnavailable").asText("25%"));
      int total = pods.canary() + pods.stable();
      if (total == 0) {
        continue;
      }
      double share = 100.0 * pods.canary() / total;
      if (Math.abs(share - weight) > 10) {
        f.add(
            rollout,
            "spec.strategy.canary.steps[" + i + "].setWeight",
            String.format(
                java.util.Locale.ROOT,
                "setWeight %d without traffic routing runs %d canary and %d stable pods of %d"
                    + " replicas: the canary gets %.0f %% of the requests, not %d %%",
                weight,
                pods.canary(),
                pods.stable(),
                replicas,
                share,
                weight),
            "use more replicas, a weight the pods can express, or traffic routing");
      }
    }
  }
}
