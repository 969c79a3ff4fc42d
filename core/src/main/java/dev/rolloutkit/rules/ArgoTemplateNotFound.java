package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;

import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.ClusterAnalysisTemplate;

/** AnalysisTemplates a Rollout refers to are among the resources. */
final class ArgoTemplateNotFound extends AbstractRule {

  ArgoTemplateNotFound() {
    super(
        "ARGO-ANALYSIS-TEMPLATE-NOT-FOUND",
        Severity.ERROR,
        "AnalysisTemplates a Rollout refers to are among the resources",
        "The Argo controller rejects the Rollout when a referenced template does not exist"
            + " (rollout/controller.go getReferencedAnalysisTemplatesFromRef). Checked only when"
            + " the set holds analysis templates at all, so a folder without them does not flag"
            + " templates installed separately.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    if (!resources.anyOfType(AnalysisTemplate.class)
        && !resources.anyOfType(ClusterAnalysisTemplate.class)) {
      return;
    }
    for (AnalysisUses.Use use : AnalysisUses.of(resources)) {
      for (AnalysisUses.TemplateRef ref : use.refs()) {
        boolean found =
            ref.cluster()
                ? resources.ofType(ClusterAnalysisTemplate.class).stream()
                    .anyMatch(x -> x.getMetadata().getName().equals(ref.name()))
                : resources
                    .find(
                        AnalysisTemplate.class, ResourceSet.namespaceOf(use.rollout()), ref.name())
                    .isPresent();
        if (!found) {
          f.add(
              use.rollout(),
              ref.path() + ".templateName",
              (ref.cluster() ? "ClusterAnalysisTemplate" : "AnalysisTemplate")
                  + " '"
                  + ref.name()
                  + "' not found",
              "apply the template with the Rollout, or correct the name");
        }
      }
    }
  }
}
