package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks of the templates one analysis runs together, as the controller flattens them into one AnalysisRun
 * (reference §3.4 #55, #56, #58, #59 and §3.5 #95, #96). Each template may be fine alone and the combination not.
 */
public final class CombinedAnalysisRules {

  private CombinedAnalysisRules() {}

  /** A dry-run or measurement-retention rule, with the resource and path it is written at. */
  private record MetricRule(HasMetadata owner, String path, String metricName) {}

  public static final Rule COMBINED = new CheckRule("ARGO-ANALYSIS-COMBINED", Severity.ERROR,
      "Templates one analysis runs together have distinct metric names, agreeing argument values and distinct dry-run and retention rules",
      "The controller flattens the templates of an analysis into one run and rejects the Rollout when two metrics share a name (#55),"
          + " an argument has two different values (#56), or dryRun or measurementRetention name a metric twice (#58, #59).",
      (resources, f) -> {
        for (AnalysisUses.Use use : AnalysisUses.of(resources)) {
          use.templates().ifPresent(templates -> {
            Set<String> metricNames = new HashSet<>();
            Set<String> reported = new HashSet<>();
            Map<String, String> argValues = new HashMap<>();
            for (HasMetadata t : templates) {
              JsonNode spec = resources.tree(t).path("spec");
              for (JsonNode m : spec.path("metrics")) {
                String name = m.path("name").asText();
                if (!metricNames.add(name) && reported.add(name)) {
                  f.add(use.rollout(), use.path() + ".templates", "two metrics have the same name '" + name + "'",
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
                  f.add(use.rollout(), use.path() + ".templates", "Argument `" + name + "` specified multiple times with different values: '"
                      + previous + "', '" + value + "'", "give argument " + name + " one default, or pass it from the Rollout's args instead");
                }
              }
            }
            duplicates(f, use, rules(resources, use, templates, "dryRun"), "two Dry-Run metric rules have the same name '%s'");
            duplicates(f, use, rules(resources, use, templates, "measurementRetention"),
                "two Measurement Retention metric rules have the same name '%s'");
          });
        }
      });

  public static final Rule RULES_MATCH = new CheckRule("ARGO-ANALYSIS-RULES-MATCH", Severity.ERROR,
      "Every dryRun and measurementRetention rule matches a metric of its analysis",
      "A rule whose metricName pattern matches none of the analysis's metrics makes the AnalysisRun Error when it starts (#95, #96),"
          + " which aborts the rollout. The pattern is a regular expression searched in the metric name.",
      (resources, f) -> {
        for (AnalysisUses.Use use : AnalysisUses.of(resources)) {
          use.templates().ifPresent(templates -> {
            List<String> metrics = new ArrayList<>();
            templates.forEach(t -> resources.tree(t).path("spec").path("metrics").forEach(m -> metrics.add(m.path("name").asText())));
            for (String field : List.of("dryRun", "measurementRetention")) {
              List<MetricRule> rules = rules(resources, use, templates, field);
              for (int i = 0; i < rules.size(); i++) {
                MetricRule rule = rules.get(i);
                Pattern pattern;
                try {
                  pattern = Pattern.compile(rule.metricName());
                } catch (PatternSyntaxException e) {
                  pattern = null;
                }
                Pattern p = pattern;
                if (p == null || metrics.stream().noneMatch(m -> p.matcher(m).find())) {
                  f.add(rule.owner(), rule.path() + ".metricName", field + "[" + i + "]: Rule didn't match any metric name(s)",
                      (p == null ? "'" + rule.metricName() + "' is not a valid regular expression; " : "")
                          + "match one of the metrics " + metrics + ", or remove the rule");
                }
              }
            }
          });
        }
      });

  /** The Rollout's rules first, then each template's, as the controller merges them. */
  private static List<MetricRule> rules(ResourceSet resources, AnalysisUses.Use use, List<HasMetadata> templates, String field) {
    List<MetricRule> rules = new ArrayList<>();
    JsonNode own = use.node().path(field);
    for (int i = 0; i < own.size(); i++) {
      rules.add(new MetricRule(use.rollout(), use.path() + "." + field + "[" + i + "]", own.get(i).path("metricName").asText()));
    }
    for (HasMetadata t : templates) {
      JsonNode list = resources.tree(t).path("spec").path(field);
      for (int i = 0; i < list.size(); i++) {
        rules.add(new MetricRule(t, "spec." + field + "[" + i + "]", list.get(i).path("metricName").asText()));
      }
    }
    return rules;
  }

  private static void duplicates(AbstractRule.Findings f, AnalysisUses.Use use, List<MetricRule> rules, String message) {
    Map<String, MetricRule> first = new LinkedHashMap<>();
    Set<String> reported = new HashSet<>();
    for (MetricRule r : rules) {
      if (first.putIfAbsent(r.metricName(), r) != null && reported.add(r.metricName())) {
        f.add(use.rollout(), use.path(), String.format(message, r.metricName()),
            "keep one rule for " + r.metricName() + " (written at " + first.get(r.metricName()).path() + " and " + r.path() + ")");
      }
    }
  }

  private static List<String> names(List<HasMetadata> templates) {
    return templates.stream().map(t -> t.getMetadata().getName()).toList();
  }

  private static final List<Rule> ALL = List.of(COMBINED, RULES_MATCH);

  public static List<Rule> list() {
    return ALL;
  }
}
