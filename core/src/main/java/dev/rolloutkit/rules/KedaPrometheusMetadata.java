package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec;
import dev.rolloutkit.keda.v1alpha1.scaledobjectspec.Triggers;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Prometheus triggers have serverAddress, query and a numeric threshold, and no metricName. */
final class KedaPrometheusMetadata extends ScaledObjectRule {

  KedaPrometheusMetadata() {
    super(
        "KEDA-PROMETHEUS-METADATA",
        Severity.ERROR,
        "Prometheus triggers have serverAddress, query and a numeric threshold, and no metricName",
        "KEDA checks these only when it builds the scaler (Ready=False and an event, no admission"
            + " error); metricName was removed in v2.12 and is ignored (a warning, as KEDA accepts"
            + " it). KEDA: pkg/scalers/prometheus_scaler.go parsePrometheusMetadata.");
  }

  @Override
  void check(ScaledObject so, ScaledObjectSpec spec, Findings f) {
    for (int i = 0; i < triggers(spec).size(); i++) {
      Triggers t = triggers(spec).get(i);
      if (!"prometheus".equals(t.getType())) {
        continue;
      }
      Map<String, String> m = Objects.requireNonNullElse(t.getMetadata(), Map.of());
      for (String key : List.of("serverAddress", "query", "threshold")) {
        if (m.getOrDefault(key, "").isBlank() && !m.containsKey(key + "FromEnv")) {
          f.add(
              so,
              "spec.triggers[" + i + "].metadata." + key,
              "prometheus trigger is missing " + key,
              "add " + key);
        }
      }
      for (String key : List.of("threshold", "activationThreshold")) {
        if (m.containsKey(key) && !isNumber(m.get(key))) {
          f.add(
              so,
              "spec.triggers[" + i + "].metadata." + key,
              key + " " + quote(m.get(key)) + " is not a number",
              "use a number, quoted");
        }
      }
      if (m.containsKey("metricName")) {
        f.add(
            so,
            "spec.triggers[" + i + "].metadata.metricName",
            "metricName was removed in KEDA v2.12 and is ignored",
            "remove it",
            Severity.WARNING);
      }
    }
  }
}
