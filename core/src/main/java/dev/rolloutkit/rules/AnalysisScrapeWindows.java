package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.AnalysisRules.*;

import dev.rolloutkit.profile.ArgoDuration;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * Analysis intervals are at least the scrape interval and range windows at least 4× it (15s unless
 * configured).
 */
final class AnalysisScrapeWindows extends MetricsRule {

  AnalysisScrapeWindows() {
    super(
        "ANALYSIS-SCRAPE-WINDOWS",
        Severity.WARNING,
        "Analysis intervals are at least the scrape interval and range windows at least 4× it (15s"
            + " unless configured)",
        "With a range window shorter than 4 scrapes, rate() sees one sample or none and returns"
            + " nothing or noise (Prometheus docs: querying/functions, rate()); an interval shorter"
            + " than a scrape measures the same data again. Only Prometheus metrics are judged:"
            + " job, web and plugin metrics are not measured from scrapes.");
  }

  @Override
  void check(HasMetadata t, List<Metric> metrics, Findings f, Thresholds limits) {
    metrics.forEach(
        m -> {
          if (!m.node().path("provider").has("prometheus")) {
            return; // a job, web or plugin metric is not measured from scrapes
          }
          long scrape = limits.scrapeInterval().getSeconds();
          String interval = m.node().path("interval").asText("");
          long seconds = interval.isEmpty() ? -1 : ArgoDuration.seconds(interval).orElse(-1);
          if (seconds >= 0 && seconds < scrape) {
            f.add(
                t,
                m.path() + ".interval",
                "interval " + interval + " is shorter than the " + scrape + "s scrape interval",
                "measure at most once per scrape, e.g. every 60s");
          }
          for (String w :
              RangeWindows.of(
                  m.node().path("provider").path("prometheus").path("query").asText(""))) {
            long window = ArgoDuration.seconds(w).orElse(Long.MAX_VALUE);
            if (window < 4 * scrape) {
              f.add(
                  t,
                  m.path() + ".provider.prometheus.query",
                  "range window ["
                      + w
                      + "] is shorter than 4 × the "
                      + scrape
                      + "s scrape interval",
                  "use at least [" + 4 * scrape + "s], e.g. [2m]");
            }
          }
        });
  }
}
