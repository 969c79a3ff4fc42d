package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.keda.v1alpha1.ScaledJob;
import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** At least one trigger; trigger names unique; useCachedMetrics only where supported. */
final class KedaTriggers extends AbstractRule {

  KedaTriggers() {
    super(
        "KEDA-TRIGGERS",
        Severity.ERROR,
        "At least one trigger; trigger names unique; useCachedMetrics only where supported",
        "The API server refuses a ScaledObject or ScaledJob without triggers (the CRDs' minItems"
            + " 1), and KEDA's admission webhook one with useCachedMetrics on a cpu, memory or cron"
            + " trigger or with two triggers of one name; the ScaledJob controller refuses triggers"
            + " with a metricType. KEDA: apis/keda/v1alpha1/scaledobject_webhook.go verifyTriggers,"
            + " scaletriggers_types.go ValidateTriggers,"
            + " controllers/keda/scaledjob_controller.go.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    List<HasMetadata> scaled = new ArrayList<>(resources.ofType(ScaledObject.class));
    scaled.addAll(resources.ofType(ScaledJob.class));
    for (HasMetadata so : scaled) {
      JsonNode spec = resources.tree(so).path("spec");
      if (spec.isMissingNode()) {
        continue;
      }
      JsonNode triggers = spec.path("triggers");
      if (triggers.isMissingNode() || triggers.isNull()) {
        f.add(so, "spec.triggers", "spec.triggers: Required value", "add a trigger");
        continue;
      }
      if (triggers.isEmpty()) {
        f.add(
            so,
            "spec.triggers",
            "spec.triggers in body should have at least 1 items (and KEDA: no triggers defined in"
                + " the ScaledObject/ScaledJob)",
            "add a trigger");
      }
      Set<String> names = new HashSet<>();
      for (int i = 0; i < triggers.size(); i++) {
        JsonNode t = triggers.get(i);
        String name = t.path("name").asText("");
        String type = t.path("type").asText("");
        if (!name.isEmpty() && !names.add(name)) {
          f.add(
              so,
              "spec.triggers[" + i + "].name",
              "triggerName "
                  + KedaRules.quote(name)
                  + " is defined multiple times in the ScaledObject/ScaledJob, but it must be"
                  + " unique",
              "rename one of them");
        }
        if (t.path("useCachedMetrics").asBoolean(false)
            && List.of("cpu", "memory", "cron").contains(type)) {
          f.add(
              so,
              "spec.triggers[" + i + "].useCachedMetrics",
              "property \"useCachedMetrics\" is not supported for "
                  + KedaRules.quote(type)
                  + " scaler",
              "remove useCachedMetrics");
        }
        if (so instanceof ScaledJob && t.hasNonNull("metricType")) {
          f.add(
              so,
              "spec.triggers[" + i + "].metricType",
              "metricType is set in one of the ScaledJob scaler",
              "remove metricType: a ScaledJob scales by its queue, not by a metric type");
        }
      }
    }
  }
}
