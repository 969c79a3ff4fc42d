package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.analysis.AnalysisGate;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.ClusterAnalysisTemplate;
import dev.rolloutkit.profile.ArgoDuration;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks of AnalysisTemplates: the metric rules Argo applies only when an AnalysisRun starts (and that then abort the
 * rollout), made before anything is applied, and the pitfalls of the source documents.
 */
public final class AnalysisRules {

  private AnalysisRules() {}

  /** A metric of either template kind, as a JSON tree, with its path. */
  record Metric(HasMetadata template, String path, JsonNode node) {
    String name() {
      return node.path("name").asText();
    }
  }

  @FunctionalInterface
  interface MetricsCheck {
    void visit(HasMetadata template, List<Metric> metrics, AbstractRule.Findings findings, Thresholds thresholds);
  }

  private static Rule templates(String id, Severity severity, String title, String rationale, MetricsCheck check) {
    return new CheckRule(id, severity, title, rationale, (resources, f) -> {
      for (TemplateMetrics t : templateMetrics(resources)) {
        check.visit(t.template(), t.metrics(), f, resources.thresholds());
      }
    });
  }

  /** A template of either kind with its metrics. */
  private record TemplateMetrics(HasMetadata template, List<Metric> metrics) {}

  private static final Object TEMPLATE_METRICS = new Object();

  /** Every template's metrics, worked out once per set for all the rules on them. */
  private static List<TemplateMetrics> templateMetrics(ResourceSet resources) {
    return resources.derived(TEMPLATE_METRICS, set -> {
      List<HasMetadata> templates = new ArrayList<>(set.ofType(AnalysisTemplate.class));
      templates.addAll(set.ofType(ClusterAnalysisTemplate.class));
      List<TemplateMetrics> all = new ArrayList<>(templates.size());
      for (HasMetadata t : templates) {
        JsonNode metrics = set.tree(t).path("spec").path("metrics");
        List<Metric> list = new ArrayList<>(metrics.size());
        for (int i = 0; i < metrics.size(); i++) {
          list.add(new Metric(t, "spec.metrics[" + i + "]", metrics.get(i)));
        }
        all.add(new TemplateMetrics(t, List.copyOf(list)));
      }
      return List.copyOf(all);
    });
  }

  private static Integer intOf(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (n.isInt()) {
      return n.asInt();
    }
    try {
      return Integer.parseInt(n.asText());
    } catch (NumberFormatException e) {
      return 0; // IntOrString.IntValue() of a non-number, e.g. an unresolved {{args.n}}
    }
  }

  public static final Rule METRIC_VALID = templates("ARGO-METRIC-VALID", Severity.ERROR,
      "Metrics pass the checks Argo makes when an AnalysisRun starts",
      "Argo validates metrics only when a run starts (ValidateMetrics); a failure makes the run Error and aborts the rollout mid-way."
          + " Messages are Argo's, prefixed metrics[i] (reference §3.5).",
      (t, metrics, f, limits) -> {
        if (metrics.isEmpty()) {
          f.add(t, "spec.metrics", "no metrics specified", "add a metric");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < metrics.size(); i++) {
          Metric m = metrics.get(i);
          JsonNode n = m.node();
          String p = "metrics[" + i + "]: ";
          if (!names.add(m.name())) {
            f.add(t, m.path() + ".name", p + "duplicate name '" + m.name() + "'", "rename one of them");
          }
          Integer count = intOf(n.path("count"));
          Integer failureLimit = intOf(n.path("failureLimit"));
          Integer inconclusive = intOf(n.path("inconclusiveLimit"));
          Integer consecutiveError = intOf(n.path("consecutiveErrorLimit"));
          Integer consecutiveSuccess = intOf(n.path("consecutiveSuccessLimit"));
          int fl = failureLimit == null ? 0 : failureLimit;
          int cs = consecutiveSuccess == null ? 0 : consecutiveSuccess;
          if (consecutiveSuccess != null && consecutiveSuccess < 0) {
            f.add(t, m.path() + ".consecutiveSuccessLimit", p + "consecutiveSuccessLimit must be >= 0", "use 0 or more");
          }
          if (fl < -1) {
            f.add(t, m.path() + ".failureLimit", p + "failureLimit must be >= 0, or -1 to be disabled", "use 0 or more");
          }
          if (fl == -1 && cs == 0) {
            f.add(t, m.path() + ".failureLimit", p + "failureLimit and consecutiveSuccessLimit cannot both be disabled", "set a failureLimit");
          }
          if (inconclusive != null && inconclusive < 0) {
            f.add(t, m.path() + ".inconclusiveLimit", p + "inconclusiveLimit must be >= 0", "use 0 or more");
          }
          if (consecutiveError != null && consecutiveError < 0) {
            f.add(t, m.path() + ".consecutiveErrorLimit", p + "consecutiveErrorLimit must be >= 0", "use 0 or more");
          }
          if (count != null && count > 0) {
            if (fl >= 0 && cs >= 0 && count < fl + cs) {
              f.add(t, m.path() + ".count", p + "count (" + count + ") must be >= failureLimit + consecutiveSuccessLimit (" + fl + " + " + cs
                  + ") if both >= 0", "raise count");
            }
            if (fl == -1 && count < cs) {
              f.add(t, m.path() + ".count", p + "count must be >= consecutiveSuccessLimit", "raise count");
            }
            if (inconclusive != null && count < inconclusive) {
              f.add(t, m.path() + ".count", p + "count must be >= inconclusiveLimit", "raise count");
            }
            if (count > 1 && !n.hasNonNull("interval")) {
              f.add(t, m.path() + ".interval", p + "interval must be specified when count > 1", "add an interval, e.g. 1m");
            }
          }
          for (String[] d : new String[][] {{"interval", "invalid interval string: "}, {"initialDelay", "invalid startDelay string: "}}) {
            if (n.hasNonNull(d[0]) && !n.path(d[0]).asText().contains("{{") && ArgoDuration.seconds(n.path(d[0]).asText()).isEmpty()) {
              f.add(t, m.path() + "." + d[0], p + d[1] + n.path(d[0]).asText(), "use a Go duration such as 30s or 5m");
            }
          }
          JsonNode provider = n.path("provider");
          int providers = 0;
          for (var it = provider.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            providers += key.equals("plugin") ? provider.path("plugin").size() : provider.path(key).isNull() ? 0 : 1;
          }
          if (providers == 0) {
            f.add(t, m.path() + ".provider", p + "no provider specified", "add a provider, e.g. prometheus");
          } else if (providers > 1) {
            f.add(t, m.path() + ".provider", p + "multiple providers specified", "keep one provider per metric");
          }
        }
      });

  public static final Rule QUERY_FILTERED = templates("ANALYSIS-QUERY-CANARY-FILTERED", Severity.WARNING,
      "Prometheus queries are filtered to the canary through an argument",
      "Aggregating stable and canary pods together dilutes the canary's errors, so a bad canary passes (the MCP article's third common"
          + " mistake). Pass the hash with valueFrom.podTemplateHashValue: Latest and filter on it.",
      (t, metrics, f, limits) -> metrics.forEach(m -> {
        JsonNode q = m.node().path("provider").path("prometheus").path("query");
        if (!q.isMissingNode() && !q.asText().contains("{{args.")) {
          f.add(t, m.path() + ".provider.prometheus.query", "the query of metric " + m.name() + " is not filtered to the canary (it uses no"
              + " {{args.…}})", "filter on the canary hash, e.g. rollouts_pod_template_hash=\"{{args.canary-hash}}\"");
        }
      }));

  public static final Rule CONDITION_GUARDED = templates("ANALYSIS-CONDITION-GUARDED", Severity.WARNING,
      "Prometheus conditions are safe against empty results and NaN",
      "On an empty vector result[0] is an evaluation error (5 in a row abort the rollout), and default() does not help; on NaN every"
          + " comparison is false, so a failure-only condition passes silently (reference §4.4, §4.5).",
      (t, metrics, f, limits) -> metrics.forEach(m -> {
        if (m.node().path("provider").path("prometheus").isMissingNode()) {
          return;
        }
        for (String field : List.of("successCondition", "failureCondition")) {
          String c = m.node().path(field).asText("");
          if (c.contains("result[0]") && !c.contains("len(result)")) {
            f.add(t, m.path() + "." + field, field + " indexes result[0] without a len(result) guard: an empty result is an evaluation error",
                "write len(result) > 0 && !isNaN(result[0]) && …");
          }
        }
        if (m.node().hasNonNull("failureCondition") && !m.node().hasNonNull("successCondition") && !m.node().path("failureCondition").asText().contains("isNaN")) {
          f.add(t, m.path() + ".failureCondition", "only a failureCondition: on NaN it is false, so the measurement passes",
              "add a successCondition, or guard with isNaN(result[0])");
        }
      }));

  public static final Rule SCRAPE_WINDOWS = templates("ANALYSIS-SCRAPE-WINDOWS", Severity.WARNING,
      "Analysis intervals are at least the scrape interval and range windows at least 4× it (15s unless configured)",
      "With windows shorter than 4 scrapes, rate() sees one sample or none and returns nothing or noise; intervals shorter than a scrape"
          + " measure the same data again (the MCP article's 'metric detection delay').",
      (t, metrics, f, limits) -> metrics.forEach(m -> {
        long scrape = limits.scrapeInterval().getSeconds();
        String interval = m.node().path("interval").asText("");
        long seconds = interval.isEmpty() ? -1 : ArgoDuration.seconds(interval).orElse(-1);
        if (seconds >= 0 && seconds < scrape) {
          f.add(t, m.path() + ".interval", "interval " + interval + " is shorter than the " + scrape + "s scrape interval",
              "measure at most once per scrape, e.g. every 60s");
        }
        for (String w : RangeWindows.of(m.node().path("provider").path("prometheus").path("query").asText(""))) {
          long window = ArgoDuration.seconds(w).orElse(Long.MAX_VALUE);
          if (window < 4 * scrape) {
            f.add(t, m.path() + ".provider.prometheus.query", "range window [" + w + "] is shorter than 4 × the " + scrape
                + "s scrape interval", "use at least [" + 4 * scrape + "s], e.g. [2m]");
          }
        }
      }));

  public static final Rule ROLLBACK_TOLERANCE = templates("ANALYSIS-ROLLBACK-TOLERANCE", Severity.WARNING,
      "Metrics tolerate a few failed measurements before rolling back (3 unless configured or stated by the template)",
      "A failureLimit of 0 rolls back on the first failed measurement, and one NaN from scrape timing is enough (the MCP article's"
          + " pitfall 'failureLimit: 1'). Argo fails a metric when failures > failureLimit, so 'roll back on the 3rd failure' is"
          + " failureLimit: 2. A gate that is strict by design states its own number with annotation "
          + AnalysisGate.MIN_FAILURES_ANNOTATION + ".",
      (t, metrics, f, limits) -> {
        int minimum = limits.minFailuresToRollBack();
        String stated = t.getMetadata() == null || t.getMetadata().getAnnotations() == null ? null
            : t.getMetadata().getAnnotations().get(AnalysisGate.MIN_FAILURES_ANNOTATION);
        if (stated != null) {
          try {
            minimum = Integer.parseInt(stated.trim());
            if (minimum < 1) {
              throw new NumberFormatException();
            }
          } catch (NumberFormatException e) {
            f.add(t, "metadata.annotations." + AnalysisGate.MIN_FAILURES_ANNOTATION, "annotation " + AnalysisGate.MIN_FAILURES_ANNOTATION
                + " is '" + stated + "', not a whole number of failures of at least 1", "write e.g. \"1\" for a gate that rolls back on the first failure");
            return;
          }
        }
        for (Metric m : metrics) {
          Integer failureLimit = intOf(m.node().path("failureLimit"));
          int fl = failureLimit == null ? 0 : failureLimit;
          if (fl < 0) {
            continue; // -1 disables the limit (consecutiveSuccessLimit decides); below -1 is ARGO-METRIC-VALID's
          }
          if (fl + 1 < minimum) {
            f.add(t, m.path() + ".failureLimit", "metric " + m.name() + " rolls back on failed measurement #" + (fl + 1) + " (failureLimit: " + fl
                + "), fewer than the " + minimum + " failures to tolerate" + (stated == null ? "" : " the template states"),
                "set failureLimit: " + (minimum - 1) + " to roll back on failure #" + minimum + ", with count >= " + minimum
                    + (stated == null ? ", or annotate the template " + AnalysisGate.MIN_FAILURES_ANNOTATION + ": \"" + (fl + 1)
                    + "\" if it is strict by design" : ""));
          }
        }
      });

  private static final List<Rule> ALL = List.of(METRIC_VALID, QUERY_FILTERED, CONDITION_GUARDED, SCRAPE_WINDOWS, ROLLBACK_TOLERANCE);

  public static List<Rule> list() {
    return ALL;
  }
}
