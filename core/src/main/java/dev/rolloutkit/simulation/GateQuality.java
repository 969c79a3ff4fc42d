package dev.rolloutkit.simulation;

import dev.rolloutkit.simulation.AnalysisRunSimulation.Counters;
import dev.rolloutkit.simulation.AnalysisRunSimulation.Metric;
import dev.rolloutkit.simulation.AnalysisRunSimulation.Phase;
import java.util.SplittableRandom;

/**
 * How good a gate is at its job: for a metric whose measurements each fail independently with
 * probability f, how likely the run ends Failed (the rollout aborts), Inconclusive (it pauses) or
 * Successful, after how many measurements. {@link #exact} walks every path of the controller's
 * rules (a Markov chain over measurements taken, failures and the success streak); {@link
 * #monteCarlo} runs seeded trials through the same rules the AnalysisRun simulation uses. Both
 * assume no Error measurements ({@link #errorProbability} gives the chance of ending in Error).
 *
 * <pre>{@code
 * GateQuality.exact(Metric.of("error-rate", 60, 5), 0.05).failed();   // 0.226219: a 5 % flake
 * }</pre>
 */
public final class GateQuality {

  private GateQuality() {}

  /**
   * The distribution of a gate's outcome: probabilities of Failed (or Error: either aborts the
   * rollout), Inconclusive and Successful, the mean index of the failing measurement given Failed
   * (NaN when never Failed), the mean number of measurements taken, and the trials behind it (0 for
   * an exact result).
   */
  public record Result(
      double failed,
      double inconclusive,
      double successful,
      double meanMeasurementsToFailure,
      double meanMeasurements,
      long trials) {}

  /** The exact distribution for measurements failing with probability {@code f}. */
  public static Result exact(Metric metric, double f) {
    int n = count(metric);
    check(f);
    // probability of each (failures, streak) state after k measurements, still running
    double[][] running = new double[n + 1][n + 1];
    running[0][0] = 1;
    double failed = 0;
    double inconclusive = 0;
    double successful = 0;
    double failedIndex = 0;
    double measurements = 0;
    for (int k = 1; k <= n; k++) {
      double[][] next = new double[n + 1][n + 1];
      for (int fails = 0; fails < k; fails++) {
        for (int streak = 0; streak < k; streak++) {
          double p = running[fails][streak];
          if (p == 0) {
            continue;
          }
          // a failure, then a success
          for (int outcome = 0; outcome < 2; outcome++) {
            boolean failure = outcome == 0;
            double q = p * (failure ? f : 1 - f);
            if (q == 0) {
              continue;
            }
            int fs = fails + (failure ? 1 : 0);
            int st = failure ? 0 : streak + 1;
            Phase phase = phase(metric, k, fs, st);
            switch (phase) {
              case FAILED -> {
                failed += q;
                failedIndex += q * k;
                measurements += q * k;
              }
              case INCONCLUSIVE -> {
                inconclusive += q;
                measurements += q * k;
              }
              case SUCCESSFUL -> {
                successful += q;
                measurements += q * k;
              }
              default -> next[fs][st] += q;
            }
          }
        }
      }
      running = next;
    }
    return new Result(
        failed,
        inconclusive,
        successful,
        failed == 0 ? Double.NaN : failedIndex / failed,
        measurements,
        0);
  }

  /** The controller's assessment after the k-th measurement (AnalysisRunSimulation.assess). */
  private static Phase phase(Metric metric, int k, int fails, int streak) {
    Counters c = Counters.of(k, fails, 0, 0, streak);
    return AnalysisRunSimulation.assess(metric, c, false);
  }

  /** {@code trials} seeded runs of the metric's measurements, each failing with probability f. */
  public static Result monteCarlo(Metric metric, double f, long trials, long seed) {
    check(f);
    return trials(
        metric,
        random -> random.nextDouble() < f ? MeasurementPhase.FAILED : MeasurementPhase.SUCCESSFUL,
        trials,
        seed);
  }

  /**
   * {@code trials} seeded runs of the metric, each measurement's phase drawn by {@code draw}, each
   * run assessed by the controller's rules after every measurement.
   */
  private static Result trials(
      Metric metric,
      java.util.function.Function<SplittableRandom, MeasurementPhase> draw,
      long trials,
      long seed) {
    int n = count(metric);
    if (trials <= 0) {
      throw new IllegalArgumentException("trials must be positive, got " + trials);
    }
    SplittableRandom random = new SplittableRandom(seed);
    long failed = 0;
    long inconclusive = 0;
    long successful = 0;
    long failedIndex = 0;
    long measurements = 0;
    for (long t = 0; t < trials; t++) {
      Counters c = new Counters();
      Phase phase = Phase.RUNNING;
      int k = 0;
      while (!phase.completed() && k < n) {
        k++;
        c.record(draw.apply(random), k);
        phase = AnalysisRunSimulation.assess(metric, c, false);
      }
      measurements += k;
      switch (phase) {
        case FAILED, ERROR -> {
          failed++;
          failedIndex += k;
        }
        case INCONCLUSIVE -> inconclusive++;
        default -> successful++;
      }
    }
    return new Result(
        (double) failed / trials,
        (double) inconclusive / trials,
        (double) successful / trials,
        failed == 0 ? Double.NaN : (double) failedIndex / failed,
        (double) measurements / trials,
        trials);
  }

  /**
   * A measurement of a success ratio: {@code requests} requests in the measurement's window, each
   * succeeding with probability {@code trueSuccessRate}; the query returns successes / requests (a
   * one-sample vector; NaN without requests), judged by the metric's own conditions as Argo judges
   * them.
   */
  public record RatioModel(
      String successCondition,
      String failureCondition,
      double trueSuccessRate,
      int requests,
      ArgoVersion version) {

    public RatioModel {
      check(trueSuccessRate);
      if (requests < 0) {
        throw new IllegalArgumentException(
            "requests per measurement is 0 or more, got " + requests);
      }
    }

    /** The phase of a measurement that saw {@code successes} of the requests succeed. */
    MeasurementPhase phase(int successes) {
      double ratio = requests == 0 ? Double.NaN : (double) successes / requests;
      return Conditions.of(version)
          .evaluate(successCondition, failureCondition, new double[] {ratio})
          .phase();
    }

    /** A binomial number of successes: failures drawn by geometric skips (exact, fast). */
    int sample(SplittableRandom random) {
      double q = 1 - trueSuccessRate;
      if (q <= 0) {
        return requests;
      }
      if (q >= 1) {
        return 0;
      }
      double logQ = Math.log1p(-q);
      long failures = 0;
      double position = 0;
      while (true) {
        position += Math.floor(Math.log(1 - random.nextDouble()) / logQ) + 1;
        if (position > requests) {
          return (int) (requests - failures);
        }
        failures++;
      }
    }

    /**
     * The probability that one measurement is Failed, summed exactly over the binomial
     * distribution; NaN when a measurement can be Inconclusive or Error (then only trials apply).
     */
    public double failureProbability() {
      double failed = 0;
      double logP = Math.log(trueSuccessRate);
      double logQ = Math.log1p(-trueSuccessRate);
      for (int k = 0; k <= requests; k++) {
        MeasurementPhase phase = phase(k);
        if (phase == MeasurementPhase.INCONCLUSIVE || phase == MeasurementPhase.ERROR) {
          return Double.NaN;
        }
        if (phase == MeasurementPhase.FAILED) {
          double logPmf =
              logChoose(requests, k)
                  + (k == 0 ? 0 : k * logP)
                  + (requests - k == 0 ? 0 : (requests - k) * logQ);
          failed += Math.exp(logPmf);
        }
      }
      return Math.min(1, failed);
    }
  }

  private static double logChoose(int n, int k) {
    double r = 0;
    for (int i = 1; i <= k; i++) {
      r += Math.log(n - k + i) - Math.log(i);
    }
    return r;
  }

  /**
   * {@code trials} seeded runs in which each measurement is drawn from {@code model}: the number of
   * successes, then the metric's conditions on the ratio.
   */
  public static Result monteCarlo(Metric metric, RatioModel model, long trials, long seed) {
    MeasurementPhase[] phases = new MeasurementPhase[model.requests() + 1];
    return trials(
        metric,
        random -> {
          int successes = model.sample(random);
          if (phases[successes] == null) {
            phases[successes] = model.phase(successes);
          }
          return phases[successes];
        },
        trials,
        seed);
  }

  /**
   * The chance that a metric of {@code count} measurements ends in Error when each attempt errors
   * independently with probability {@code e}: some counted slot is preceded by more than {@code
   * consecutiveErrorLimit} errors in a row, {@code 1 − (1 − e^(C+1))^n} (no early Failed assumed).
   */
  public static double errorProbability(double e, int count, int consecutiveErrorLimit) {
    check(e);
    return 1 - Math.pow(1 - Math.pow(e, consecutiveErrorLimit + 1), count);
  }

  private static int count(Metric metric) {
    Integer n = metric.effectiveCount();
    if (n == null) {
      throw new IllegalArgumentException(
          "metric "
              + metric.name()
              + " has no count: an indefinite (background) analysis takes about duration/interval"
              + " + 1 measurements; give that count");
    }
    return n;
  }

  private static void check(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("a probability is between 0 and 1, got " + p);
    }
  }
}
