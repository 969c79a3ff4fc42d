package dev.rolloutkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.stack.CanaryStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The scripts in examples/jshell run non-interactively in the real jshell, with the startup
 * imports, and print what they say.
 */
class JshellScriptsTest {

  record Run(int code, String out, String err) {}

  static Run jshell(String script) throws IOException, InterruptedException {
    Path jshell = Paths.get(System.getProperty("java.home"), "bin", "jshell");
    ProcessBuilder pb =
        new ProcessBuilder(
            jshell.toString(),
            "-J-Dfile.encoding=UTF-8",
            "-R-Dfile.encoding=UTF-8",
            "-R-Dstdout.encoding=UTF-8",
            "-R-Dsun.stdout.encoding=UTF-8",
            "-R-Djava.io.tmpdir="
                + System.getProperty("java.io.tmpdir"), // (this JVM's: examples/target)
            "--class-path",
            System.getProperty("java.class.path"),
            "--startup",
            "DEFAULT",
            "--startup",
            "jshell/rolloutkit.jsh",
            "jshell/" + script);
    pb.environment().put("LANG", "C.UTF-8");
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("jshell %s finished", script).isTrue();
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  private static void assertClean(Run run) {
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out() + run.err())
        .doesNotContain("Exception")
        .doesNotContain("Error:")
        .doesNotContain("cannot find symbol");
  }

  @Test
  void mcp_stack_script_prints_the_corrected_article_stack() throws Exception {
    Run run = jshell("mcp-stack.jsh");
    assertClean(run);
    assertThat(run.out())
        .contains(
            "CanaryStack ai-services/mcp-server [ghcr.io/acme/mcp-server:1.4.0] mcp: 10% → 2m → 30%"
                + " → gate(mcp-success-rate) → 60% → 2m → 100%, gates [mcp-success-rate], traffic"
                + " istio, KEDA 2..20")
        .contains("mcp: 10% → 5m → 30% → gate(mcp-success-rate) → 60% → 5m → 100%")
        .contains(McpServerCanary.stack().toYaml());
  }

  @Test
  void ml_portfolio_script_lists_the_shared_objects_once() throws Exception {
    Run run = jshell("ml-portfolio.jsh");
    assertClean(run);
    List<String> lines = run.out().lines().toList();
    assertThat(lines)
        .contains(
            "AnalysisTemplate/canary-health-check",
            "AnalysisTemplate/bluegreen-validation",
            "Rollout/bankchurn-predictor",
            "Rollout/chicagotaxi-predictor",
            "Rollout/nlpinsight-analyzer");
    assertThat(lines.stream().filter(l -> l.startsWith("AnalysisTemplate/"))).hasSize(2);
    assertThat(run.out())
        .contains(
            "canary-health-check[error-rate < 0.05, p95-latency < 0.5, prediction-drift <= 0.3]"
                + " every 30s ×3, roll back on failure #2");
  }

  @Test
  void lint_folder_script_reports_findings_with_file_and_line() throws Exception {
    Run run = jshell("lint-folder.jsh");
    assertClean(run);
    assertThat(run.out())
        .contains(
            "error [ISTIO-SUBSET-NOT-FOUND] VirtualService ai-services/mcp-server-vsvc"
                + " spec.http[0].route[1].destination.subset"
                + " (DIR/03-virtualservice-mcp-server-vsvc.yaml:21:9): Referenced host+subset in"
                + " destinationrule not found: \"mcp-server+canry\"")
        .contains(
            "error [SCHEMA-UNKNOWN-FIELD] VirtualService ai-services/mcp-server-vsvc"
                + " spec.http[0].route[1].wieght")
        .contains("6 files, 6 resources, errors: true");
  }

  @Test
  void the_first_line_a_user_types_works() {
    CanaryStack.mcp("mcp-server")
        .namespace("ai-services")
        .image("ghcr.io/acme/mcp-server:1.4.0")
        .build()
        .toYaml();
  }
}
