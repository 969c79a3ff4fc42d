package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.AnalysisRules.*;

import dev.rolloutkit.analysis.AnalysisGate;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * Metrics tolerate a few failed measurements before rolling back (3 unless configured or stated by
 * the template).
 */
final class AnalysisRollbackTolerance extends MetricsRule {

  AnalysisRollbackTolerance() {
    super(
        "ANALYSIS-ROLLBACK-TOLERANCE",
        Severity.WARNING,
        "Metrics tolerate a few failed measurements before rolling back (3 unless configured or"
            + " stated by the template)",
        "A failureLimit of 0 rolls back on the first failed measurement, and one NaN from scrape"
            + " timing is enough. Argo fails a metric when failures > failureLimit"
            + " (analysis/analysis.go assessMetricStatus), so 'roll back on the 3rd failure' is"
            + " failureLimit: 2. A gate strict by design states its number with the annotation"
            + " rolloutkit.dev/min-failures-to-roll-back.");
  }

  @Override
  void check(HasMetadata t, List<Metric> metrics, Findings f, Thresholds limits) {
    int minimum = limits.minFailuresToRollBack();
    String stated =
        t.getMetadata() == null || t.getMetadata().getAnnotations() == null
            ? null
            : t.getMetadata().getAnnotations().get(AnalysisGate.MIN_FAILURES_ANNOTATION);
    if (stated != null) {
      try {
        minimum = Integer.parseInt(stated.trim());
        if (minimum < 1) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        f.add(
            t,
            "metadata.annotations." + AnalysisGate.MIN_FAILURES_ANNOTATION,
            "annotation "
                + AnalysisGate.MIN_FAILURES_ANNOTATION
                + " is '"
                + stated
                + "', not a whole number of failures of at least 1",
            "write e.g. \"1\" for a gate that rolls back on the first failure");
        return;
      }
    }
    for (Metric m : metrics) {
      Integer failureLimit = intOf(m.node().path("failureLimit"));
      int fl = failureLimit == null ? 0 : failureLimit;
      if (fl < 0) {
        continue; // -1 disables the limit (consecutiveSuccessLimit decides); below -1 is
        // ARGO-METRIC-VALID's
      }
      if (fl + 1 < minimum) {
        f.add(
            t,
            m.path() + ".failureLimit",
            "metric "
                + m.name()
                + " rolls back on failed measurement #"
                + (fl + 1)
                + " (failureLimit: "
                + fl
                + "), fewer than the "
                + minimum
                + " failures to tolerate"
                + (stated == null ? "" : " the template states"),
            "set failureLimit: "
                + (minimum - 1)
                + " to roll back on failure #"
                + minimum
                + ", with count >= "
                + minimum
                + (stated == null
                    ? ", or annotate the template "
                        + AnalysisGate.MIN_FAILURES_ANNOTATION
                        + ": \""
                        + (fl + 1)
                        + "\" if it is strict by design"
                    : ""));
      }
    }
  }
}
