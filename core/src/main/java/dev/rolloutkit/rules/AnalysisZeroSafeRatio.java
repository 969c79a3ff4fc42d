package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.AnalysisRules.*;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** A ratio's numerator that selects a subset is zero-safe. */
final class AnalysisZeroSafeRatio extends MetricsRule {

  AnalysisZeroSafeRatio() {
    super(
        "ANALYSIS-ZERO-SAFE-RATIO",
        Severity.WARNING,
        "A ratio's numerator that selects a subset (errors of all requests) is zero-safe",
        "A version that never returned an error has no error series; sum() over nothing is an"
            + " empty vector, and so is the ratio: the measurement has no data exactly when the"
            + " release is perfect, and a len(result) > 0 guard fails it. Write (sum(…) or"
            + " vector(0)) / sum(…). Prometheus docs: querying/operators (or), querying/functions"
            + " (vector); Argo: metricproviders/prometheus/prometheus.go processResponse.");
  }

  @Override
  void check(ResourceSet set, HasMetadata t, List<Metric> metrics, Findings f) {
    for (Metric m : metrics) {
      String query = m.node().path("provider").path("prometheus").path("query").asText("");
      for (String numerator : queryFacts(set, query).unsafeNumerators()) {
        f.add(
            t,
            m.path() + ".provider.prometheus.query",
            "the numerator "
                + numerator
                + " of metric "
                + m.name()
                + " has no series when nothing matches (a version without errors), so the ratio"
                + " is empty",
            "write (" + numerator + " or vector(0)) / …");
      }
    }
  }
}
