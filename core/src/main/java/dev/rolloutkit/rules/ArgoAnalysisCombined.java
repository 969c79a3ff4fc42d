package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.CombinedAnalysisRules.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Templates one analysis runs together have distinct metric names, agreeing argument values and
 * distinct dry-run and retention rules.
 */
final class ArgoAnalysisCombined extends AbstractRule {

  ArgoAnalysisCombined() {
    super(
        "ARGO-ANALYSIS-COMBINED",
        Severity.ERROR,
        "Templates one analysis runs together have distinct metric names, agreeing argument values"
            + " and distinct dry-run and retention rules",
        "The controller flattens the templates of one analysis into one run and rejects the Rollout"
            + " when two metrics share a name, an argument has two different values, or dryRun or"
            + " measurementRetention name a metric twice. Argo: utils/analysis/helpers.go"
            + " flattenMetrics, flattenArgs, validateDryRunMetrics,"
            + " validateMeasurementRetentionMetrics.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (AnalysisUses.Use use : AnalysisUses.of(resources)) {
      use.templates()
          .ifPresent(
              templates -> {
                Set<String> metricNames = new HashSet<>();
                Set<String> reported = new HashSet<>();
                Map<String, String> argValues = new HashMap<>();
                for (HasMetadata t : templates) {
                  JsonNode spec = resources.tree(t).path("spec");
                  for (JsonNode m : spec.path("metrics")) {
                    String name = m.path("name").asText();
                    if (!metricNames.add(name) && reported.add(name)) {
                      f.add(
                          use.rollout(),
                          use.path() + ".templates",
                          "two metrics have the same name '" + name + "'",
                          "rename metric " + name + " in one of the templates " + names(templates));
                    }
                  }
                  for (JsonNode a : spec.path("args")) {
                    if (!a.hasNonNull("value")) {
                      continue;
                    }
                    String name = a.path("name").asText();
                    String value = a.path("value").asText();
                    String previous = argValues.putIfAbsent(name, value);
                    if (previous != null && !previous.equals(value)) {
                      f.add(
                          use.rollout(),
                          use.path() + ".templates",
                          "Argument `"
                              + name
                              + "` specified multiple times with different values: '"
                              + previous
                              + "', '"
                              + value
                              + "'",
                          "give argument "
                              + name
                              + " one default, or pass it from the Rollout's args instead");
                    }
                  }
                }
                duplicates(
                    f,
                    use,
                    rules(resources, use, templates, "dryRun"),
                    "two Dry-Run metric rules have the same name '%s'");
                duplicates(
                    f,
                    use,
                    rules(resources, use, templates, "measurementRetention"),
                    "two Measurement Retention metric rules have the same name '%s'");
              });
    }
  }
}
