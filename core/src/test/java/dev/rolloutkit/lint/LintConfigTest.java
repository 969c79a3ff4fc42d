package dev.rolloutkit.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.rules.Finding;
import dev.rolloutkit.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintConfigTest {

  static final String TEMPLATE = """
      apiVersion: argoproj.io/v1alpha1
      kind: AnalysisTemplate
      metadata: {name: health, namespace: shop}
      spec:
        args: [{name: canary-hash}]
        metrics:
        - name: errors
          interval: 20s
          count: 3
          failureLimit: 2
          successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] < 0.05
          provider:
            prometheus: {address: "http://prometheus.monitoring:9090", query: "sum(rate(x{h=\\"{{args.canary-hash}}\\"}[2m]))"}
      """;

  @TempDir
  Path dir;

  @Test
  void should_judge_with_the_configured_scrape_interval_and_severities() throws Exception {
    Path config = Files.writeString(dir.resolve("lint.yaml"), "severity: {ANALYSIS-SCRAPE-WINDOWS: error}\nthresholds: {scrapeInterval: 30s}\n");
    LintResult defaults = Lint.withAllRules().lintYaml("t.yaml", TEMPLATE);
    assertThat(defaults.findings()).isEmpty();
    LintResult configured = LintConfig.read(config).lint().lintYaml("t.yaml", TEMPLATE);
    // the [2m] window is exactly 4 × 30s, so only the interval is too short
    assertThat(configured.findings()).extracting(Finding::rule, Finding::severity, Finding::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ANALYSIS-SCRAPE-WINDOWS", Severity.ERROR, "interval 20s is shorter than the 30s scrape interval"));
  }

  @Test
  void should_disable_rules() throws Exception {
    Path config = Files.writeString(dir.resolve("lint.yaml"), "disable: [LINT-UNKNOWN-KIND]\n");
    assertThat(LintConfig.read(config).lint().lintYaml("w.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n").findings())
        .isEmpty();
  }

  @Test
  void should_reject_typos_in_the_configuration() throws Exception {
    assertThatThrownBy(() -> LintConfig.read(Files.writeString(dir.resolve("a.yaml"), "disabled: [X]\n")))
        .hasMessage(dir.resolve("a.yaml") + ": unknown key 'disabled' (expected disable, severity, thresholds)");
    assertThatThrownBy(() -> LintConfig.read(Files.writeString(dir.resolve("b.yaml"), "disable: [ISTIO-NOPE]\n")))
        .hasMessageStartingWith(dir.resolve("b.yaml") + ": no rule with id 'ISTIO-NOPE' in this set");
    assertThatThrownBy(() -> LintConfig.read(Files.writeString(dir.resolve("c.yaml"), "severity: {LINT-UNKNOWN-KIND: fatal}\n")))
        .hasMessage(dir.resolve("c.yaml") + ": unknown severity 'fatal': expected error, warning or info");
    assertThatThrownBy(() -> LintConfig.read(Files.writeString(dir.resolve("d.yaml"), "thresholds: {scrapeInterval: 1d}\n")))
        .hasMessage(dir.resolve("d.yaml") + ": thresholds.scrapeInterval '1d' is not a duration such as 15s");
    assertThatThrownBy(() -> LintConfig.read(Files.writeString(dir.resolve("e.yaml"), "thresholds: {minFailuresToRollBack: three}\n")))
        .hasMessage(dir.resolve("e.yaml") + ": thresholds.minFailuresToRollBack 'three' is not a whole number such as 3");
    assertThatThrownBy(() -> LintConfig.read(Files.writeString(dir.resolve("f.yaml"), "thresholds: {minFailuresToRollBack: 0}\n")))
        .hasMessage(dir.resolve("f.yaml") + ": minFailuresToRollBack must be at least 1, got 0");
    assertThatThrownBy(() -> LintConfig.read(Files.writeString(dir.resolve("g.yaml"), "thresholds: {scrapeIntervall: 15s}\n")))
        .hasMessage(dir.resolve("g.yaml") + ": unknown threshold 'scrapeIntervall' (expected scrapeInterval, minFailuresToRollBack)");
  }

  @Test
  void should_judge_rollback_tolerance_with_the_configured_minimum() throws Exception {
    String eager = TEMPLATE.replace("failureLimit: 2", "failureLimit: 0").replace("interval: 20s", "interval: 30s");
    assertThat(Lint.withAllRules().lintYaml("t.yaml", eager).findings()).extracting(Finding::rule)
        .containsExactly("ANALYSIS-ROLLBACK-TOLERANCE");
    Path config = Files.writeString(dir.resolve("lint.yaml"), "thresholds:\n  minFailuresToRollBack: 1\n");
    assertThat(LintConfig.read(config).lint().lintYaml("t.yaml", eager).findings()).isEmpty();
  }
}
