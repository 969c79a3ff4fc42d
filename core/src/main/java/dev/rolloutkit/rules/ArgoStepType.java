package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.CANARY;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;

/** Every step has exactly one step type. */
final class ArgoStepType extends CanaryRule {

  ArgoStepType() {
    super(
        "ARGO-STEP-ONE-TYPE",
        Severity.ERROR,
        "Every step has exactly one step type",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when a step"
            + " has none, or more than one, of setWeight, pause, experiment and analysis. It does"
            + " not count setCanaryScale, setHeaderRoute, setMirrorRoute and plugin, and then"
            + " silently runs only the first type of the step. Argo:"
            + " pkg/apis/rollouts/validation/validation.go hasMultipleStepsType.");
  }

  @Override
  void check(Rollout r, Canary c, Findings f) {
    eachStep(
        c,
        (i, s) -> {
          int primary = count(s.getSetWeight(), s.getPause(), s.getExperiment(), s.getAnalysis());
          int all =
              primary
                  + count(
                      s.getSetCanaryScale(),
                      s.getSetHeaderRoute(),
                      s.getSetMirrorRoute(),
                      s.getPlugin());
          if (primary > 1 || all == 0) {
            f.add(
                r,
                CANARY + ".steps[" + i + "]",
                "Step must have one of the following set: experiment, setWeight, setCanaryScale,"
                    + " plugin or pause",
                all == 0 ? "give the step a type" : "split it into one step per type");
          }
        });
  }
}
