package dev.rolloutkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rolloutkit analyze}: bad input and an unreachable server. Its answers on a real Prometheus
 * are checked in rolloutkit-examples ({@code AnalyzeOnRealPrometheusTest}), where the test
 * Prometheus runs.
 */
class AnalyzeCommandTest {

  @Test
  void should_report_an_unreachable_prometheus_as_each_measurements_error(@TempDir Path dir)
      throws Exception {
    Path deploy = SimulateCommandTest.render(dir);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    RenderCommandTest.Result r =
        RenderCommandTest.run(
            "analyze",
            deploy.toString(),
            "--prometheus",
            "http://127.0.0.1:" + port,
            "--arg",
            "canary-hash=6d4f8c7b9",
            "--time",
            "2026-01-01T00:02:00Z",
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("time").asText()).isEqualTo("2026-01-01T00:02:00Z");
    assertThat(json.path("metrics"))
        .extracting(m -> m.path("metric").asText() + " " + m.path("phase").asText())
        .containsExactly("success-rate Error", "error-rate Error");
    JsonNode first = json.path("metrics").get(0);
    assertThat(first.path("query").asText())
        .contains("rollouts_pod_template_hash=\"6d4f8c7b9\"")
        .doesNotContain("{{");
    assertThat(first.path("message").asText())
        .startsWith("Post \"http://127.0.0.1:" + port + "/api/v1/query\": ");
    assertThat(first.path("resultType").asText()).isEmpty();
  }

  @Test
  void should_ask_for_an_argument_the_templates_need(@TempDir Path dir) {
    Path deploy = SimulateCommandTest.render(dir);
    RenderCommandTest.Result r =
        RenderCommandTest.run("analyze", deploy.toString(), "--prometheus", "http://127.0.0.1:9");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("rolloutkit: " + deploy)
        .contains(
            ": spec.metrics[0].provider.prometheus.query: argument canary-hash has no value: give"
                + " it with --arg canary-hash=VALUE\n");
  }

  @Test
  void should_refuse_a_bad_url_a_bad_time_and_files_without_templates(@TempDir Path dir)
      throws Exception {
    Path deploy = SimulateCommandTest.render(dir);
    RenderCommandTest.Result url =
        RenderCommandTest.run("analyze", deploy.toString(), "--prometheus", "prometheus:9090");
    assertThat(url.code()).isEqualTo(2);
    assertThat(url.err())
        .isEqualTo(
            "rolloutkit: --prometheus: 'prometheus:9090' is not a Prometheus URL: expected"
                + " http(s)://host[:port], e.g. http://127.0.0.1:9090\n");
    RenderCommandTest.Result time =
        RenderCommandTest.run(
            "analyze",
            deploy.toString(),
            "--prometheus",
            "http://127.0.0.1:9",
            "--time",
            "yesterday");
    assertThat(time.code()).isEqualTo(2);
    assertThat(time.err())
        .isEqualTo(
            "rolloutkit: --time: 'yesterday' is not an RFC 3339 time: expected e.g."
                + " 2026-01-01T00:02:00Z\n");
    Path service =
        java.nio.file.Files.writeString(
            dir.resolve("svc.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: x}\n");
    RenderCommandTest.Result none =
        RenderCommandTest.run("analyze", service.toString(), "--prometheus", "http://127.0.0.1:9");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err())
        .isEqualTo(
            "rolloutkit: no AnalysisTemplate or ClusterAnalysisTemplate among the files given\n");
  }
}
