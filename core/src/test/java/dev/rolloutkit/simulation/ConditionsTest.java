package dev.rolloutkit.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lessons of expr-vectors.md, as Argo v1.9 gives them. */
class ConditionsTest {

  static final double NAN = Double.NaN;

  static Stream<Arguments> lessons() {
    return Stream.of(
        Arguments.of(
            "NaN makes both conditions false: the natural pair is Inconclusive",
            "result[0] >= 0.95",
            "result[0] < 0.95",
            new double[] {NAN},
            MeasurementPhase.INCONCLUSIVE,
            ""),
        Arguments.of(
            "with a success condition only, not successful is Failed",
            "result[0] >= 0.95",
            "",
            new double[] {NAN},
            MeasurementPhase.FAILED,
            ""),
        Arguments.of(
            "an empty query is an Error, not Failed",
            "result[0] >= 0.95",
            "",
            new double[0],
            MeasurementPhase.ERROR,
            "reflect: slice index out of range"),
        Arguments.of(
            "all() over an empty query passes",
            "all(result, {# >= 0.9})",
            "",
            new double[0],
            MeasurementPhase.SUCCESSFUL,
            ""),
        Arguments.of(
            "a scalar-style condition on a vector does not compile",
            "result >= 0.95",
            "",
            new double[] {0.95},
            MeasurementPhase.ERROR,
            "invalid operation: >= (mismatched types []float64 and float64)"),
        Arguments.of(
            "there is no NaN literal",
            "result[0] == NaN",
            "",
            new double[] {NAN},
            MeasurementPhase.ERROR,
            "unknown name NaN"),
        Arguments.of(
            "the same slice equals itself in v1.9, NaN or not",
            "result == result",
            "",
            new double[] {NAN},
            MeasurementPhase.SUCCESSFUL,
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lessons")
  void should_judge_as_argo_v1_9(
      String lesson,
      String success,
      String failure,
      Object result,
      MeasurementPhase phase,
      String message) {
    assertThat(Conditions.v1_9().evaluate(success, failure, result))
        .isEqualTo(new Conditions.Verdict(phase, message));
  }

  @Test
  void should_refuse_what_it_cannot_simulate() {
    assertThatThrownBy(() -> Conditions.v1_9().evaluate("sum(result) > 1", "", new double[] {1}))
        .isInstanceOf(CannotSimulateException.class)
        .hasMessage(
            "cannot simulate: the builtin sum() is outside the condition grammar rolloutkit"
                + " evaluates");
  }
}
