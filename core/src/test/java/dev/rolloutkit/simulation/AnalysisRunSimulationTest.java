package dev.rolloutkit.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.simulation.AnalysisRunSimulation.Counters;
import dev.rolloutkit.simulation.AnalysisRunSimulation.Metric;
import dev.rolloutkit.simulation.AnalysisRunSimulation.Phase;
import dev.rolloutkit.simulation.AnalysisRunSimulation.Reaction;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Argo v1.9.1's own analysis unit-test expectations (analysis/analysis_test.go, listed in
 * ../shared/reference/simulation.md §1.8), replayed on the simulation.
 */
class AnalysisRunSimulationTest {

  static final Metric EVERY_MINUTE = Metric.of("m", 60, 10);

  static Counters measured(MeasurementPhase last, double finishedAt) {
    Counters c = new Counters();
    c.record(last, finishedAt);
    return c;
  }

  @Test
  void should_measure_an_interval_after_the_last_finish_TestGenerateMetricTasksInterval() {
    assertThat(
            AnalysisRunSimulation.due(
                EVERY_MINUTE, measured(MeasurementPhase.SUCCESSFUL, 0), false, 0, 50))
        .isFalse();
    assertThat(
            AnalysisRunSimulation.due(
                EVERY_MINUTE, measured(MeasurementPhase.SUCCESSFUL, 0), false, 0, 61))
        .isTrue();
  }

  @Test
  void should_take_no_measurement_while_terminating_TestGenerateMetricTasksFailing() {
    assertThat(AnalysisRunSimulation.due(EVERY_MINUTE, new Counters(), true, 0, 0)).isFalse();
  }

  @Test
  void should_measure_once_without_interval_or_count_TestGenerateMetricTasksNoIntervalOrCount() {
    Metric once = new Metric("m", null, null, null, null, null, null, null, false);
    assertThat(
            AnalysisRunSimulation.due(
                once, measured(MeasurementPhase.SUCCESSFUL, 0), false, 0, 100))
        .isFalse();
    assertThat(AnalysisRunSimulation.due(once, new Counters(), false, Double.NaN, 0)).isTrue();
  }

  @Test
  void should_honour_the_initial_delay_TestGenerateMetricTasksHonorInitialDelay() {
    Metric delayed = EVERY_MINUTE.withInitialDelay(20);
    assertThat(AnalysisRunSimulation.due(delayed, new Counters(), false, Double.NaN, 0)).isFalse();
    assertThat(AnalysisRunSimulation.due(delayed, new Counters(), false, 0, 10)).isFalse();
    assertThat(AnalysisRunSimulation.due(delayed, new Counters(), false, 0, 20)).isTrue();
  }

  @Test
  void should_retry_10_seconds_after_an_error_TestGenerateMetricTasksError() {
    Metric fiveMinutes = Metric.of("m", 300, 10);
    assertThat(
            AnalysisRunSimulation.due(
                fiveMinutes, measured(MeasurementPhase.ERROR, 0), false, 0, 120))
        .isTrue();
    assertThat(
            AnalysisRunSimulation.due(
                fiveMinutes, measured(MeasurementPhase.ERROR, 0), false, 0, 10))
        .isTrue();
    assertThat(
            AnalysisRunSimulation.due(
                fiveMinutes, measured(MeasurementPhase.ERROR, 0), false, 0, 9))
        .isFalse();
  }

  static Stream<Arguments> assessments() {
    Metric fl2 = Metric.of("m", 60, 100).withFailureLimit(2);
    Metric fl3 = Metric.of("m", 60, 100).withFailureLimit(3);
    Metric csl3 = new Metric("m", 60L, null, null, -1, null, null, 3, false);
    Metric csl5 = new Metric("m", 60L, null, null, -1, null, null, 5, false);
    Metric count7Csl5 = new Metric("m", 60L, null, 7, -1, null, null, 5, false);
    Metric count7Csl3 = new Metric("m", 60L, null, 7, -1, null, null, 3, false);
    Metric count9Csl5 = new Metric("m", 60L, null, 9, -1, null, null, 5, false);
    Metric both = new Metric("m", 60L, null, 10, 4, null, null, 4, false);
    Metric il2 = Metric.of("m", 60, 100).withInconclusiveLimit(2);
    Metric il3 = Metric.of("m", 60, 100).withInconclusiveLimit(3);
    Metric count10 = Metric.of("m", 60, 10);
    return Stream.of(
        Arguments.of(
            "FailureLimit 2, failed 3", fl2, Counters.of(3, 3, 0, 0, 0), false, Phase.FAILED),
        Arguments.of(
            "FailureLimit 3, failed 3", fl3, Counters.of(3, 3, 0, 0, 0), false, Phase.RUNNING),
        Arguments.of(
            "FailureLimit 3, failed 3, terminating",
            fl3,
            Counters.of(3, 3, 0, 0, 0),
            true,
            Phase.SUCCESSFUL),
        Arguments.of(
            "ConsecutiveSuccessLimit 3 reached",
            csl3,
            Counters.of(3, 0, 0, 0, 3),
            false,
            Phase.SUCCESSFUL),
        Arguments.of(
            "ConsecutiveSuccessLimit 5 not reached",
            csl5,
            Counters.of(3, 0, 0, 0, 3),
            false,
            Phase.RUNNING),
        Arguments.of(
            "ConsecutiveSuccessLimit 5, terminating",
            csl5,
            Counters.of(3, 0, 0, 0, 3),
            true,
            Phase.SUCCESSFUL),
        Arguments.of(
            "count 7 reached, CSL 5 not",
            count7Csl5,
            Counters.of(7, 4, 0, 0, 3),
            false,
            Phase.FAILED),
        Arguments.of(
            "count 7 reached, CSL 3",
            count7Csl3,
            Counters.of(7, 4, 0, 0, 3),
            false,
            Phase.SUCCESSFUL),
        Arguments.of(
            "count 9 not reached, CSL 5",
            count9Csl5,
            Counters.of(7, 4, 0, 0, 3),
            false,
            Phase.RUNNING),
        Arguments.of(
            "FL 4, CSL 4, F4 CS3 C10",
            both,
            Counters.of(10, 4, 0, 0, 3),
            false,
            Phase.INCONCLUSIVE),
        Arguments.of("FL 4, CSL 4, F5 CS3", both, Counters.of(10, 5, 0, 0, 3), false, Phase.FAILED),
        Arguments.of(
            "FL 4, CSL 4, F4 CS4", both, Counters.of(10, 4, 0, 0, 4), false, Phase.SUCCESSFUL),
        Arguments.of(
            "FL 4, CSL 4, F5 CS4: failure first",
            both,
            Counters.of(10, 5, 0, 0, 4),
            false,
            Phase.FAILED),
        Arguments.of(
            "InconclusiveLimit 2, 3 inconclusive",
            il2,
            Counters.of(3, 0, 3, 0, 0),
            false,
            Phase.INCONCLUSIVE),
        Arguments.of(
            "InconclusiveLimit 3, 3 inconclusive",
            il3,
            Counters.of(3, 0, 3, 0, 0),
            false,
            Phase.RUNNING),
        Arguments.of(
            "5 consecutive errors", count10, Counters.of(0, 0, 0, 5, 0), false, Phase.ERROR),
        Arguments.of(
            "4 consecutive errors", count10, Counters.of(0, 0, 0, 4, 0), false, Phase.RUNNING),
        Arguments.of(
            "count 10: 10 successful",
            count10,
            Counters.of(10, 0, 0, 0, 10),
            false,
            Phase.SUCCESSFUL),
        Arguments.of(
            "count 10: 5 successful, 5 inconclusive",
            Metric.of("m", 60, 10).withInconclusiveLimit(5),
            Counters.of(10, 0, 5, 0, 0),
            false,
            Phase.SUCCESSFUL),
        Arguments.of("no measurements", count10, new Counters(), false, Phase.PENDING),
        Arguments.of(
            "no measurements, terminating", count10, new Counters(), true, Phase.SUCCESSFUL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("assessments")
  void should_assess_a_metric_as_the_controller_does(
      String name, Metric metric, Counters counters, boolean terminating, Phase expected) {
    assertThat(AnalysisRunSimulation.assess(metric, counters, terminating)).isEqualTo(expected);
  }

  @Test
  void should_abort_about_40_seconds_after_the_first_measurement_of_an_empty_query() {
    var outcome =
        AnalysisRunSimulation.of(List.of(Metric.of("error-rate", 300, 3)))
            .run((m, k, t) -> MeasurementPhase.ERROR, 3600);
    assertThat(outcome.phase()).isEqualTo(Phase.ERROR);
    assertThat(outcome.seconds()).isEqualTo(40);
    assertThat(outcome.measurements())
        .extracting(AnalysisRunSimulation.Measurement::seconds)
        .containsExactly(0.0, 10.0, 20.0, 30.0, 40.0);
    assertThat(outcome.message())
        .isEqualTo(
            "Metric \"error-rate\" assessed Error due to consecutiveErrors (5) >"
                + " consecutiveErrorLimit (4)");
    assertThat(outcome.reaction()).isEqualTo(Reaction.ABORT);
  }

  @Test
  void should_keep_count_on_an_error_TestRunMeasurementsResetConsecutiveErrorCounter() {
    Counters c = Counters.of(4, 0, 0, 4, 0);
    c.error = 4;
    c.record(MeasurementPhase.ERROR, 0);
    assertThat(c.consecutiveError()).isEqualTo(5);
    assertThat(c.error()).isEqualTo(5);
    assertThat(c.count()).isEqualTo(4);
  }

  @Test
  void should_measure_on_the_interval_and_finish_at_the_count() {
    var outcome =
        AnalysisRunSimulation.of(List.of(Metric.of("m", 60, 3)))
            .run((m, k, t) -> MeasurementPhase.SUCCESSFUL, 3600);
    assertThat(outcome.phase()).isEqualTo(Phase.SUCCESSFUL);
    assertThat(outcome.measurements())
        .extracting(AnalysisRunSimulation.Measurement::seconds)
        .containsExactly(0.0, 60.0, 120.0);
    assertThat(outcome.reaction()).isEqualTo(Reaction.CONTINUE);
  }

  @Test
  void should_pause_on_the_first_inconclusive_measurement() {
    var outcome =
        AnalysisRunSimulation.of(List.of(Metric.of("m", 60, 5)))
            .run(
                (m, k, t) -> k == 2 ? MeasurementPhase.INCONCLUSIVE : MeasurementPhase.SUCCESSFUL,
                3600);
    assertThat(outcome.phase()).isEqualTo(Phase.INCONCLUSIVE);
    assertThat(outcome.seconds()).isEqualTo(60);
    assertThat(outcome.reaction()).isEqualTo(Reaction.PAUSE);
  }

  @Test
  void
      should_terminate_the_sibling_as_successful_TestReconcileAnalysisRunTerminateSiblingAfterFail() {
    for (MeasurementPhase bad :
        List.of(MeasurementPhase.FAILED, MeasurementPhase.INCONCLUSIVE, MeasurementPhase.ERROR)) {
      Metric failing = Metric.of("failing", 60, 5).withConsecutiveErrorLimit(0);
      Metric sibling = Metric.of("sibling", 60, 5);
      var outcome =
          AnalysisRunSimulation.of(List.of(failing, sibling))
              .run(
                  (m, k, t) -> m.name().equals("failing") ? bad : MeasurementPhase.SUCCESSFUL,
                  3600);
      Phase expected =
          bad == MeasurementPhase.FAILED
              ? Phase.FAILED
              : bad == MeasurementPhase.ERROR ? Phase.ERROR : Phase.INCONCLUSIVE;
      assertThat(outcome.phase()).as("%s", bad).isEqualTo(expected);
      assertThat(outcome.seconds()).isZero();
      assertThat(outcome.metricPhases()).containsEntry(Phase.SUCCESSFUL, 1);
    }
  }

  @Test
  void should_ignore_dry_run_metrics_TestAssessRunStatusWithOnlyDryRunMetrics_and_MixedMetrics() {
    var onlyDryRun =
        AnalysisRunSimulation.of(List.of(Metric.of("dry", 60, 2).asDryRun()))
            .run((m, k, t) -> MeasurementPhase.FAILED, 3600);
    assertThat(onlyDryRun.phase()).isEqualTo(Phase.SUCCESSFUL);
    var mixed =
        AnalysisRunSimulation.of(
                List.of(Metric.of("dry", 60, 2).asDryRun(), Metric.of("real", 60, 2)))
            .run(
                (m, k, t) ->
                    m.name().equals("dry")
                        ? MeasurementPhase.FAILED
                        : MeasurementPhase.INCONCLUSIVE,
                3600);
    assertThat(mixed.phase()).isEqualTo(Phase.INCONCLUSIVE);
  }

  @Test
  void should_complete_at_once_or_keep_running_TestReconcileAnalysisRunInitial() {
    var indefinite =
        AnalysisRunSimulation.of(
                List.of(new Metric("m", 60L, null, null, null, null, null, null, false)))
            .run((m, k, t) -> MeasurementPhase.SUCCESSFUL, 0);
    assertThat(indefinite.phase()).isEqualTo(Phase.RUNNING);
    assertThat(indefinite.measurements()).hasSize(1);
    var once =
        AnalysisRunSimulation.of(
                List.of(new Metric("m", 60L, null, 1, null, null, null, null, false)))
            .run((m, k, t) -> MeasurementPhase.SUCCESSFUL, 0);
    assertThat(once.phase()).isEqualTo(Phase.SUCCESSFUL);
    var noCountNoInterval =
        AnalysisRunSimulation.of(
                List.of(new Metric("m", null, null, 0, null, null, null, null, false)))
            .run((m, k, t) -> MeasurementPhase.SUCCESSFUL, 0);
    assertThat(noCountNoInterval.phase()).isEqualTo(Phase.SUCCESSFUL);
  }
}
