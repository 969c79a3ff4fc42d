package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.AnalysisRules.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** Prometheus queries are filtered to the canary through an argument. */
final class AnalysisQueryFiltered extends MetricsRule {

  AnalysisQueryFiltered() {
    super(
        "ANALYSIS-QUERY-CANARY-FILTERED",
        Severity.WARNING,
        "Prometheus queries are filtered to the canary through an argument",
        "A query over stable and canary pods together dilutes the canary's errors, so a bad canary"
            + " passes. Pass the hash with valueFrom.podTemplateHashValue: Latest (Argo docs:"
            + " features/analysis, \"Analysis Template Arguments\") and filter on it.");
  }

  @Override
  void check(HasMetadata t, List<Metric> metrics, Findings f, Thresholds limits) {
    metrics.forEach(
        m -> {
          JsonNode q = m.node().path("provider").path("prometheus").path("query");
          if (!q.isMissingNode() && !q.asText().contains("{{args.")) {
            f.add(
                t,
                m.path() + ".provider.prometheus.query",
                "the query of metric "
                    + m.name()
                    + " is not filtered to the canary (it uses no"
                    + " {{args.…}})",
                "filter on the canary hash, e.g."
                    + " rollouts_pod_template_hash=\"{{args.canary-hash}}\"");
          }
        });
  }
}
