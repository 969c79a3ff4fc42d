package dev.rolloutkit.rules;

import dev.rolloutkit.rules.AnalysisRules.Metric;
import dev.rolloutkit.rules.AnalysisRules.TemplateMetrics;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** A rule that judges the metrics of each AnalysisTemplate and ClusterAnalysisTemplate. */
abstract class MetricsRule extends AbstractRule {

  MetricsRule(String id, Severity severity, String title, String rationale) {
    super(id, severity, title, rationale);
  }

  @Override
  protected final void visit(ResourceSet resources, Findings findings) {
    for (TemplateMetrics t : AnalysisRules.templateMetrics(resources)) {
      check(resources, t.template(), t.metrics(), findings);
    }
  }

  /**
   * Adds a finding for each problem of {@code template}, whose metrics are {@code metrics}; a rule
   * that needs the whole set (e.g. {@link AnalysisRules#queryFacts}) overrides this one.
   */
  void check(ResourceSet resources, HasMetadata template, List<Metric> metrics, Findings findings) {
    check(template, metrics, findings, resources.thresholds());
  }

  /** Adds a finding for each problem of {@code template}, whose metrics are {@code metrics}. */
  void check(HasMetadata template, List<Metric> metrics, Findings findings, Thresholds thresholds) {
    throw new IllegalStateException(id() + " judges no metrics");
  }
}
