package dev.rolloutkit.simulation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs an AnalysisRun as Argo v1.9.1's analysis controller does (analysis/analysis.go), on a
 * simulated clock: when each metric measures (initialDelay, the interval from the previous
 * measurement's finish, 10 s after an Error), its counters, its phase by the controller's
 * precedence, the run's phase and termination, and how the Rollout reacts. Measurements take no
 * time and reconciles happen exactly when due.
 *
 * <pre>{@code
 * AnalysisRunSimulation.Outcome o = AnalysisRunSimulation.of(List.of(metric))
 *     .run((m, k, seconds) -> MeasurementPhase.ERROR, 3600);
 * o.phase();    // ERROR: consecutiveErrors (5) > consecutiveErrorLimit (4), at 40 s
 * }</pre>
 */
public final class AnalysisRunSimulation {

  /** A run's or metric's phase (Argo's AnalysisPhase). */
  public enum Phase {
    PENDING("Pending"),
    RUNNING("Running"),
    SUCCESSFUL("Successful"),
    FAILED("Failed"),
    INCONCLUSIVE("Inconclusive"),
    ERROR("Error");

    private final String argo;

    Phase(String argo) {
      this.argo = argo;
    }

    /** The name Argo writes. */
    public String argoName() {
      return argo;
    }

    boolean completed() {
      return this == SUCCESSFUL || this == FAILED || this == INCONCLUSIVE || this == ERROR;
    }

    /**
     * utils/analysis/helpers.go IsWorse: Successful < Running < Pending < Inconclusive < Error <
     * Failed.
     */
    int severity() {
      return switch (this) {
        case SUCCESSFUL -> 0;
        case RUNNING -> 1;
        case PENDING -> 2;
        case INCONCLUSIVE -> 3;
        case ERROR -> 4;
        case FAILED -> 5;
      };
    }
  }

  /** What the Rollout does with a finished run (rollout/analysis.go). */
  public enum Reaction {
    /** The step is complete, the rollout continues. */
    CONTINUE,
    /** Pause condition InconclusiveAnalysisRun: progress halts until a person decides. */
    PAUSE,
    /** The rollout aborts and traffic returns to stable. */
    ABORT;

    /** The reaction to a run that ended in {@code phase}. */
    public static Reaction to(Phase phase) {
      return switch (phase) {
        case SUCCESSFUL -> CONTINUE;
        case INCONCLUSIVE -> PAUSE;
        case FAILED, ERROR -> ABORT;
        default -> throw new IllegalArgumentException(phase + " is not a finished run");
      };
    }
  }

  /**
   * A metric's timing and limits as the AnalysisTemplate gives them; null means unset (Argo's
   * defaults: failureLimit 0, inconclusiveLimit 0, consecutiveErrorLimit 4).
   */
  public record Metric(
      String name,
      Long intervalSeconds,
      Long initialDelaySeconds,
      Integer count,
      Integer failureLimit,
      Integer inconclusiveLimit,
      Integer consecutiveErrorLimit,
      Integer consecutiveSuccessLimit,
      boolean dryRun) {

    public Metric {
      Objects.requireNonNull(name, "name");
    }

    /**
     * A metric measuring every {@code intervalSeconds}, {@code count} times, other fields unset.
     */
    public static Metric of(String name, long intervalSeconds, int count) {
      return new Metric(name, intervalSeconds, null, count, null, null, null, null, false);
    }

    public Metric withFailureLimit(int limit) {
      return new Metric(
          name,
          intervalSeconds,
          initialDelaySeconds,
          count,
          limit,
          inconclusiveLimit,
          consecutiveErrorLimit,
          consecutiveSuccessLimit,
          dryRun);
    }

    public Metric withInconclusiveLimit(int limit) {
      return new Metric(
          name,
          intervalSeconds,
          initialDelaySeconds,
          count,
          failureLimit,
          limit,
          consecutiveErrorLimit,
          consecutiveSuccessLimit,
          dryRun);
    }

    public Metric withConsecutiveErrorLimit(int limit) {
      return new Metric(
          name,
          intervalSeconds,
          initialDelaySeconds,
          count,
          failureLimit,
          inconclusiveLimit,
          limit,
          consecutiveSuccessLimit,
          dryRun);
    }

    public Metric withConsecutiveSuccessLimit(int limit) {
      return new Metric(
          name,
          intervalSeconds,
          initialDelaySeconds,
          count,
          failureLimit,
          inconclusiveLimit,
          consecutiveErrorLimit,
          limit,
          dryRun);
    }

    public Metric withInitialDelay(long seconds) {
      return new Metric(
          name,
          intervalSeconds,
          seconds,
          count,
          failureLimit,
          inconclusiveLimit,
          consecutiveErrorLimit,
          consecutiveSuccessLimit,
          dryRun);
    }

    public Metric asDryRun() {
      return new Metric(
          name,
          intervalSeconds,
          initialDelaySeconds,
          count,
          failureLimit,
          inconclusiveLimit,
          consecutiveErrorLimit,
          consecutiveSuccessLimit,
          true);
    }

    /** EffectiveCount (analysis_types.go): count, 1 without count and interval, else none. */
    Integer effectiveCount() {
      if (count == null || count == 0) {
        return intervalSeconds == null ? 1 : null;
      }
      return count;
    }

    int failureLimitOrDefault() {
      return failureLimit == null ? 0 : failureLimit;
    }

    int inconclusiveLimitOrDefault() {
      return inconclusiveLimit == null ? 0 : inconclusiveLimit;
    }

    int consecutiveErrorLimitOrDefault() {
      return consecutiveErrorLimit == null ? 4 : consecutiveErrorLimit;
    }

    int consecutiveSuccessLimitOrDefault() {
      return consecutiveSuccessLimit == null ? 0 : consecutiveSuccessLimit;
    }
  }

  /** The source of measurement phases: metric, its k-th measurement (1-based), the time. */
  @FunctionalInterface
  public interface Measurements {
    MeasurementPhase measure(Metric metric, int k, double seconds);
  }

  /** One measurement: metric, time (seconds after the run started), phase. */
  public record Measurement(String metric, double seconds, MeasurementPhase phase) {}

  /** A metric's counters (MetricResult). */
  public static final class Counters {
    int count;
    int successful;
    int failed;
    int inconclusive;
    int error;
    int consecutiveError;
    int consecutiveSuccess;
    MeasurementPhase last;
    double lastFinished = Double.NaN;
    Phase phase = Phase.PENDING;
    String reason = "";

    /** Counters as given, for assessing a metric directly. */
    public static Counters of(
        int count, int failed, int inconclusive, int consecutiveError, int consecutiveSuccess) {
      Counters c = new Counters();
      c.count = count;
      c.failed = failed;
      c.inconclusive = inconclusive;
      c.consecutiveError = consecutiveError;
      c.consecutiveSuccess = consecutiveSuccess;
      c.last = MeasurementPhase.SUCCESSFUL;
      return c;
    }

    public int count() {
      return count;
    }

    public int error() {
      return error;
    }

    public int consecutiveError() {
      return consecutiveError;
    }

    /** analysis.go:385-406. */
    void record(MeasurementPhase p, double seconds) {
      switch (p) {
        case SUCCESSFUL -> {
          count++;
          successful++;
          consecutiveError = 0;
          consecutiveSuccess++;
        }
        case FAILED -> {
          count++;
          failed++;
          consecutiveError = 0;
          consecutiveSuccess = 0;
        }
        case INCONCLUSIVE -> {
          count++;
          inconclusive++;
          consecutiveError = 0;
          consecutiveSuccess = 0;
        }
        case ERROR -> {
          error++;
          consecutiveError++;
          consecutiveSuccess = 0;
        }
      }
      last = p;
      lastFinished = seconds;
    }
  }

  /** The run's end: phase, message, when, and every measurement taken. */
  public record Outcome(
      Phase phase,
      String message,
      double seconds,
      List<Measurement> measurements,
      Map<Phase, Integer> metricPhases) {

    /** What the Rollout does with this run. */
    public Reaction reaction() {
      return Reaction.to(phase);
    }
  }

  private final List<Metric> metrics;

  private AnalysisRunSimulation(List<Metric> metrics) {
    this.metrics = List.copyOf(metrics);
  }

  /** A run of {@code metrics}. */
  public static AnalysisRunSimulation of(List<Metric> metrics) {
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("an AnalysisRun needs at least one metric");
    }
    return new AnalysisRunSimulation(metrics);
  }

  /**
   * assessMetricStatus (analysis.go:579-656): the phase of {@code metric} with {@code counters}, in
   * the controller's precedence.
   */
  public static Phase assess(Metric metric, Counters c, boolean terminating) {
    if (c.phase.completed()) {
      return c.phase;
    }
    if (c.last == null) {
      return terminating ? Phase.SUCCESSFUL : Phase.PENDING;
    }
    Phase phase = null;
    int failureLimit = metric.failureLimitOrDefault();
    if (failureLimit >= 0 && c.failed > failureLimit) {
      phase = Phase.FAILED;
      c.reason = "failed (" + c.failed + ") > failureLimit (" + failureLimit + ")";
    }
    if (c.inconclusive > metric.inconclusiveLimitOrDefault()) {
      phase = Phase.INCONCLUSIVE;
      c.reason =
          "inconclusive ("
              + c.inconclusive
              + ") > inconclusiveLimit ("
              + metric.inconclusiveLimitOrDefault()
              + ")";
    }
    if (c.consecutiveError > metric.consecutiveErrorLimitOrDefault()) {
      phase = Phase.ERROR;
      c.reason =
          "consecutiveErrors ("
              + c.consecutiveError
              + ") > consecutiveErrorLimit ("
              + metric.consecutiveErrorLimitOrDefault()
              + ")";
    }
    if (phase != null) {
      return phase;
    }
    int successLimit = metric.consecutiveSuccessLimitOrDefault();
    if (successLimit > 0 && c.consecutiveSuccess >= successLimit) {
      return Phase.SUCCESSFUL;
    }
    Integer effective = metric.effectiveCount();
    if (effective != null && c.count >= effective) {
      if (successLimit > 0 && failureLimit >= 0) {
        return Phase.INCONCLUSIVE;
      }
      if (successLimit > 0) {
        return Phase.FAILED;
      }
      return Phase.SUCCESSFUL;
    }
    return terminating ? Phase.SUCCESSFUL : Phase.RUNNING;
  }

  /**
   * generateMetricTasks for one metric (analysis.go:176-250): whether it measures at {@code now},
   * given when the run started (NaN before its first reconcile).
   */
  public static boolean due(
      Metric metric, Counters c, boolean terminating, double startedAt, double now) {
    if (c.phase.completed() || terminating) {
      return false;
    }
    if (c.last == null) {
      if (metric.initialDelaySeconds() != null) {
        return !Double.isNaN(startedAt) && startedAt + metric.initialDelaySeconds() <= now;
      }
      return true;
    }
    Integer effective = metric.effectiveCount();
    if (effective != null && c.count >= effective) {
      return false;
    }
    return now >= c.lastFinished + retryInterval(metric, c);
  }

  private static long retryInterval(Metric metric, Counters c) {
    if (c.last == MeasurementPhase.ERROR || metric.intervalSeconds() == null) {
      return 10;
    }
    return metric.intervalSeconds();
  }

  /** Runs until the run finishes or {@code horizonSeconds} pass (then the outcome is Running). */
  public Outcome run(Measurements source, double horizonSeconds) {
    Map<String, Counters> counters = new java.util.LinkedHashMap<>();
    metrics.forEach(m -> counters.put(m.name(), new Counters()));
    List<Measurement> taken = new ArrayList<>();
    double now = 0;
    double startedAt = Double.NaN;
    while (now <= horizonSeconds) {
      boolean terminating =
          metrics.stream()
              .anyMatch(
                  m -> {
                    Phase p = counters.get(m.name()).phase;
                    return !m.dryRun()
                        && (p == Phase.FAILED || p == Phase.ERROR || p == Phase.INCONCLUSIVE);
                  });
      for (Metric m : metrics) {
        Counters c = counters.get(m.name());
        if (due(m, c, terminating, startedAt, now)) {
          MeasurementPhase p = source.measure(m, c.count + c.error + 1, now);
          c.record(p, now);
          taken.add(new Measurement(m.name(), now, p));
        }
      }
      if (Double.isNaN(startedAt)) {
        startedAt = now;
      }
      boolean changed = false;
      for (Metric m : metrics) {
        Counters c = counters.get(m.name());
        Phase before = c.phase;
        c.phase = assess(m, c, terminating);
        changed |= c.phase != before && c.phase.completed();
      }
      Phase run = runPhase(counters);
      if (run.completed()) {
        return outcome(run, counters, now, taken);
      }
      if (changed) {
        continue; // the status write enqueues the run again at once
      }
      double next = Double.POSITIVE_INFINITY;
      for (Metric m : metrics) {
        Counters c = counters.get(m.name());
        if (c.phase.completed()) {
          continue;
        }
        if (c.last == null && m.initialDelaySeconds() != null) {
          next = Math.min(next, startedAt + m.initialDelaySeconds());
        } else if (c.last != null) {
          Integer effective = m.effectiveCount();
          if (effective == null || c.count < effective) {
            next = Math.min(next, c.lastFinished + retryInterval(m, c));
          }
        }
      }
      if (Double.isInfinite(next)) {
        break;
      }
      now = next;
    }
    return outcome(Phase.RUNNING, counters, Math.min(now, horizonSeconds), taken);
  }

  /**
   * assessRunStatus (analysis.go:436-573): Running until every metric completed, then the worst
   * phase among metrics that are not dry-run (Successful when there are none). While terminating,
   * the metrics still incomplete are assessed Successful, so they complete in that reconcile.
   */
  private Phase runPhase(Map<String, Counters> counters) {
    Phase worst = Phase.SUCCESSFUL;
    for (Metric m : metrics) {
      Phase p = counters.get(m.name()).phase;
      if (!p.completed()) {
        return Phase.RUNNING;
      }
      if (!m.dryRun() && p.severity() > worst.severity()) {
        worst = p;
      }
    }
    return worst;
  }

  private Outcome outcome(
      Phase phase, Map<String, Counters> counters, double now, List<Measurement> taken) {
    String message = "";
    for (Metric m : metrics) {
      Counters c = counters.get(m.name());
      if (!m.dryRun() && c.phase == phase && !c.reason.isEmpty()) {
        message =
            "Metric \"" + m.name() + "\" assessed " + phase.argoName() + " due to " + c.reason;
        break;
      }
    }
    Map<Phase, Integer> phases = new EnumMap<>(Phase.class);
    counters.values().forEach(c -> phases.merge(c.phase, 1, Integer::sum));
    return new Outcome(phase, message, now, List.copyOf(taken), phases);
  }
}
