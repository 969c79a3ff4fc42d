package dev.rolloutkit.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryShapeTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sum(rate(x[2m])) / sum(rate(y[2m]))                                   | ONE_SERIES",
        "(sum(rate(x{a=\"b\"}[2m])) or vector(0)) / sum(rate(x[2m]))           | ONE_SERIES",
        "(sum(rate(x[2m])) / sum(rate(y[2m]))) and on() (sum(increase(y[2m])) >= 100) | ONE_SERIES",
        "histogram_quantile(0.95, sum(rate(h_bucket[2m])) by (le))             | ONE_SERIES",
        "histogram_quantile(0.95, sum by (le) (rate(h_bucket[2m])))            | ONE_SERIES",
        "histogram_quantile(0.95, sum(rate(h_bucket[2m])) by (le, pod))        | SERIES",
        "histogram_quantile(0.95, rate(h_bucket[2m]))                          | SERIES",
        "max(prediction_drift_score{h=\"x\"})                                   | ONE_SERIES",
        "sum by () (rate(x[2m]))                                               | ONE_SERIES",
        "sum by (pod) (rate(x[2m]))                                            | SERIES",
        "sum(rate(x[2m])) by (pod)                                             | SERIES",
        "sum without (pod) (rate(x[2m]))                                       | SERIES",
        "rate(x[2m])                                                           | SERIES",
        "x{a=\"sum(y)\"}                                                        | SERIES",
        "scalar(sum(rate(x[2m])))                                              | SCALAR",
        "1 - scalar(sum(x))                                                    | SCALAR",
        "1 - sum(rate(x[2m])) / sum(rate(y[2m]))                               | ONE_SERIES",
        "-sum(x)                                                               | ONE_SERIES",
        "clamp_max(sum(x), 1)                                                  | ONE_SERIES",
        "topk(1, sum by (pod) (x))                                             | ONE_SERIES",
        "topk(3, x)                                                            | SERIES",
        "sum(x) > bool 0                                                       | ONE_SERIES",
        "sum(x) / on() group_left sum(y)                                       | ONE_SERIES",
        "sum(rate(x[5m] offset 1m))                                            | ONE_SERIES",
        "sum(x) or rate(y[1m])                                                 | SERIES",
      })
  void should_read_what_an_instant_query_returns(String query, QueryShape shape) {
    assertThat(QueryShape.of(query)).isEqualTo(shape);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sum(rate(x{status=\"error\", h=\"a\"}[2m])) / sum(rate(x{h=\"a\"}[2m]))           |"
            + " sum(rate(x{status=\"error\", h=\"a\"}[2m]))",
        "(sum(rate(x{status=\"error\", h=\"a\"}[2m])) or vector(0)) / sum(rate(x{h=\"a\"}[2m])) |"
            + " ''",
        "1 - sum(rate(x{code=~\"2..\"}[2m])) / sum(rate(x[2m]))                               |"
            + " sum(rate(x{code=~\"2..\"}[2m]))",
        "(sum(rate(x{s=\"e\"}[2m])) / sum(rate(x[2m]))) and on() (sum(increase(x[2m])) >= 9)  |"
            + " sum(rate(x{s=\"e\"}[2m]))",
        "sum(rate(x{h=\"a\"}[2m])) / sum(rate(y{h=\"a\"}[2m]))                               | ''",
        "histogram_quantile(0.95, sum(rate(b{h=\"a\"}[2m])) by (le))                          | ''",
        "clamp_max(sum(rate(x{s=\"e\"}[2m])) / sum(rate(x[2m])), 1)                         |"
            + " sum(rate(x{s=\"e\"}[2m]))",
      })
  void should_find_ratios_whose_numerator_vanishes_when_nothing_matches(
      String query, String numerator) {
    assertThat(QueryShape.unsafeRatioNumerators(query))
        .containsExactlyElementsOf(
            numerator.isEmpty() ? java.util.List.of() : java.util.List.of(numerator));
  }
}
