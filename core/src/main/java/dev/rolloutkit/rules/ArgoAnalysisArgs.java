package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ExperimentRules.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Template arguments have a value from the template or the Rollout, and not both value and
 * valueFrom.
 */
final class ArgoAnalysisArgs extends AbstractRule {

  ArgoAnalysisArgs() {
    super(
        "ARGO-ANALYSIS-ARGS",
        Severity.ERROR,
        "Template arguments have a value from the template or the Rollout, and not both value and"
            + " valueFrom",
        "The Argo controller rejects the Rollout when a template argument has no default and no"
            + " value from the step or pre/post-promotion analysis, or for background analysis from"
            + " canary.analysis.args, or when it has both value and valueFrom. Argo:"
            + " utils/analysis/helpers.go ResolveArgs,"
            + " pkg/apis/rollouts/validation/validation_references.go"
            + " ValidateAnalysisTemplateWithType.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (AnalysisTemplate t : resources.ofType(AnalysisTemplate.class)) {
      var args =
          t.getSpec() == null
              ? List.<dev.rolloutkit.argo.v1alpha1.analysistemplatespec.Args>of()
              : Canaries.orEmpty(t.getSpec().getArgs());
      for (int a = 0; a < args.size(); a++) {
        if (args.get(a).getValue() != null && args.get(a).getValueFrom() != null) {
          f.add(
              t,
              "spec.args[" + a + "]",
              "AnalysisTemplate "
                  + t.getMetadata().getName()
                  + ": arg '"
                  + args.get(a).getName()
                  + "' has both Value and ValueFrom fields",
              "keep one of value and valueFrom");
        }
      }
    }
    for (AnalysisUses.Use use : AnalysisUses.of(resources)) {
      use.templates()
          .ifPresent(
              templates -> {
                var passed = use.argNames();
                Set<String> reported = new HashSet<>();
                for (var t : templates) {
                  for (JsonNode arg : resources.tree(t).path("spec").path("args")) {
                    String name = arg.path("name").asText();
                    if (arg.hasNonNull("value")
                        || arg.hasNonNull("valueFrom")
                        || passed.orElse(List.of()).contains(name)
                        || !reported.add(name)) {
                      continue;
                    }
                    if (use.kind() != AnalysisUses.Kind.BACKGROUND) {
                      f.add(
                          use.rollout(),
                          use.path() + ".args",
                          "args." + name + " was not resolved",
                          "pass " + name + " in the analysis's args");
                    } else if (passed.isEmpty()) {
                      f.add(
                          use.rollout(),
                          use.path() + ".args",
                          "missing analysis arguments in rollout spec",
                          "pass " + name + " in " + use.path() + ".args");
                    } else {
                      f.add(
                          use.rollout(),
                          use.path() + ".args",
                          name,
                          "template "
                              + t.getMetadata().getName()
                              + " needs argument "
                              + name
                              + ": pass it in "
                              + use.path()
                              + ".args");
                    }
                  }
                }
              });
    }
  }
}
