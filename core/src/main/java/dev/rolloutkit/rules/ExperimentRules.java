package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.Experiment;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The Argo controller's Experiment checks (VerifyExperimentSpec, §3.6) and analysis-argument checks (§3.4 #57, #60). */
public final class ExperimentRules {

  private ExperimentRules() {}

  public static final Rule EXPERIMENT_TEMPLATES = new CheckRule("ARGO-EXPERIMENT-TEMPLATES", Severity.ERROR,
      "Experiment templates have a unique name and a non-empty selector, and become ready within the progress deadline",
      "The controller sets InvalidSpec on the Experiment (VerifyExperimentSpec) and it never runs. The missing-selector message"
          + " really says 'Rollout'.",
      (resources, f) -> {
        for (Experiment e : resources.ofType(Experiment.class)) {
          var templates = e.getSpec() == null ? List.<dev.rolloutkit.argo.v1alpha1.experimentspec.Templates>of()
              : Canaries.orEmpty(e.getSpec().getTemplates());
          int deadline = e.getSpec() == null ? 600 : Objects.requireNonNullElse(e.getSpec().getProgressDeadlineSeconds(), 600);
          Set<String> names = new HashSet<>();
          for (int i = 0; i < templates.size(); i++) {
            var t = templates.get(i);
            String at = "spec.templates[" + i + "]";
            if (t.getSelector() == null) {
              f.add(e, at + ".selector", "Rollout has missing field '.Spec.Templates[" + i + "].Selector'", "select the template's pods by label");
            } else if ((t.getSelector().getMatchLabels() == null || t.getSelector().getMatchLabels().isEmpty())
                && Canaries.orEmpty(t.getSelector().getMatchExpressions()).isEmpty()) {
              f.add(e, at + ".selector", "This experiment is selecting all pods at index " + i + ". A non-empty selector is required.",
                  "select the template's pods by label");
            }
            if (t.getMinReadySeconds() != null && t.getMinReadySeconds() > deadline) {
              f.add(e, at + ".minReadySeconds", "MinReadySeconds cannot be longer than ProgressDeadlineSeconds. Check template index " + i,
                  "lower minReadySeconds below " + deadline);
            }
            if (t.getName() == null || t.getName().isEmpty()) {
              f.add(e, at + ".name", "Experiment " + e.getMetadata().getName() + " has empty template name at index " + i, "name the template");
            } else if (!names.add(t.getName())) {
              f.add(e, at + ".name", "Experiment " + e.getMetadata().getName() + " has repeated template name '" + t.getName() + "' in templates",
                  "rename one of them");
            }
          }
        }
      });

  public static final Rule TEMPLATE_ARGS = new CheckRule("ARGO-ANALYSIS-ARGS", Severity.ERROR,
      "Template arguments have a value from the template or the Rollout, and not both value and valueFrom",
      "The controller rejects the Rollout when a template argument has neither a default nor a value from the step or pre/post-promotion"
          + " analysis (#57) or, for background analysis, from canary.analysis.args (#63, #64, whose message is just the argument's"
          + " name), or when it has both value and valueFrom (#60).",
      (resources, f) -> {
        for (AnalysisTemplate t : resources.ofType(AnalysisTemplate.class)) {
          var args = t.getSpec() == null ? List.<dev.rolloutkit.argo.v1alpha1.analysistemplatespec.Args>of() : Canaries.orEmpty(t.getSpec().getArgs());
          for (int a = 0; a < args.size(); a++) {
            if (args.get(a).getValue() != null && args.get(a).getValueFrom() != null) {
              f.add(t, "spec.args[" + a + "]", "AnalysisTemplate " + t.getMetadata().getName() + ": arg '" + args.get(a).getName()
                  + "' has both Value and ValueFrom fields", "keep one of value and valueFrom");
            }
          }
        }
        for (AnalysisUses.Use use : AnalysisUses.of(resources)) {
          use.templates().ifPresent(templates -> {
            var passed = use.argNames();
            Set<String> reported = new HashSet<>();
            for (var t : templates) {
              for (JsonNode arg : resources.tree(t).path("spec").path("args")) {
                String name = arg.path("name").asText();
                if (arg.hasNonNull("value") || arg.hasNonNull("valueFrom") || passed.orElse(List.of()).contains(name) || !reported.add(name)) {
                  continue;
                }
                if (use.kind() != AnalysisUses.Kind.BACKGROUND) {
                  f.add(use.rollout(), use.path() + ".args", "args." + name + " was not resolved", "pass " + name + " in the analysis's args");
                } else if (passed.isEmpty()) {
                  f.add(use.rollout(), use.path() + ".args", "missing analysis arguments in rollout spec",
                      "pass " + name + " in " + use.path() + ".args");
                } else {
                  f.add(use.rollout(), use.path() + ".args", name, "template " + t.getMetadata().getName() + " needs argument " + name
                      + ": pass it in " + use.path() + ".args");
                }
              }
            }
          });
        }
      });

  private static final List<Rule> ALL = List.of(EXPERIMENT_TEMPLATES, TEMPLATE_ARGS);

  public static List<Rule> list() {
    return ALL;
  }
}
