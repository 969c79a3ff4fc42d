package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;

/** A canary filter on rollouts_pod_template_hash has a scrape config that provides the label. */
final class AnalysisHashLabelScraped extends AbstractRule {

  static final String LABEL = "rollouts_pod_template_hash";

  AnalysisHashLabelScraped() {
    super(
        "ANALYSIS-HASH-LABEL-SCRAPED",
        Severity.WARNING,
        "A canary filter on rollouts_pod_template_hash has a scrape config that provides the label",
        "Prometheus does not copy pod labels onto the series it scrapes: rollouts_pod_template_hash"
            + " exists only with a relabel rule, which the prometheus-operator writes for"
            + " podTargetLabels: [rollouts-pod-template-hash] on a PodMonitor or ServiceMonitor."
            + " Without it every canary-filtered query is empty and every analysis has no data."
            + " Checked when the linted set holds PodMonitors or ServiceMonitors."
            + " prometheus-operator docs: api#monitoring.coreos.com/v1.PodMonitorSpec"
            + " (podTargetLabels).");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    List<String> monitors = new ArrayList<>();
    boolean provided = false;
    for (GenericKubernetesResource r : resources.ofType(GenericKubernetesResource.class)) {
      String apiVersion = String.valueOf(r.getApiVersion());
      if (!apiVersion.startsWith("monitoring.coreos.com/")
          || !List.of("PodMonitor", "ServiceMonitor").contains(r.getKind())) {
        continue;
      }
      monitors.add(r.getKind() + " " + r.getMetadata().getName());
      JsonNode spec = resources.tree(r).path("spec");
      for (JsonNode label : spec.path("podTargetLabels")) {
        provided |= label.asText().equals("rollouts-pod-template-hash");
      }
      for (String endpoints : List.of("podMetricsEndpoints", "endpoints")) {
        for (JsonNode endpoint : spec.path(endpoints)) {
          for (JsonNode relabel : endpoint.path("relabelings")) {
            provided |= relabel.path("targetLabel").asText().equals(LABEL);
          }
        }
      }
    }
    if (monitors.isEmpty() || provided) {
      return;
    }
    for (AnalysisRules.TemplateMetrics t : AnalysisRules.templateMetrics(resources)) {
      for (AnalysisRules.Metric m : t.metrics()) {
        String query = m.node().path("provider").path("prometheus").path("query").asText("");
        if (query.matches("(?s).*\\b" + LABEL + "\\s*=.*")) {
          f.add(
              t.template(),
              m.path() + ".provider.prometheus.query",
              "metric "
                  + m.name()
                  + " filters on "
                  + LABEL
                  + ", but no scrape config in the set provides it ("
                  + String.join(", ", monitors)
                  + "): every canary query would be empty",
              "add podTargetLabels: [rollouts-pod-template-hash] to the PodMonitor or"
                  + " ServiceMonitor");
        }
      }
    }
  }
}
