package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.AnalysisRules.*;

import dev.rolloutkit.analysis.QueryShape;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** A scalar query is not judged with len(result) or result[0]. */
final class AnalysisQueryScalar extends MetricsRule {

  AnalysisQueryScalar() {
    super(
        "ANALYSIS-QUERY-SCALAR",
        Severity.ERROR,
        "A scalar query is not judged with len(result) or result[0]",
        "Argo's Prometheus provider passes a scalar result (scalar(…), a number) to the conditions"
            + " as a float64, and the conditions are compiled against its type: len(result) and"
            + " result[0] do not compile, so every measurement is an Error and the analysis fails"
            + " after consecutiveErrorLimit. Argo: metricproviders/prometheus/prometheus.go"
            + " processResponse, utils/evaluate/evaluate.go EvalCondition.");
  }

  @Override
  void check(ResourceSet set, HasMetadata t, List<Metric> metrics, Findings f) {
    for (Metric m : metrics) {
      String query = m.node().path("provider").path("prometheus").path("query").asText("");
      if (query.isEmpty() || queryFacts(set, query).shape() != QueryShape.SCALAR) {
        continue;
      }
      for (String field : List.of("successCondition", "failureCondition")) {
        String c = m.node().path(field).asText("");
        if (c.contains("len(result)") || c.contains("result[")) {
          f.add(
              t,
              m.path() + "." + field,
              "the query of metric "
                  + m.name()
                  + " returns a scalar, so "
                  + field
                  + " '"
                  + c
                  + "' does not compile: every measurement is an Error",
              "drop scalar() so the query returns a vector, or compare result itself");
        }
      }
    }
  }
}
