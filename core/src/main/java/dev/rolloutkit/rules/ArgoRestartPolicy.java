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

/** The pod template's restartPolicy is Always. */
final class ArgoRestartPolicy extends RolloutRule {

  ArgoRestartPolicy() {
    super("ARGO-RESTART-POLICY", Severity.ERROR, "The pod template's restartPolicy is Always",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when the pod template's restartPolicy is not Always or it sets activeDeadlineSeconds, as for a ReplicaSet. Kubernetes: pkg/apis/apps/validation/validation.go ValidatePodTemplateSpecForReplicaSet, called from Argo's ValidateRolloutSpec.");
  }

  @Override
  void check(Rollout r, Findings f) {
    var t = r.getSpec() == null ? null : r.getSpec().getTemplate();
    String policy = t == null || t.getSpec() == null ? null : t.getSpec().getRestartPolicy();
    if (policy != null && !policy.equals("Always")) {
      f.add(r, "spec.template.spec.restartPolicy", "Unsupported value: \"" + policy + "\": supported values: \"Always\"", "remove it or use Always");
    }

  }
}
