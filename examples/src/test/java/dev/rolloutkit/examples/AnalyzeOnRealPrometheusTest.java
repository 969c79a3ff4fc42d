package dev.rolloutkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolloutkit.cli.Rolloutkit;
import dev.rolloutkit.manifest.Manifests;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rolloutkit analyze} on the real test Prometheus ({@link RealPrometheus}): the ML preset's
 * rendered AnalysisTemplate, its queries run unchanged with the canary hash of a scenario, two
 * minutes into it.
 */
class AnalyzeOnRealPrometheusTest {

  record Run(int code, String out, String err) {}

  static Run analyze(Path dir, String scenario, String... more) {
    Path deploy = dir.resolve("deploy");
    Manifests.write(ScenarioMatrixTest.preset("ml").resources()).toFolder(deploy);
    String[] base = {
      "analyze",
      deploy.toString(),
      "--prometheus",
      RealPrometheus.client().address().toString(),
      "--arg",
      "canary-hash=" + RealPrometheus.canaryHash(scenario),
      "--time",
      RealPrometheus.START.plusSeconds(120).toString()
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Rolloutkit.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void should_give_each_metric_its_raw_result_shape_and_argos_verdict(@TempDir Path dir)
      throws Exception {
    Run r = analyze(dir, "ml-latency-regression", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode metrics = new ObjectMapper().readTree(r.out()).path("metrics");
    assertThat(metrics)
        .extracting(
            m ->
                m.path("metric").asText()
                    + " "
                    + m.path("resultType").asText()
                    + " "
                    + m.path("phase").asText())
        .containsExactly(
            "error-rate vector Successful",
            "p95-latency vector Failed",
            "prediction-drift vector Successful");
    assertThat(metrics.get(1).path("value").asText()).isEqualTo("[0.975]");
    assertThat(metrics.get(1).path("query").asText())
        .startsWith("(histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket")
        .contains("rollouts_pod_template_hash=\"canary-ml-latency-regression\"")
        .doesNotContain("{{");
  }

  @Test
  void should_say_why_a_canary_filter_matches_nothing(@TempDir Path dir) {
    Run r = analyze(dir, "ml-hash-label-missing");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("canary-health-check/error-rate: Inconclusive\n")
        .contains("  result: vector []\n")
        .contains(
            "\n  The query returned no series: no traffic in the window, or a label matcher that"
                + " matches nothing. Is the label rollouts_pod_template_hash scraped?");
  }

  @Test
  void should_show_a_zero_safe_error_ratio_reading_zero(@TempDir Path dir) throws Exception {
    Run r = analyze(dir, "ml-zero-errors", "--format", "json");
    JsonNode first = new ObjectMapper().readTree(r.out()).path("metrics").get(0);
    assertThat(first.path("value").asText()).isEqualTo("[0]");
    assertThat(first.path("phase").asText()).isEqualTo("Successful");
  }
}
