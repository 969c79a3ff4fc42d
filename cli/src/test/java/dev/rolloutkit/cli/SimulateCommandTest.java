package dev.rolloutkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

  static Path render(Path dir) {
    Path out = dir.resolve("deploy");
    RenderCommandTest.Result r =
        RenderCommandTest.run(
            "render",
            "mcp",
            "--name",
            "mcp-server",
            "--namespace",
            "ai-services",
            "--image",
            "img:1",
            "-o",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    return out;
  }

  static final String ERRORS =
      """
      description: one request in ten fails
      requestsPerSecond: 20
      metrics:
        success-rate: {value: 0.9}
        error-rate: {value: 0.1}
      """;

  @Test
  void should_print_the_documented_json_for_an_aborted_canary(@TempDir Path dir) throws Exception {
    Path deploy = render(dir);
    Path scenario = Files.writeString(dir.resolve("errors.yaml"), ERRORS);
    Path svg = dir.resolve("chart.svg");
    RenderCommandTest.Result r =
        RenderCommandTest.run(
            "simulate",
            deploy.toString(),
            "--scenario",
            scenario.toString(),
            "--format",
            "json",
            "--svg",
            svg.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("outcome").asText()).isEqualTo("aborted");
    assertThat(json.path("abortedAtStep").asInt()).isEqualTo(3);
    assertThat(json.path("abortedAtWeight").asInt()).isEqualTo(30);
    assertThat(json.path("seconds").asDouble()).isEqualTo(240);
    assertThat(json.path("canaryRequestShare").asDouble()).isEqualTo(0.2);
    JsonNode first = json.path("measurements").get(0);
    assertThat(first.path("metric").asText()).isEqualTo("success-rate");
    assertThat(first.path("time").asDouble()).isEqualTo(120);
    assertThat(json.path("measurements"))
        .filteredOn(m -> m.path("metric").asText().equals("error-rate"))
        .extracting(m -> m.path("value").asText() + " " + m.path("phase").asText())
        .containsExactly("0.1 Failed", "0.1 Failed", "0.1 Failed");
    assertThat(Files.readString(svg))
        .contains("<svg xmlns")
        .contains("canary weight (%)")
        .contains("</svg>");
  }

  @Test
  void should_print_the_outcome_and_every_measurement_as_text(@TempDir Path dir) throws Exception {
    Path deploy = render(dir);
    Path scenario = Files.writeString(dir.resolve("errors.yaml"), ERRORS);
    RenderCommandTest.Result r =
        RenderCommandTest.run("simulate", deploy.toString(), "--scenario", scenario.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith(
            "aborted at step 3 (weight 30 %) after 4m\n"
                + "  Step-based analysis phase failed: Metric \"success-rate\" assessed Failed due"
                + " to failed (3) > failureLimit (2)\n"
                + "  the canary served 20.0 % of requests before that\n"
                + "measurements:\n")
        .contains("       2m  error-rate           0.1      Failed\n");
  }

  @Test
  void should_add_the_daily_cost_of_a_traffic_curve(@TempDir Path dir) throws Exception {
    Path deploy = render(dir);
    Path day =
        Files.writeString(
            dir.resolve("day.yaml"),
            ERRORS.replace(
                "requestsPerSecond: 20",
                "requestsPerSecond: [{from: 0s, requestsPerSecond: 0}, {from: 9h,"
                    + " requestsPerSecond: 40}, {from: 41040s, requestsPerSecond: 0}]"));
    RenderCommandTest.Result r =
        RenderCommandTest.run(
            "simulate", deploy.toString(), "--scenario", day.toString(), "--daily-cost");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern(
            "daily cost: 4\\.[89]\\d pod-hours; 2 pods all day would be 48 \\(saving 89\\.\\d"
                + " %\\)");
    RenderCommandTest.Result json =
        RenderCommandTest.run(
            "simulate",
            deploy.toString(),
            "--scenario",
            day.toString(),
            "--daily-cost",
            "--format",
            "json");
    JsonNode cost = new ObjectMapper().readTree(json.out()).path("dailyCost");
    assertThat(cost.path("fixedMinimumPodHours").asDouble()).isEqualTo(48);
    assertThat(cost.path("savingAgainstMinimum").asDouble()).isBetween(0.895, 0.905);
  }

  @Test
  void should_refuse_a_bad_scenario_naming_file_line_and_field(@TempDir Path dir) throws Exception {
    Path deploy = render(dir);
    Path scenario =
        Files.writeString(dir.resolve("bad.yaml"), ERRORS.replace("{value: 0.9}", "{value: high}"));
    RenderCommandTest.Result r =
        RenderCommandTest.run("simulate", deploy.toString(), "--scenario", scenario.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "rolloutkit: "
                + scenario
                + ":4:25: metrics.success-rate.value: expected a number, NaN, +Inf, -Inf, empty or"
                + " nil\n");
    Path missing =
        Files.writeString(dir.resolve("missing.yaml"), "metrics:\n  success-rate: {value: 1}\n");
    RenderCommandTest.Result m =
        RenderCommandTest.run("simulate", deploy.toString(), "--scenario", missing.toString());
    assertThat(m.code()).isEqualTo(2);
    assertThat(m.err())
        .isEqualTo(
            "rolloutkit: "
                + missing
                + ": metrics.error-rate: the scenario gives no value for metric error-rate\n");
  }
}
