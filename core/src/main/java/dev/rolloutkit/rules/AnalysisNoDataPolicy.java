package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.analysis.NoDataPolicy;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import java.util.LinkedHashSet;
import java.util.Set;

/** The analysis of a Rollout that can be scaled to zero says what no data means. */
final class AnalysisNoDataPolicy extends AbstractRule {

  AnalysisNoDataPolicy() {
    super(
        "ANALYSIS-NO-DATA-POLICY",
        Severity.WARNING,
        "The analysis of a Rollout that can be scaled to zero says what no data means",
        "A Rollout that KEDA scales to zero serves no traffic for stretches, and its analysis"
            + " queries then return an empty vector or NaN. With only a guarded successCondition"
            + " that is a failed measurement: the canary is rolled back for silence. State the"
            + " choice: a failureCondition that mirrors the successCondition (no data is"
            + " Inconclusive and the Rollout pauses), or the annotation rolloutkit.dev/on-no-data"
            + " (fail, inconclusive, requireRequests(n)). Argo: utils/evaluate/evaluate.go"
            + " EvaluateResult; KEDA docs: reference/scaledobject-spec (idleReplicaCount).");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (ScaledObject so : resources.ofType(ScaledObject.class)) {
      var spec = so.getSpec();
      var ref = spec == null ? null : spec.getScaleTargetRef();
      if (ref == null || !"Rollout".equals(ref.getKind()) || !KedaRules.scalesToZero(spec)) {
        continue;
      }
      String namespace = ResourceSet.namespaceOf(so);
      var rollout = resources.find(Rollout.class, namespace, ref.getName());
      if (rollout.isEmpty()) {
        continue;
      }
      JsonNode canary = resources.tree(rollout.get()).path("spec").path("strategy").path("canary");
      Set<String> names = new LinkedHashSet<>();
      for (JsonNode step : canary.path("steps")) {
        for (JsonNode t : step.path("analysis").path("templates")) {
          if (!t.path("clusterScope").asBoolean(false)) {
            names.add(t.path("templateName").asText());
          }
        }
      }
      for (JsonNode t : canary.path("analysis").path("templates")) {
        if (!t.path("clusterScope").asBoolean(false)) {
          names.add(t.path("templateName").asText());
        }
      }
      for (String name : names) {
        resources
            .find(AnalysisTemplate.class, namespace, name)
            .ifPresent(template -> check(resources, template, so, ref.getName(), f));
      }
    }
  }

  private static void check(
      ResourceSet resources,
      AnalysisTemplate template,
      ScaledObject so,
      String rollout,
      Findings f) {
    JsonNode tree = resources.tree(template);
    if (tree.path("metadata").path("annotations").has(NoDataPolicy.ANNOTATION)) {
      return;
    }
    JsonNode metrics = tree.path("spec").path("metrics");
    for (int i = 0; i < metrics.size(); i++) {
      JsonNode m = metrics.get(i);
      if (m.path("provider").path("prometheus").isMissingNode()
          || m.hasNonNull("failureCondition")
          || !m.hasNonNull("successCondition")) {
        continue;
      }
      f.add(
          template,
          "spec.metrics[" + i + "].successCondition",
          "ScaledObject "
              + so.getMetadata().getName()
              + " can scale Rollout "
              + rollout
              + " to zero, and metric "
              + m.path("name").asText()
              + " fails on no data (an empty or NaN result) without saying so: a canary without"
              + " traffic is rolled back",
          "mirror the successCondition as a failureCondition (no data is Inconclusive, the"
              + " Rollout pauses), or state annotation "
              + NoDataPolicy.ANNOTATION
              + ": fail");
    }
  }
}
