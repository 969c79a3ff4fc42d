package dev.rolloutkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.testing.Golden;
import dev.rolloutkit.testing.Manifests;
import dev.rolloutkit.traffic.TrafficRouter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Rolloutkit.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  private static final String[] MCP = {
    "render",
    "mcp",
    "--name",
    "mcp-server",
    "--namespace",
    "ai-services",
    "--image",
    "ghcr.io/acme/mcp-server:1.4.0"
  };

  private static String[] with(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void should_print_the_stack_the_api_builds() {
    Result r = run(with(MCP, "--traffic", "nginx"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .isEqualTo(
            CanaryStack.mcp("mcp-server")
                .namespace("ai-services")
                .image("ghcr.io/acme/mcp-server:1.4.0")
                .traffic(TrafficRouter.nginx())
                .build()
                .toYaml());
  }

  @Test
  void should_use_nginx_and_no_keda_for_ml_by_default() {
    Result r =
        run(
            "render",
            "ml",
            "--name",
            "bankchurn",
            "--namespace",
            "ml-portfolio",
            "--image",
            "bankchurn:3.2.0");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> kinds =
        Manifests.documents(r.out()).stream().map(d -> d.path("kind").asText()).toList();
    assertThat(kinds)
        .containsExactly("Service", "Service", "Ingress", "AnalysisTemplate", "Rollout");
  }

  @Test
  void should_route_one_host_per_nginx_service_so_services_do_not_collide() {
    String[] ml = {
      "render",
      "ml",
      "--name",
      "bankchurn",
      "--namespace",
      "ml-portfolio",
      "--image",
      "bankchurn:3.2.0"
    };
    Result r = run(with(ml, "--host", "bankchurn.ml.example.com"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode ingress =
        Manifests.documents(r.out()).stream()
            .filter(d -> d.path("kind").asText().equals("Ingress"))
            .findFirst()
            .orElseThrow();
    assertThat(ingress.path("spec").path("rules").get(0).path("host").asText())
        .isEqualTo("bankchurn.ml.example.com");
    Result bad = run(with(ml, "--host", "Bank_Churn"));
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("rolloutkit: host: 'Bank_Churn' is not a valid DNS-1123");
    Result istio = run(with(MCP, "--host", "mcp.example.com"));
    assertThat(istio.code()).isEqualTo(2);
    assertThat(istio.err())
        .isEqualTo(
            "rolloutkit: --host: the istio router does not route by host; --host is for --traffic"
                + " nginx\n");
  }

  @Test
  void should_switch_keda_and_traffic_from_flags() {
    Result noKeda = run(with(MCP, "--traffic", "none", "--no-keda"));
    assertThat(
            Manifests.documents(noKeda.out()).stream().map(d -> d.path("kind").asText()).toList())
        .containsExactly("Service", "AnalysisTemplate", "Rollout");
    Result keda =
        run(
            "render",
            "nlp",
            "--name",
            "nlpinsight",
            "--namespace",
            "ml",
            "--image",
            "nlp:1",
            "--keda",
            "--port",
            "8000");
    List<JsonNode> docs = Manifests.documents(keda.out());
    assertThat(docs.get(docs.size() - 1).path("kind").asText()).isEqualTo("ScaledObject");
    assertThat(keda.out()).contains("containerPort: 8000");
  }

  @Test
  void should_write_a_kustomize_folder(@TempDir Path dir) throws Exception {
    Result r = run(with(MCP, "--traffic", "nginx", "-o", dir.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(7).last().asString().endsWith("kustomization.yaml");
    assertThat(Files.exists(dir.resolve("05-rollout-mcp-server.yaml"))).isTrue();
  }

  @Test
  void should_exit_2_with_every_problem_on_bad_input_and_no_stack_trace() {
    Result r =
        run(
            "render",
            "mcp",
            "--name",
            "MCP_Server",
            "--namespace",
            "ai-services",
            "--image",
            "bad image",
            "--traffic",
            "nginx");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("rolloutkit: canary stack 'MCP_Server' is invalid:\n")
        .contains("  - name: 'MCP_Server' is not a valid DNS-1035 label")
        .contains("  - image: 'bad image' contains white space")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  @Test
  void should_render_the_mcp_stack_with_istio_by_default_and_pass_every_rule() {
    Result r = run(MCP);
    assertThat(r.code()).as(r.err()).isZero();
    List<HasMetadata> objects = Manifests.documents(r.out()).stream().map(Manifests::read).toList();
    assertThat(objects)
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactly(
            "Service/mcp-server",
            "DestinationRule/mcp-server-destrule",
            "VirtualService/mcp-server-vsvc",
            "AnalysisTemplate/mcp-success-rate",
            "Rollout/mcp-server",
            "ScaledObject/mcp-server-scaler");
    assertThat(RuleSet.all().evaluate(ResourceSet.of(objects)).findings()).isEmpty();
    assertThat(run(with(MCP, "--traffic", "istio")).out()).isEqualTo(r.out());
  }

  @Test
  void should_exit_2_for_an_unknown_traffic_router() {
    Result r = run(with(MCP, "--traffic", "linkerd"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "traffic: no traffic router named 'linkerd' is available; available: nginx, none,"
                + " istio");
  }

  @Test
  void should_exit_2_on_bad_usage() {
    assertThat(run("render", "blue", "--name", "a", "--namespace", "b", "--image", "c").err())
        .contains("unknown profile 'blue': expected one of mcp, ml, nlp");
    assertThat(run("render", "blue", "--name", "a", "--namespace", "b", "--image", "c").code())
        .isEqualTo(2);
    Result missing = run("render", "mcp", "--name", "a");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required options: '--namespace=NS', '--image=IMG'");
    assertThat(
            run(
                    "render",
                    "mcp",
                    "--name",
                    "a",
                    "--namespace",
                    "b",
                    "--image",
                    "c",
                    "--port",
                    "http")
                .code())
        .isEqualTo(2);
    assertThat(run().code()).isEqualTo(2);
    assertThat(run("frobnicate").code()).isEqualTo(2);
  }

  @Test
  void should_format_every_description_without_picocli_complaining_on_standard_error() {
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      for (String command : new String[] {"render", "lint", "fmt", "rules", "explain"}) {
        assertThat(run(command, "--help").code()).isZero();
      }
    } finally {
      System.setErr(saved);
    }
    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void should_print_help_and_version() {
    Result help = run("render", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out())
        .contains("Usage: rolloutkit render")
        .contains("--traffic=ROUTER")
        .contains("--[no-]keda");
    assertThat(help.out()).contains("mcp (10/30/60/100 %, gate mcp-success-rate");
    Result version = run("--version");
    assertThat(version.out().trim()).matches("rolloutkit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  /**
   * The top command and render are declared through picocli's programmatic API; their usage is
   * golden ({@code golden/usage-*.txt}), so a change to it is seen in review.
   */
  @Test
  void should_print_the_usage_of_the_programmatic_declarations_as_golden() throws Exception {
    Golden.assertMatches(
        run("render", "--help").out().replace(System.lineSeparator(), "\n"),
        "usage-render-help.txt");
    Golden.assertMatches(
        run("--help").out().replace(System.lineSeparator(), "\n"), "usage-rolloutkit-help.txt");
  }

  @Test
  void should_report_the_missing_profile_first() {
    Result r = run("render");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("Missing required parameter: 'PROFILE'");
  }

  @Test
  void should_print_the_version_from_every_command() {
    for (String command : new String[] {"render", "lint", "fmt", "rules", "explain"}) {
      Result r = run(command, "--version");
      assertThat(r.code()).as(command).isZero();
      assertThat(r.out().trim()).as(command).matches("rolloutkit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
  }

  private static final String[] MAJOR_ML = {
    "render",
    "ml",
    "--name",
    "bankchurn",
    "--namespace",
    "ml-portfolio",
    "--image",
    "bankchurn:4.0.0"
  };

  @Test
  void should_render_a_blue_green_release_with_the_adr_validation_gate() {
    Result r = run(with(MAJOR_ML, "--blue-green"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            CanaryStack.ml("bankchurn")
                .namespace("ml-portfolio")
                .image("bankchurn:4.0.0")
                .traffic(TrafficRouter.none())
                .blueGreen(dev.rolloutkit.profile.BlueGreenProfile.validation())
                .build()
                .toYaml());
    Result nginx = run(with(MAJOR_ML, "--blue-green", "--traffic", "nginx"));
    assertThat(nginx.code()).isEqualTo(2);
    assertThat(nginx.err())
        .contains(
            "traffic: blue-green switches the active Service 'bankchurn' and the preview Service"
                + " 'bankchurn-preview', not weights, so it takes no traffic router, not nginx")
        .doesNotContain("\tat ");
  }
}
