package dev.rolloutkit.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rolloutkit.simulation.AnalysisRunSimulation.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked values of ../shared/reference/simulation.md §6, exactly and by seeded trials. */
class GateQualityTest {

  static Metric metric(int n, int failureLimit, int streak) {
    return new Metric(
        "m", 60L, null, n, failureLimit, null, null, streak == 0 ? null : streak, false);
  }

  @ParameterizedTest(name = "n={0} L={1} S={2} f={3}")
  @CsvSource({
    "5,0,0,0.01,0.049010,0,0.950990,2.98,4.90",
    "5,0,0,0.05,0.226219,0,0.773781,2.90,4.52",
    "5,0,0,0.5,0.968750,0,0.031250,1.84,1.94",
    "5,0,0,0.9,0.999990,0,0.000010,1.11,1.11",
    "5,2,0,0.05,0.001158,0,0.998842,4.48,5.00",
    "5,2,0,0.5,0.500000,0,0.500000,4.13,4.56",
    "5,2,0,0.9,0.991440,0,0.008560,3.31,3.32",
    "10,2,0,0.05,0.011504,0,0.988496,8.10,9.98",
    "10,2,0,0.5,0.945312,0,0.054688,5.63,5.87",
    "10,0,0,0.05,0.401263,0,0.598737,5.08,8.03",
    "5,-1,3,0.05,0.056888,0,0.943112,,3.24",
    "5,-1,3,0.5,0.750000,0,0.250000,,4.69",
    "5,-1,3,0.9,0.997200,0,0.002800,,5.00",
    "5,2,3,0.05,0.001158,0.055729,0.943112,,3.24",
    "5,2,3,0.5,0.500000,0.250000,0.250000,,4.25",
    "5,2,3,0.9,0.991440,0.005760,0.002800,,3.32",
    "10,-1,3,0.5,0.492188,0,0.507812,,7.88"
  })
  void should_give_the_worked_values_exactly_and_by_trials(
      int n,
      int failureLimit,
      int streak,
      double f,
      double failed,
      double inconclusive,
      double successful,
      Double meanToFailure,
      double meanMeasurements) {
    Metric metric = metric(n, failureLimit, streak);
    GateQuality.Result exact = GateQuality.exact(metric, f);
    // the table gives six places (0.0568875 is printed 0.056888)
    assertThat(exact.failed()).isCloseTo(failed, within(6e-7));
    assertThat(exact.inconclusive()).isCloseTo(inconclusive, within(6e-7));
    assertThat(exact.successful()).isCloseTo(successful, within(6e-7));
    if (meanToFailure != null) {
      assertThat(exact.meanMeasurementsToFailure()).isCloseTo(meanToFailure, within(0.005));
    }
    assertThat(exact.meanMeasurements()).isCloseTo(meanMeasurements, within(0.005));

    long trials = 100_000;
    GateQuality.Result sampled = GateQuality.monteCarlo(metric, f, trials, 20261206L);
    // within 4.5 standard errors of the exact binomial value
    double sigma = Math.sqrt(failed * (1 - failed) / trials);
    assertThat(sampled.failed()).isCloseTo(failed, within(4.5 * sigma + 1e-9));
    double sigmaI = Math.sqrt(inconclusive * (1 - inconclusive) / trials);
    assertThat(sampled.inconclusive()).isCloseTo(inconclusive, within(4.5 * sigmaI + 1e-9));
  }

  @Test
  void should_give_the_chance_of_ending_in_error() {
    assertThat(GateQuality.errorProbability(0.3, 5, 4)).isCloseTo(0.0121, within(5e-5));
    assertThat(GateQuality.errorProbability(0.5, 10, 4)).isCloseTo(0.2720, within(5e-5));
  }

  @Test
  void should_repeat_the_same_trials_for_the_same_seed() {
    Metric metric = metric(5, 0, 0);
    assertThat(GateQuality.monteCarlo(metric, 0.05, 10_000, 7))
        .isEqualTo(GateQuality.monteCarlo(metric, 0.05, 10_000, 7));
  }

  static final String SUCCESS_RATE = "len(result) > 0 && !isNaN(result[0]) && result[0] >= 0.95";

  /** P(Binomial(n, p) < k), summed directly. */
  static double below(int n, double p, int k) {
    double sum = 0;
    for (int i = 0; i < k; i++) {
      double c = 1;
      for (int j = 1; j <= i; j++) {
        c = c * (n - i + j) / j;
      }
      sum += c * Math.pow(p, i) * Math.pow(1 - p, n - i);
    }
    return sum;
  }

  @Test
  void should_judge_sampled_success_ratios_with_the_metrics_own_condition() {
    GateQuality.RatioModel healthy =
        new GateQuality.RatioModel(SUCCESS_RATE, "", 0.97, 100, ArgoVersion.V1_9);
    // a measurement fails when fewer than 95 of 100 requests succeed
    double f = below(100, 0.97, 95);
    assertThat(healthy.failureProbability()).isCloseTo(f, within(1e-12));
    Metric metric = metric(5, 0, 0);
    double exact = GateQuality.exact(metric, f).failed();
    long trials = 100_000;
    GateQuality.Result sampled = GateQuality.monteCarlo(metric, healthy, trials, 11);
    double sigma = Math.sqrt(exact * (1 - exact) / trials);
    assertThat(sampled.failed()).isCloseTo(exact, within(4.5 * sigma));
  }

  @Test
  void should_roll_back_on_the_first_measurement_without_requests() {
    GateQuality.RatioModel silent =
        new GateQuality.RatioModel(SUCCESS_RATE, "", 0.99, 0, ArgoVersion.V1_9);
    assertThat(silent.failureProbability()).isEqualTo(1);
    assertThat(GateQuality.monteCarlo(metric(5, 2, 0), silent, 100, 1).meanMeasurementsToFailure())
        .isEqualTo(3);
  }
}
