package dev.rolloutkit.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** No value that enters a query can change its structure or its meaning. */
class PromQlEscapingTest {

  private static final String QUERY =
      "sum(rate(mcp_active_connections{${namespace}, ${canary}}[2m]))";
  private static final String BENIGN = QueryTemplate.of(QUERY).render(matchers("ai-services"));

  static Stream<String> hostile() {
    return Stream.of(
        "\"} or vector(1) #",
        "\"}) or on() vector(1) #",
        "a\"b",
        "back\\slash",
        "\\\"",
        "trailing\\",
        "new\nline",
        "cr\rlf",
        "tab\there",
        "{{args.canary-hash}}",
        "}{",
        "'single'",
        "`raw`",
        "#comment",
        "\u0000nul",
        "\u007fdel",
        "ünïcødé ✓",
        "\u2028line-separator",
        "\u200bzero-width",
        "x\"}[5m])) or sum(up{job=\"",
        "");
  }

  static Stream<String> random() {
    Random random = new Random(20261122L);
    String alphabet = "\"'`\\{}[]()#,=~!\n\r\t $abc-_.:\u0000\u2028é";
    return IntStream.range(0, 500)
        .mapToObj(
            n -> {
              StringBuilder s = new StringBuilder();
              int length = random.nextInt(24);
              for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
              }
              return s.toString();
            });
  }

  @ParameterizedTest
  @MethodSource({"hostile", "random"})
  void should_keep_the_query_structure_whatever_the_value(String value) {
    String rendered = QueryTemplate.of(QUERY).render(matchers(value));
    assertThat(PromQlStructure.skeleton(rendered)).isEqualTo(PromQlStructure.skeleton(BENIGN));
  }

  @ParameterizedTest
  @MethodSource({"hostile", "random"})
  void should_keep_the_value_meaning_exactly(String value) {
    assertThat(PromQlStructure.unquote(PromQl.quote(value))).isEqualTo(value);
    String rendered = QueryTemplate.of(QUERY).render(matchers(value));
    assertThat(PromQlStructure.literals(rendered)).containsExactly(value, "{{args.canary-hash}}");
  }

  @ParameterizedTest
  @MethodSource({"hostile", "random"})
  void should_never_let_a_value_carry_an_argo_placeholder_or_a_raw_line_break(String value) {
    String quoted = PromQl.quote(value);
    assertThat(quoted)
        .doesNotContain("{")
        .doesNotContain("}")
        .doesNotContain("\n")
        .doesNotContain("\r");
  }

  @Test
  void should_quote_the_classic_injection_into_one_literal() {
    assertThat(PromQl.quote("\"} or vector(1) #")).isEqualTo("\"\\\"\\x7d or vector(1) #\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1abc", "with-dash", "a b", "__reserved", "x\"y"})
  void should_reject_invalid_label_names(String name) {
    assertThatThrownBy(() -> PromQl.labelName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1abc", "with-dash", "a{b}"})
  void should_reject_invalid_metric_names(String name) {
    assertThatThrownBy(() -> PromQl.metricName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metric name");
  }

  @Test
  void should_accept_valid_names() {
    assertThat(PromQl.labelName("rollouts_pod_template_hash"))
        .isEqualTo("rollouts_pod_template_hash");
    assertThat(PromQl.metricName("job:http_requests:rate5m")).isEqualTo("job:http_requests:rate5m");
  }

  private static Map<String, String> matchers(String namespace) {
    return Map.of(
        QueryTemplate.NAMESPACE,
        QueryTemplate.namespaceMatcher(namespace),
        QueryTemplate.CANARY,
        QueryTemplate.canaryMatcher("rollouts_pod_template_hash"));
  }
}
