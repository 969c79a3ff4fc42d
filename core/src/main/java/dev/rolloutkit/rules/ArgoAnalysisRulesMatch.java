package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.CombinedAnalysisRules.*;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Every dryRun and measurementRetention rule matches a metric of its analysis. */
final class ArgoAnalysisRulesMatch extends AbstractRule {

  ArgoAnalysisRulesMatch() {
    super(
        "ARGO-ANALYSIS-RULES-MATCH",
        Severity.ERROR,
        "Every dryRun and measurementRetention rule matches a metric of its analysis",
        "A dryRun or measurementRetention rule whose metricName pattern (a regular expression"
            + " searched in the name) matches no metric of its analysis makes the AnalysisRun Error"
            + " when it starts, which aborts the rollout. Argo: utils/analysis/helpers.go"
            + " GetDryRunMetrics, GetMeasurementRetentionMetrics.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (AnalysisUses.Use use : AnalysisUses.of(resources)) {
      use.templates()
          .ifPresent(
              templates -> {
                List<String> metrics = new ArrayList<>();
                templates.forEach(
                    t ->
                        resources
                            .tree(t)
                            .path("spec")
                            .path("metrics")
                            .forEach(m -> metrics.add(m.path("name").asText())));
                for (String field : List.of("dryRun", "measurementRetention")) {
                  List<CombinedAnalysisRules.MetricRule> rules =
                      CombinedAnalysisRules.rules(resources, use, templates, field);
                  for (int i = 0; i < rules.size(); i++) {
                    CombinedAnalysisRules.MetricRule rule = rules.get(i);
                    Pattern pattern;
                    try {
                      pattern = Pattern.compile(rule.metricName());
                    } catch (PatternSyntaxException e) {
                      pattern = null;
                    }
                    Pattern p = pattern;
                    if (p == null || metrics.stream().noneMatch(m -> p.matcher(m).find())) {
                      f.add(
                          rule.owner(),
                          rule.path() + ".metricName",
                          field + "[" + i + "]: Rule didn't match any metric name(s)",
                          (p == null
                                  ? "'"
                                      + rule.metricName()
                                      + "' is not a valid regular expression; "
                                  : "")
                              + "match one of the metrics "
                              + metrics
                              + ", or remove the rule");
                    }
                  }
                }
              });
    }
  }
}
