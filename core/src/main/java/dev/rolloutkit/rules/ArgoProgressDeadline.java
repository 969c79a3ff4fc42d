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

/** progressDeadlineSeconds (default 600) is greater than minReadySeconds. */
final class ArgoProgressDeadline extends RolloutRule {

  ArgoProgressDeadline() {
    super("ARGO-PROGRESS-DEADLINE", Severity.ERROR, "progressDeadlineSeconds (default 600) is greater than minReadySeconds",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) unless progressDeadlineSeconds (default 600) is greater than minReadySeconds. Argo: pkg/apis/rollouts/validation/validation.go ValidateRolloutSpec.");
  }

  @Override
  void check(Rollout r, Findings f) {
    if (r.getSpec() == null) {
      return;
    }
    int deadline = Objects.requireNonNullElse(r.getSpec().getProgressDeadlineSeconds(), 600);
    int minReady = Objects.requireNonNullElse(r.getSpec().getMinReadySeconds(), 0);
    if (deadline <= minReady) {
      f.add(r, "spec.progressDeadlineSeconds", "must be greater than minReadySeconds", "raise progressDeadlineSeconds above " + minReady);
    }

  }
}
