package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks of the templates one analysis runs together, as the controller flattens them into one
 * AnalysisRun ({@code utils/analysis/helpers.go}: flattenMetrics, flattenArgs, the dry-run and
 * retention checks). Each template may be fine alone and the combination not.
 */
public final class CombinedAnalysisRules {

  private CombinedAnalysisRules() {}

  /** A dry-run or measurement-retention rule, with the resource and path it is written at. */
  record MetricRule(HasMetadata owner, String path, String metricName) {}

  public static final Rule COMBINED = new ArgoAnalysisCombined();

  public static final Rule RULES_MATCH = new ArgoAnalysisRulesMatch();

  /** The Rollout's rules first, then each template's, as the controller merges them. */
  static List<MetricRule> rules(
      ResourceSet resources, AnalysisUses.Use use, List<HasMetadata> templates, String field) {
    List<MetricRule> rules = new ArrayList<>();
    JsonNode own = use.node().path(field);
    for (int i = 0; i < own.size(); i++) {
      rules.add(
          new MetricRule(
              use.rollout(),
              use.path() + "." + field + "[" + i + "]",
              own.get(i).path("metricName").asText()));
    }
    for (HasMetadata t : templates) {
      JsonNode list = resources.tree(t).path("spec").path(field);
      for (int i = 0; i < list.size(); i++) {
        rules.add(
            new MetricRule(
                t, "spec." + field + "[" + i + "]", list.get(i).path("metricName").asText()));
      }
    }
    return rules;
  }

  static void duplicates(
      AbstractRule.Findings f, AnalysisUses.Use use, List<MetricRule> rules, String message) {
    Map<String, MetricRule> first = new LinkedHashMap<>();
    Set<String> reported = new HashSet<>();
    for (MetricRule r : rules) {
      if (first.putIfAbsent(r.metricName(), r) != null && reported.add(r.metricName())) {
        f.add(
            use.rollout(),
            use.path(),
            String.format(message, r.metricName()),
            "keep one rule for "
                + r.metricName()
                + " (written at "
                + first.get(r.metricName()).path()
                + " and "
                + r.path()
                + ")");
      }
    }
  }

  static List<String> names(List<HasMetadata> templates) {
    return templates.stream().map(t -> t.getMetadata().getName()).toList();
  }

  static final List<Rule> ALL = List.of(COMBINED, RULES_MATCH);

  public static List<Rule> list() {
    return ALL;
  }
}
