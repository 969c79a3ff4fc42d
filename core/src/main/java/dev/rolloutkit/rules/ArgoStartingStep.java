package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.CANARY;
import static dev.rolloutkit.rules.Canaries.steps;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;

/** Background analysis starts at a step that exists. */
final class ArgoStartingStep extends CanaryRule {

  ArgoStartingStep() {
    super(
        "ARGO-STARTING-STEP",
        Severity.ERROR,
        "Background analysis starts at a step that exists",
        "With startingStep past the last step, background analysis never starts, and the controller"
            + " does not say so. Argo docs: features/analysis, \"Background Analysis\".");
  }

  @Override
  void check(Rollout r, Canary c, Findings f) {
    Integer start = c.getAnalysis() == null ? null : c.getAnalysis().getStartingStep();
    if (start != null && (start < 0 || start > steps(c).size())) {
      f.add(
          r,
          CANARY + ".analysis.startingStep",
          "startingStep "
              + start
              + " is outside the "
              + steps(c).size()
              + " steps, so background analysis never starts",
          "use a step index from 0 to " + steps(c).size());
    }
  }
}
