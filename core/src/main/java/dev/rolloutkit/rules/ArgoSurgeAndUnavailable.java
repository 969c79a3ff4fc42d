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

/** maxSurge and maxUnavailable are not both zero. */
final class ArgoSurgeAndUnavailable extends CanaryRule {

  ArgoSurgeAndUnavailable() {
    super("ARGO-MAXSURGE-MAXUNAVAILABLE", Severity.ERROR, "maxSurge and maxUnavailable are not both zero",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when maxSurge and maxUnavailable both resolve to zero: it could neither add nor remove a pod. Argo: pkg/apis/rollouts/validation/validation.go invalidMaxSurgeMaxUnavailable.");
  }

  @Override
  void check(Rollout r, Canary c, Findings f) {
    if (Canaries.isZero(c.getMaxSurge()) && Canaries.isZero(c.getMaxUnavailable())) {
      f.add(r, CANARY + ".maxSurge", "MaxSurge and MaxUnavailable both can not be zero", "allow maxSurge 1 (or 25%)");
    }

  }
}
