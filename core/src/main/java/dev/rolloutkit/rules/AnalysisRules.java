package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.ClusterAnalysisTemplate;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks of AnalysisTemplates: the metric rules Argo applies only when an AnalysisRun starts (and
 * that then abort the rollout), made before anything is applied, and the pitfalls of the source
 * documents.
 */
public final class AnalysisRules {

  private AnalysisRules() {}

  /** A metric of either template kind, as a JSON tree, with its path. */
  record Metric(HasMetadata template, String path, JsonNode node) {
    String name() {
      return node.path("name").asText();
    }
  }

  /** A template of either kind with its metrics. */
  record TemplateMetrics(HasMetadata template, List<Metric> metrics) {}

  private static final Object TEMPLATE_METRICS = new Object();

  /** Every template's metrics, worked out once per set for all the rules on them. */
  static List<TemplateMetrics> templateMetrics(ResourceSet resources) {
    return resources.derived(
        TEMPLATE_METRICS,
        set -> {
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

  /** What a query returns and its ratios' unsafe numerators, worked out once per query text. */
  record QueryFacts(dev.rolloutkit.analysis.QueryShape shape, List<String> unsafeNumerators) {}

  private static final Object QUERY_FACTS = new Object();

  /**
   * The facts of {@code query}, computed once per set for every rule that asks (templates copied
   * across services repeat the same queries).
   */
  static QueryFacts queryFacts(ResourceSet resources, String query) {
    java.util.Map<String, QueryFacts> memo =
        resources.derived(QUERY_FACTS, set -> new java.util.concurrent.ConcurrentHashMap<>());
    return memo.computeIfAbsent(
        query,
        q ->
            new QueryFacts(
                dev.rolloutkit.analysis.QueryShape.of(q),
                dev.rolloutkit.analysis.QueryShape.unsafeRatioNumerators(q)));
  }

  static Integer intOf(JsonNode n) {
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

  public static final Rule METRIC_VALID = new ArgoMetricValid();

  public static final Rule QUERY_FILTERED = new AnalysisQueryFiltered();

  public static final Rule CONDITION_GUARDED = new AnalysisConditionGuarded();

  public static final Rule SCRAPE_WINDOWS = new AnalysisScrapeWindows();

  public static final Rule ROLLBACK_TOLERANCE = new AnalysisRollbackTolerance();

  public static final Rule ZERO_SAFE_RATIO = new AnalysisZeroSafeRatio();

  public static final Rule QUERY_SCALAR = new AnalysisQueryScalar();

  public static final Rule QUERY_SERIES = new AnalysisQuerySeries();

  public static final Rule NO_DATA_POLICY = new AnalysisNoDataPolicy();

  public static final Rule HASH_LABEL_SCRAPED = new AnalysisHashLabelScraped();

  static final List<Rule> ALL =
      List.of(
          METRIC_VALID,
          QUERY_FILTERED,
          CONDITION_GUARDED,
          SCRAPE_WINDOWS,
          ROLLBACK_TOLERANCE,
          ZERO_SAFE_RATIO,
          QUERY_SCALAR,
          QUERY_SERIES,
          NO_DATA_POLICY,
          HASH_LABEL_SCRAPED);

  public static List<Rule> list() {
    return ALL;
  }
}
