package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.ClusterAnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.Experiment;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** AnalysisTemplates a Rollout or an Experiment refers to exist. */
final class ArgoTemplateNotFound extends AbstractRule {

  ArgoTemplateNotFound() {
    super(
        "ARGO-ANALYSIS-TEMPLATE-NOT-FOUND",
        Severity.ERROR,
        "AnalysisTemplates a Rollout or an Experiment refers to exist",
        "The Argo controller rejects a Rollout whose referenced template does not exist, and an"
            + " Experiment ends in Error. Argo: rollout/controller.go"
            + " getReferencedAnalysisTemplatesFromRef, experiments/experiment.go"
            + " verifyAnalysisTemplate. A template outside the linted resources is judged by the"
            + " reference policy of docs/lint.md.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (AnalysisUses.Use use : AnalysisUses.of(resources)) {
      for (AnalysisUses.TemplateRef ref : use.refs()) {
        check(
            resources,
            f,
            use.rollout(),
            ref.path() + ".templateName",
            ref.cluster(),
            ref.name(),
            (ref.cluster() ? "ClusterAnalysisTemplate" : "AnalysisTemplate")
                + " '"
                + ref.name()
                + "' not found");
      }
    }
    for (Experiment e : resources.ofType(Experiment.class)) {
      JsonNode analyses = resources.tree(e).path("spec").path("analyses");
      for (int i = 0; i < analyses.size(); i++) {
        JsonNode a = analyses.get(i);
        String name = a.path("templateName").asText("");
        if (name.isEmpty()) {
          continue;
        }
        check(
            resources,
            f,
            e,
            "spec.analyses[" + i + "].templateName",
            a.path("clusterScope").asBoolean(false),
            name,
            "AnalysisTemplate verification failed for analysis '"
                + a.path("name").asText(name)
                + "'");
      }
    }
  }

  private static void check(
      ResourceSet resources,
      Findings f,
      HasMetadata from,
      String path,
      boolean cluster,
      String name,
      String missing) {
    Class<? extends HasMetadata> kind =
        cluster ? ClusterAnalysisTemplate.class : AnalysisTemplate.class;
    boolean found =
        cluster
            ? resources.ofType(ClusterAnalysisTemplate.class).stream()
                .anyMatch(x -> name.equals(x.getMetadata().getName()))
            : resources
                .find(AnalysisTemplate.class, ResourceSet.namespaceOf(from), name)
                .isPresent();
    if (!found) {
      References.missing(
          resources,
          f,
          from,
          path,
          kind.getSimpleName(),
          name,
          resources.anyOfType(kind),
          missing,
          "apply the template with it, or correct the name");
    }
  }
}
