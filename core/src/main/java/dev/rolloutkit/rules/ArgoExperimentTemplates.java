package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ExperimentRules.*;

import dev.rolloutkit.argo.v1alpha1.Experiment;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Experiment templates have a unique name and a non-empty selector, and become ready within the
 * progress deadline.
 */
final class ArgoExperimentTemplates extends AbstractRule {

  ArgoExperimentTemplates() {
    super(
        "ARGO-EXPERIMENT-TEMPLATES",
        Severity.ERROR,
        "Experiment templates have a unique name, a non-empty selector and a pod spec, and become"
            + " ready within the progress deadline",
        "The Argo controller sets InvalidSpec on the Experiment and it never runs; the"
            + " missing-selector message really says 'Rollout'. Argo:"
            + " utils/conditions/experiments.go VerifyExperimentSpec; a template without a pod"
            + " spec fails when its ReplicaSet is made (experiments/experiment.go).");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (Experiment e : resources.ofType(Experiment.class)) {
      var templates =
          e.getSpec() == null
              ? List.<dev.rolloutkit.argo.v1alpha1.experimentspec.Templates>of()
              : Canaries.orEmpty(e.getSpec().getTemplates());
      int deadline =
          e.getSpec() == null
              ? 600
              : Objects.requireNonNullElse(e.getSpec().getProgressDeadlineSeconds(), 600);
      Set<String> names = new HashSet<>();
      for (int i = 0; i < templates.size(); i++) {
        var t = templates.get(i);
        String at = "spec.templates[" + i + "]";
        if (t.getSelector() == null) {
          f.add(
              e,
              at + ".selector",
              "Rollout has missing field '.Spec.Templates[" + i + "].Selector'",
              "select the template's pods by label");
        } else if ((t.getSelector().getMatchLabels() == null
                || t.getSelector().getMatchLabels().isEmpty())
            && Canaries.orEmpty(t.getSelector().getMatchExpressions()).isEmpty()) {
          f.add(
              e,
              at + ".selector",
              "This experiment is selecting all pods at index "
                  + i
                  + ". A non-empty selector is required.",
              "select the template's pods by label");
        }
        if (t.getMinReadySeconds() != null && t.getMinReadySeconds() > deadline) {
          f.add(
              e,
              at + ".minReadySeconds",
              "MinReadySeconds cannot be longer than ProgressDeadlineSeconds. Check template index "
                  + i,
              "lower minReadySeconds below " + deadline);
        }
        var podTemplate = t.getTemplate();
        if (podTemplate == null
            || podTemplate.getSpec() == null
            || Canaries.orEmpty(podTemplate.getSpec().getContainers()).isEmpty()) {
          f.add(
              e,
              at + ".template.spec",
              "Failed to create ReplicaSet for template '"
                  + t.getName()
                  + "': a ReplicaSet's pod template needs a spec with at least one container",
              "give the template a pod spec with its containers");
        }
        if (t.getName() == null || t.getName().isEmpty()) {
          f.add(
              e,
              at + ".name",
              "Experiment " + e.getMetadata().getName() + " has empty template name at index " + i,
              "name the template");
        } else if (!names.add(t.getName())) {
          f.add(
              e,
              at + ".name",
              "Experiment "
                  + e.getMetadata().getName()
                  + " has repeated template name '"
                  + t.getName()
                  + "' in templates",
              "rename one of them");
        }
      }
    }
  }
}
