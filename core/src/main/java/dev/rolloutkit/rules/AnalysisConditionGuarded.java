package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.AnalysisRules.*;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** Prometheus conditions are safe against empty results and NaN. */
final class AnalysisConditionGuarded extends MetricsRule {

  AnalysisConditionGuarded() {
    super(
        "ANALYSIS-CONDITION-GUARDED",
        Severity.WARNING,
        "Prometheus conditions are safe against empty results and NaN",
        "On an empty vector result[0] is an evaluation error, five in a row (consecutiveErrorLimit"
            + " 4) abort the rollout, and default() does not help; on NaN every comparison is"
            + " false, so a failure-only condition passes silently. Argo:"
            + " utils/evaluate/evaluate.go EvaluateResult, metricproviders/prometheus/prometheus.go"
            + " processResponse.");
  }

  @Override
  void check(HasMetadata t, List<Metric> metrics, Findings f, Thresholds limits) {
    metrics.forEach(
        m -> {
          if (m.node().path("provider").path("prometheus").isMissingNode()) {
            return;
          }
          for (String field : List.of("successCondition", "failureCondition")) {
            String c = m.node().path(field).asText("");
            if (c.contains("result[0]") && !c.contains("len(result)")) {
              f.add(
                  t,
                  m.path() + "." + field,
                  field
                      + " indexes result[0] without a len(result) guard: an empty result is an"
                      + " evaluation error",
                  "write len(result) > 0 && !isNaN(result[0]) && …");
            }
          }
          if (m.node().hasNonNull("failureCondition")
              && !m.node().hasNonNull("successCondition")
              && !m.node().path("failureCondition").asText().contains("isNaN")) {
            f.add(
                t,
                m.path() + ".failureCondition",
                "only a failureCondition: on NaN it is false, so the measurement passes",
                "add a successCondition, or guard with isNaN(result[0])");
          }
        });
  }
}
