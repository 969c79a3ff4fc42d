package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec;
import dev.rolloutkit.keda.v1alpha1.scaledobjectspec.Triggers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** At least one trigger; trigger names unique; useCachedMetrics only where supported. */
final class KedaTriggers extends ScaledObjectRule {

  KedaTriggers() {
    super(
        "KEDA-TRIGGERS",
        Severity.ERROR,
        "At least one trigger; trigger names unique; useCachedMetrics only where supported",
        "KEDA's admission webhook rejects a ScaledObject without triggers, with useCachedMetrics on"
            + " a cpu, memory or cron trigger, or with two triggers of one name. KEDA:"
            + " apis/keda/v1alpha1/scaledobject_webhook.go verifyTriggers, ValidateTriggers.");
  }

  @Override
  void check(ScaledObject so, ScaledObjectSpec spec, Findings f) {
    if (triggers(spec).isEmpty()) {
      f.add(
          so,
          "spec.triggers",
          "no triggers defined in the ScaledObject/ScaledJob",
          "add a trigger");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < triggers(spec).size(); i++) {
      Triggers t = triggers(spec).get(i);
      if (t.getName() != null && !t.getName().isEmpty() && !names.add(t.getName())) {
        f.add(
            so,
            "spec.triggers[" + i + "].name",
            "triggerName "
                + quote(t.getName())
                + " is defined multiple times in the"
                + " ScaledObject/ScaledJob, but it must be unique",
            "rename one of them");
      }
      if (Boolean.TRUE.equals(t.getUseCachedMetrics())
          && List.of("cpu", "memory", "cron").contains(t.getType())) {
        f.add(
            so,
            "spec.triggers[" + i + "].useCachedMetrics",
            "property \"useCachedMetrics\" is not supported for " + quote(t.getType()) + " scaler",
            "remove useCachedMetrics");
      }
    }
  }
}
