package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.orEmpty;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.Map;
import java.util.Objects;

/** A Rollout without workloadRef has a non-empty selector that matches its template's labels. */
final class ArgoSelector extends RolloutRule {

  ArgoSelector() {
    super(
        "ARGO-SELECTOR",
        Severity.ERROR,
        "A Rollout without workloadRef has a non-empty selector that matches its template's labels",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when a Rollout"
            + " without workloadRef has no selector, an empty one, or one its pod template's labels"
            + " do not match. Argo: pkg/apis/rollouts/validation/validation.go ValidateRolloutSpec;"
            + " Kubernetes: ValidatePodTemplateSpecForReplicaSet.");
  }

  @Override
  void check(Rollout r, Findings f) {
    if (r.getSpec() != null && r.getSpec().getWorkloadRef() != null) {
      return;
    }
    LabelSelector selector = r.getSpec() == null ? null : r.getSpec().getSelector();
    if (selector == null) {
      f.add(
          r,
          "spec.selector",
          FieldErrors.required("spec.selector", "Rollout has missing field '.spec.selector'"),
          "add spec.selector.matchLabels, e.g. app: "
              + (r.getMetadata() == null || r.getMetadata().getName() == null
                  ? "<name>"
                  : r.getMetadata().getName()));
      return;
    }
    if (orEmpty(selector.getMatchExpressions()).isEmpty()
        && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())) {
      f.add(
          r,
          "spec.selector",
          "spec.selector: Invalid value:"
              + " &LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}:"
              + " empty selector is invalid for deployment",
          "select the pods by label");
      return;
    }
    var template = r.getSpec().getTemplate();
    Map<String, String> labels =
        template == null
                || template.getMetadata() == null
                || template.getMetadata().getLabels() == null
            ? Map.of()
            : template.getMetadata().getLabels();
    if (template != null && !matches(selector, labels)) {
      f.add(
          r,
          "spec.template.metadata.labels",
          "`selector` does not match template `labels`",
          "give the pod template the labels "
              + Objects.requireNonNullElse(selector.getMatchLabels(), Map.of()));
    }
  }
}
