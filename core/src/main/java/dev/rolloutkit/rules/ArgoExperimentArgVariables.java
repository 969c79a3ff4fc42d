package dev.rolloutkit.rules;

import dev.rolloutkit.argo.v1alpha1.Experiment;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An experiment's analysis args use only the variables the experiment resolves. */
final class ArgoExperimentArgVariables extends AbstractRule {

  ArgoExperimentArgVariables() {
    super(
        "ARGO-EXPERIMENT-ARG-VARIABLES",
        Severity.ERROR,
        "An experiment's analysis args use only the variables the experiment resolves",
        "When it creates an analysis, the experiment controller resolves"
            + " {{templates.<template>.podTemplateHash}} and"
            + " {{templates.<template>.replicaset.name}} of its own templates,"
            + " {{experiment.availableAt}} and, with a duration, {{experiment.finishedAt}} in the"
            + " args' values; any other variable fails the analysis (phase Error), and the"
            + " experiment, and the rollout's experiment step, with it. Argo:"
            + " utils/template/template.go ResolveExperimentArgsValue, experiments/experiment.go"
            + " createAnalysisRun.");
  }

  /** One analysis arg of an experiment, where it is and what the experiment offers it. */
  private record Arg(
      String path, String analysis, String value, Set<String> templates, boolean duration) {}

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (Experiment e : resources.ofType(Experiment.class)) {
      if (e.getSpec() == null) {
        continue;
      }
      Set<String> templates = new HashSet<>();
      Canaries.orEmpty(e.getSpec().getTemplates()).forEach(t -> templates.add(t.getName()));
      boolean duration = e.getSpec().getDuration() != null && !e.getSpec().getDuration().isEmpty();
      List<Arg> args = new ArrayList<>();
      var analyses = Canaries.orEmpty(e.getSpec().getAnalyses());
      for (int a = 0; a < analyses.size(); a++) {
        var list = Canaries.orEmpty(analyses.get(a).getArgs());
        for (int i = 0; i < list.size(); i++) {
          args.add(
              new Arg(
                  "spec.analyses[" + a + "].args[" + i + "].value",
                  analyses.get(a).getName(),
                  list.get(i).getValue(),
                  templates,
                  duration));
        }
      }
      check(e, args, f);
    }
    for (Rollout r : resources.ofType(Rollout.class)) {
      Canary c =
          r.getSpec() == null || r.getSpec().getStrategy() == null
              ? null
              : r.getSpec().getStrategy().getCanary();
      if (c == null) {
        continue;
      }
      List<Arg> args = new ArrayList<>();
      ArgoRules.eachStep(
          c,
          (s, step) -> {
            var x = step.getExperiment();
            if (x == null) {
              return;
            }
            Set<String> templates = new HashSet<>();
            Canaries.orEmpty(x.getTemplates()).forEach(t -> templates.add(t.getName()));
            boolean duration = x.getDuration() != null && !x.getDuration().isEmpty();
            var analyses = Canaries.orEmpty(x.getAnalyses());
            for (int a = 0; a < analyses.size(); a++) {
              var list = Canaries.orEmpty(analyses.get(a).getArgs());
              for (int i = 0; i < list.size(); i++) {
                args.add(
                    new Arg(
                        "spec.strategy.canary.steps["
                            + s
                            + "].experiment.analyses["
                            + a
                            + "].args["
                            + i
                            + "].value",
                        analyses.get(a).getName(),
                        list.get(i).getValue(),
                        templates,
                        duration));
              }
            }
          });
      check(r, args, f);
    }
  }

  private static void check(HasMetadata owner, List<Arg> args, Findings f) {
    for (Arg arg : args) {
      if (arg.value() == null) {
        continue;
      }
      String v = arg.value();
      int at = v.indexOf("{{");
      while (at >= 0) {
        int end = v.indexOf("}}", at + 2);
        if (end < 0) {
          break;
        }
        String tag = v.substring(at + 2, end);
        if (!resolves(tag.strip(), arg)) {
          f.add(
              owner,
              arg.path(),
              "Failed to create AnalysisRun for analysis '"
                  + arg.analysis()
                  + "': failed to resolve {{"
                  + tag
                  + "}}",
              hint(tag.strip(), arg));
        }
        at = v.indexOf("{{", end + 2);
      }
    }
  }

  private static boolean resolves(String tag, Arg arg) {
    if (tag.equals("experiment.availableAt")) {
      return true;
    }
    if (tag.equals("experiment.finishedAt")) {
      return arg.duration();
    }
    for (String suffix : List.of(".podTemplateHash", ".replicaset.name")) {
      if (tag.startsWith("templates.") && tag.endsWith(suffix)) {
        String name = tag.substring("templates.".length(), tag.length() - suffix.length());
        return arg.templates().contains(name);
      }
    }
    return false;
  }

  private static String hint(String tag, Arg arg) {
    if (tag.equals("experiment.finishedAt")) {
      return "give the experiment a duration, or use {{experiment.availableAt}}";
    }
    return "use {{templates.<t>.podTemplateHash}} or {{templates.<t>.replicaset.name}} of one of"
        + " the experiment's templates "
        + new java.util.TreeSet<>(arg.templates())
        + ", {{experiment.availableAt}} or {{experiment.finishedAt}}";
  }
}
