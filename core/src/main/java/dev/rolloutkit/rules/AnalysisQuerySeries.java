package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.AnalysisRules.*;

import dev.rolloutkit.analysis.QueryShape;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** A query judged by result[0] returns one series. */
final class AnalysisQuerySeries extends MetricsRule {

  AnalysisQuerySeries() {
    super(
        "ANALYSIS-QUERY-SERIES",
        Severity.WARNING,
        "A query judged by result[0] returns one series",
        "Argo passes a vector's sample values in the API's order and a condition on result[0]"
            + " judges the first series only: with one series per pod, the other pods' errors are"
            + " never looked at. Aggregate to one series (sum, max, or histogram_quantile over"
            + " sum(…) by (le)). Argo: metricproviders/prometheus/prometheus.go processResponse.");
  }

  @Override
  void check(ResourceSet set, HasMetadata t, List<Metric> metrics, Findings f) {
    for (Metric m : metrics) {
      String query = m.node().path("provider").path("prometheus").path("query").asText("");
      String conditions =
          m.node().path("successCondition").asText("")
              + m.node().path("failureCondition").asText("");
      if (!query.isEmpty()
          && conditions.contains("result[0]")
          && queryFacts(set, query).shape() == QueryShape.SERIES) {
        f.add(
            t,
            m.path() + ".provider.prometheus.query",
            "the query of metric "
                + m.name()
                + " can return several series, and only result[0], the first, is judged",
            "aggregate it to one series: sum(…), max(…), or histogram_quantile over sum(…) by"
                + " (le)");
      }
    }
  }
}
