package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.AnalysisRules.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.profile.ArgoDuration;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Metrics pass the checks Argo makes when an AnalysisRun starts. */
final class ArgoMetricValid extends MetricsRule {

  ArgoMetricValid() {
    super(
        "ARGO-METRIC-VALID",
        Severity.ERROR,
        "Metrics pass the checks Argo makes when an AnalysisRun starts",
        "Argo validates metrics only when an AnalysisRun starts; a failure makes the run Error and"
            + " aborts the rollout mid-way. Messages are Argo's, prefixed metrics[i]. Argo:"
            + " utils/analysis/factory.go ValidateMetrics, ValidateMetric.");
  }

  @Override
  void check(HasMetadata t, List<Metric> metrics, Findings f, Thresholds limits) {
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
        f.add(
            t,
            m.path() + ".consecutiveSuccessLimit",
            p + "consecutiveSuccessLimit must be >= 0",
            "use 0 or more");
      }
      if (fl < -1) {
        f.add(
            t,
            m.path() + ".failureLimit",
            p + "failureLimit must be >= 0, or -1 to be disabled",
            "use 0 or more");
      }
      if (fl == -1 && cs == 0) {
        f.add(
            t,
            m.path() + ".failureLimit",
            p + "failureLimit and consecutiveSuccessLimit cannot both be disabled",
            "set a failureLimit");
      }
      if (inconclusive != null && inconclusive < 0) {
        f.add(
            t,
            m.path() + ".inconclusiveLimit",
            p + "inconclusiveLimit must be >= 0",
            "use 0 or more");
      }
      if (consecutiveError != null && consecutiveError < 0) {
        f.add(
            t,
            m.path() + ".consecutiveErrorLimit",
            p + "consecutiveErrorLimit must be >= 0",
            "use 0 or more");
      }
      if (count != null && count > 0) {
        if (fl >= 0 && cs >= 0 && count < fl + cs) {
          f.add(
              t,
              m.path() + ".count",
              p
                  + "count ("
                  + count
                  + ") must be >= failureLimit + consecutiveSuccessLimit ("
                  + fl
                  + " + "
                  + cs
                  + ") if both >= 0",
              "raise count");
        }
        if (fl == -1 && count < cs) {
          f.add(
              t,
              m.path() + ".count",
              p + "count must be >= consecutiveSuccessLimit",
              "raise count");
        }
        if (inconclusive != null && count < inconclusive) {
          f.add(t, m.path() + ".count", p + "count must be >= inconclusiveLimit", "raise count");
        }
        if (count > 1 && !n.hasNonNull("interval")) {
          f.add(
              t,
              m.path() + ".interval",
              p + "interval must be specified when count > 1",
              "add an interval, e.g. 1m");
        }
      }
      for (String[] d :
          new String[][] {
            {"interval", "invalid interval string: "},
            {"initialDelay", "invalid startDelay string: "}
          }) {
        if (n.hasNonNull(d[0])
            && !n.path(d[0]).asText().contains("{{")
            && ArgoDuration.seconds(n.path(d[0]).asText()).isEmpty()) {
          f.add(
              t,
              m.path() + "." + d[0],
              p + d[1] + n.path(d[0]).asText(),
              "use a Go duration such as 30s or 5m");
        }
      }
      JsonNode provider = n.path("provider");
      int providers = 0;
      for (var it = provider.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        providers +=
            key.equals("plugin")
                ? provider.path("plugin").size()
                : provider.path(key).isNull() ? 0 : 1;
      }
      if (providers == 0) {
        f.add(
            t,
            m.path() + ".provider",
            p + "no provider specified",
            "add a provider, e.g. prometheus");
      } else if (providers > 1) {
        f.add(
            t,
            m.path() + ".provider",
            p + "multiple providers specified",
            "keep one provider per metric");
      }
    }
  }
}
