package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;

/** Metrics of step and blue-green promotion analysis templates have a finite count. */
final class ArgoStepAnalysisCount extends AbstractRule {

  ArgoStepAnalysisCount() {
    super(
        "ARGO-STEP-ANALYSIS-COUNT",
        Severity.ERROR,
        "Metrics of step and blue-green promotion analysis templates have a finite count",
        "The Argo controller rejects a Rollout whose step, pre-promotion or post-promotion analysis"
            + " runs a metric with an interval and no count: it would run indefinitely and the"
            + " rollout would never go on. Background analysis may run indefinitely. Argo:"
            + " pkg/apis/rollouts/validation/validation_references.go"
            + " ValidateAnalysisTemplateWithType.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (AnalysisUses.Use use : AnalysisUses.of(resources)) {
      if (use.kind() == AnalysisUses.Kind.BACKGROUND) {
        continue;
      }
      use.templates()
          .ifPresent(
              templates ->
                  templates.forEach(
                      t ->
                          resources
                              .tree(t)
                              .path("spec")
                              .path("metrics")
                              .forEach(
                                  m -> {
                                    String count =
                                        m.hasNonNull("count") ? m.path("count").asText() : null;
                                    if (m.hasNonNull("interval")
                                        && (count == null || "0".equals(count))) {
                                      String name = m.path("name").asText();
                                      f.add(
                                          use.rollout(),
                                          use.pathOf(t),
                                          "AnalysisTemplate "
                                              + t.getMetadata().getName()
                                              + " has metric "
                                              + name
                                              + " which runs indefinitely. Invalid value for count:"
                                              + " "
                                              + (count == null ? "<nil>" : count),
                                          "give metric " + name + " a count");
                                    }
                                  })));
    }
  }
}
