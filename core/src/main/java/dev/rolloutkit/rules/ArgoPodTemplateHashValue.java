package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.CANARY;
import static dev.rolloutkit.rules.Canaries.orEmpty;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;

/** Analysis args take podTemplateHashValue Latest or Stable. */
final class ArgoPodTemplateHashValue extends CanaryRule {

  ArgoPodTemplateHashValue() {
    super(
        "ARGO-POD-TEMPLATE-HASH-VALUE",
        Severity.ERROR,
        "Analysis args take podTemplateHashValue Latest or Stable",
        "Any value other than Stable or Latest (case matters) resolves silently to an empty string,"
            + " so the query filters on an empty hash and sees no data. Argo:"
            + " utils/analysis/factory.go BuildArgumentsForRolloutAnalysisRun.");
  }

  @Override
  void check(Rollout r, Canary c, Findings f) {
    eachStep(
        c,
        (i, s) -> {
          if (s.getAnalysis() != null) {
            var args = orEmpty(s.getAnalysis().getArgs());
            for (int a = 0; a < args.size(); a++) {
              var v =
                  args.get(a).getValueFrom() == null
                      ? null
                      : args.get(a).getValueFrom().getPodTemplateHashValue();
              if (badHash(v)) {
                hashFinding(
                    r,
                    f,
                    CANARY
                        + ".steps["
                        + i
                        + "].analysis.args["
                        + a
                        + "].valueFrom.podTemplateHashValue",
                    v);
              }
            }
          }
        });
    if (c.getAnalysis() != null) {
      var args = orEmpty(c.getAnalysis().getArgs());
      for (int a = 0; a < args.size(); a++) {
        var v =
            args.get(a).getValueFrom() == null
                ? null
                : args.get(a).getValueFrom().getPodTemplateHashValue();
        if (badHash(v)) {
          hashFinding(r, f, CANARY + ".analysis.args[" + a + "].valueFrom.podTemplateHashValue", v);
        }
      }
    }
  }
}
