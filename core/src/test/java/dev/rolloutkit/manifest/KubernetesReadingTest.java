package dev.rolloutkit.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values read as kubectl and the API server read them: go-yaml v2's YAML 1.1 resolution, and the
 * API server's strict decoding (no fraction for an integer, no text for a number or a flag).
 */
class KubernetesReadingTest {

  private static final String ROLLOUT =
      "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: r\nspec:\n";

  private static Manifest rollout(String spec) {
    List<Manifest> read = Manifests.read("r.yaml", ROLLOUT + spec.replace("|", "\n") + "\n");
    assertThat(read).hasSize(1);
    return read.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "; ",
      ignoreLeadingAndTrailingWhitespace = false,
      quoteCharacter = '`',
      value = {
        "  replicas: 2.5; r.yaml:6:13: spec.replicas: expected an integer, got the number 2.5",
        "  replicas: \"3\"; r.yaml:6:13: spec.replicas: expected an integer, got the string \"3\"",
        "  paused: 7; r.yaml:6:11: spec.paused: expected true or false, got the number 7",
        "  strategy:|    canary:|      steps:|      - setWeight: 10.9; r.yaml:9:20:"
            + " spec.strategy.canary.steps[0].setWeight: expected an integer, got the number 10.9",
      })
  void should_refuse_what_the_api_server_refuses_at_the_value(String spec, String error) {
    assertThat(rollout(spec).error()).map(Object::toString).contains(error);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiterString = "; ",
      ignoreLeadingAndTrailingWhitespace = false,
      quoteCharacter = '`',
      value = {
        "  replicas: 3.0; {\"replicas\":3}",
        "  replicas: 0x1F; {\"replicas\":31}",
        "  replicas: 0X1F; {\"replicas\":31}",
        "  replicas: 0o17; {\"replicas\":15}",
        "  replicas: 017; {\"replicas\":15}",
        "  replicas: 08; {\"replicas\":8}",
        "  replicas: +5; {\"replicas\":5}",
        "  replicas: 1e3; {\"replicas\":1000}",
        "  revisionHistoryLimit: 1_0; {\"revisionHistoryLimit\":10}",
        "  paused: y; {\"paused\":true}",
        "  paused: n; {\"paused\":false}",
        "  paused: On; {\"paused\":true}",
        "  paused: NO; {\"paused\":false}",
      })
  void should_read_numbers_and_flags_as_go_yaml_resolves_them(String spec, String json) {
    assertThat(rollout(spec).tree().orElseThrow().get("spec").toString()).isEqualTo(json);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "; ",
      ignoreLeadingAndTrailingWhitespace = false,
      quoteCharacter = '`',
      value = {
        "data:|  a: \"y\"|  b: 1:2:3.5|  c: \"a\\/b\"|  d:\tv;"
            + " {\"a\":\"y\",\"b\":\"1:2:3.5\",\"c\":\"a/b\",\"d\":\"v\"}",
        "data:|  ? k|  : v; {\"k\":\"v\"}",
        "data:|  a: \"x\\Ly\"; {\"a\":\"x\u2028y\"}",
        "data:|  a: \"x\\Py\"|  b: \"\\N\"; {\"a\":\"x\u2029y\",\"b\":\"\u0085\"}",
      })
  void should_read_valid_yaml_kubectl_reads(String body, String data) {
    String text =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n" + body.replace("|", "\n");
    Manifest m = Manifests.read("c.yaml", text + "\n").get(0);
    assertThat(m.error()).isEmpty();
    assertThat(m.tree().orElseThrow().get("data").toString()).isEqualTo(data);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "; ",
      ignoreLeadingAndTrailingWhitespace = false,
      quoteCharacter = '`',
      value = {
        "data:|  a: y; c.yaml:6:6: data.a: expected a string (quote the value if it is meant as"
            + " text), got the boolean true",
        "data:|  a: 0777; c.yaml:6:6: data.a: expected a string (quote the value if it is meant as"
            + " text), got the number 511",
        "data:|  ~: v; c.yaml:6:3: data: unsupported map key of type: <nil>",
        "data:|  a: .nan; c.yaml:6:6: data.a: json: unsupported value: NaN",
      })
  void should_refuse_data_kubectl_would_not_send_as_written(String body, String error) {
    String text =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n" + body.replace("|", "\n");
    assertThat(Manifests.read("c.yaml", text + "\n").get(0).error())
        .map(Object::toString)
        .hasValueSatisfying(e -> assertThat(e).startsWith(error));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "; ",
      ignoreLeadingAndTrailingWhitespace = false,
      quoteCharacter = '`',
      value = {
        "a: .nan|a: 1; {\"a\":1}",
        "'1': x|1: w; {\"1\":\"w\"}",
        ".inf: x|1e6: w|1234567.0: z; {\".inf\":\"x\",\"1e+06\":\"w\",\"1.234567e+06\":\"z\"}",
        "base: &b|  k: v|m:|  <<: *b|  j: w;"
            + " {\"base\":{\"k\":\"v\"},\"m\":{\"k\":\"v\",\"j\":\"w\"}}",
      })
  void should_read_keys_merges_and_repeats_as_go_yaml_and_sigs_yaml(String body, String json) {
    Manifest m = Manifests.readData("d.yaml", body.replace("|", "\n") + "\n").get(0);
    assertThat(m.error()).isEmpty();
    assertThat(m.tree().orElseThrow().toString()).isEqualTo(json);
  }

  @org.junit.jupiter.api.Test
  void should_flatten_a_kind_list_into_its_items() {
    List<Manifest> read =
        Manifests.read(
            "l.yaml",
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n"
                + "    name: a\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n");
    assertThat(read).extracting(Manifest::name).containsExactly("a", "b");
  }
}
