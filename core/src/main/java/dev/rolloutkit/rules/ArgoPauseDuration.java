package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoRules.*;
import static dev.rolloutkit.rules.Canaries.CANARY;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;
import dev.rolloutkit.profile.ArgoDuration;
import java.util.OptionalLong;

/** Pause durations are integer seconds or Go durations, not negative. */
final class ArgoPauseDuration extends CanaryRule {

  ArgoPauseDuration() {
    super(
        "ARGO-PAUSE-DURATION",
        Severity.ERROR,
        "Pause durations are integer seconds or Go durations, not negative",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when a pause"
            + " duration is negative or a string that is neither integer seconds nor a Go duration"
            + " (1d counts as -1). Argo: pkg/apis/rollouts/v1alpha1/types.go"
            + " RolloutPause.DurationSeconds, validation.go ValidateRolloutStrategyCanary.");
  }

  @Override
  void check(Rollout r, Canary c, Findings f) {
    eachStep(
        c,
        (i, s) -> {
          if (s.getPause() != null && s.getPause().getDuration() != null) {
            var d = s.getPause().getDuration();
            OptionalLong seconds =
                d.getIntVal() != null
                    ? OptionalLong.of(d.getIntVal())
                    : ArgoDuration.seconds(d.getStrVal());
            if (seconds.isEmpty() || seconds.getAsLong() < 0) {
              f.add(
                  r,
                  CANARY + ".steps[" + i + "].pause.duration",
                  "Duration needs to be greater than 0",
                  "use integer seconds or a Go duration such as 90s, 2m, 1h30m (there is no d"
                      + " unit)");
            }
          }
        });
  }
}
