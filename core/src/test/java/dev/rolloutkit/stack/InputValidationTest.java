package dev.rolloutkit.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.analysis.AnalysisGate;
import dev.rolloutkit.analysis.MetricCheck;
import dev.rolloutkit.analysis.PrometheusSettings;
import dev.rolloutkit.oracle.GoYamlOracle;
import dev.rolloutkit.scaling.KedaScaling;
import dev.rolloutkit.scaling.ScalingTrigger;
import dev.rolloutkit.traffic.TrafficRouter;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every string a user gives the builders either reaches YAML so that Kubernetes reads it back as
 * given, or is refused where it enters, naming the field.
 */
class InputValidationTest {

  private static CanaryStack.Builder stack(String name, String namespace) {
    return CanaryStack.nlp(name)
        .namespace(namespace)
        .image("ghcr.io/acme/app:1.0.0")
        .traffic(TrafficRouter.none());
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(
            "a label key with a space",
            (Supplier<Object>) () -> stack("app", "shop").putLabel("team name", "x").build(),
            "labels: key 'team name': name part must consist of alphanumeric characters"),
        Arguments.of(
            "a label value with a NEXT LINE",
            (Supplier<Object>) () -> stack("app", "shop").putLabel("team", "a\u0085b").build(),
            "labels.team: 'a\u0085b': a valid label must be an empty string"),
        Arguments.of(
            "an image with a LINE SEPARATOR",
            (Supplier<Object>) () -> stack("app", "shop").image("ghcr.io/a\u2028b:1").build(),
            "image: "),
        Arguments.of(
            "an image with a NEXT LINE",
            (Supplier<Object>) () -> stack("app", "shop").image("ghcr.io/ab\u0085:1").build(),
            "image: 'ghcr.io/ab?:1' holds U+0085 at character 11, which is a line break to YAML"
                + " 1.1 readers such as Kubernetes"),
        Arguments.of(
            "a query with a PARAGRAPH SEPARATOR",
            (Supplier<Object>)
                () ->
                    AnalysisGate.builder()
                        .name("gate")
                        .interval(java.time.Duration.ofMinutes(1))
                        .measurements(5)
                        .rollbackOnFailure(3)
                        .addCheck(
                            MetricCheck.atMost(
                                "errors", 0.05, "sum(x{${canary}})\u2029kind: Secret"))
                        .build(),
            "the query 'sum(x{${canary}})?kind: Secret' holds U+2029 at character 18"),
        Arguments.of(
            "a check name with a control character",
            (Supplier<Object>) () -> MetricCheck.atMost("err\u0007", 0.05, "sum(x{${canary}})"),
            "check name 'err?' holds U+0007 at character 4, which is no text"),
        Arguments.of(
            "a Prometheus address that is no URL",
            (Supplier<Object>) () -> PrometheusSettings.defaults().withAddress("prometheus:9090"),
            "prometheus address 'prometheus:9090' is not an http:// or https:// URL with a host"),
        Arguments.of(
            "a Prometheus address with a line feed",
            (Supplier<Object>)
                () -> PrometheusSettings.defaults().withAddress("http://p:9090\nkind: Secret"),
            "prometheus address 'http://p:9090?kind: Secret' holds U+000A at character 14"),
        Arguments.of(
            "trigger metadata with a NEXT LINE",
            (Supplier<Object>)
                () ->
                    KedaScaling.builder()
                        .minReplicaCount(2)
                        .maxReplicaCount(5)
                        .addTrigger(
                            ScalingTrigger.of(
                                "cpu", java.util.Map.of("value", "50\u0085kind: Secret")))
                        .build(),
            "triggers[0].metadata.value: '50?kind: Secret' holds U+0085 at character 3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void should_refuse_what_cannot_reach_kubernetes_as_given_naming_the_field(
      String what, Supplier<Object> build, String message) {
    assertThatThrownBy(build::get).hasMessageContaining(message);
  }

  static Stream<Arguments> words() {
    return Stream.of(
        Arguments.of("no", "on"),
        Arguments.of("y", "n"),
        Arguments.of("off", "yes"),
        Arguments.of("null", "true"),
        Arguments.of("e1", "x0"));
  }

  @ParameterizedTest(name = "name {0}, namespace {1}")
  @MethodSource("words")
  void should_write_names_that_yaml_takes_for_booleans_so_that_kubectl_reads_strings(
      String name, String namespace) throws Exception {
    CanaryStack built = stack(name, namespace).putLabel("country", "NO").build();
    List<JsonNode> kubectl = GoYamlOracle.read(built.toYaml());
    assertThat(kubectl).isNotEmpty();
    for (JsonNode object : kubectl) {
      if (object.path("kind").textValue().equals("AnalysisTemplate")) {
        continue; // named after its gate
      }
      assertThat(object.path("metadata").path("name").textValue()).startsWith(name);
      assertThat(object.path("metadata").path("namespace").textValue()).isEqualTo(namespace);
      assertThat(object.path("metadata").path("labels").path("country").textValue())
          .isEqualTo("NO");
    }
  }
}
