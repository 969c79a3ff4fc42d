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

  static final String TEMPLATE =
      """
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

  @TempDir Path dir;

  @Test
  void should_judge_with_the_configured_scrape_interval_and_severities() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("lint.yaml"),
            "severity: {ANALYSIS-SCRAPE-WINDOWS: error}\nthresholds: {scrapeInterval: 30s}\n");
    LintResult defaults = Lint.withAllRules().lintYaml("t.yaml", TEMPLATE);
    assertThat(defaults.findings()).isEmpty();
    LintResult configured = LintConfig.read(config).lint().lintYaml("t.yaml", TEMPLATE);
    // the [2m] window is exactly 4 × 30s, so only the interval is too short
    assertThat(configured.findings())
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "ANALYSIS-SCRAPE-WINDOWS",
                Severity.ERROR,
                "interval 20s is shorter than the 30s scrape interval"));
  }

  @Test
  void should_take_the_files_as_complete_when_configured() throws Exception {
    assertThat(
            LintConfig.read(Files.writeString(dir.resolve("c.yaml"), "assumeComplete: true\n"))
                .thresholds()
                .assumeComplete())
        .isTrue();
    assertThat(LintConfig.defaults().thresholds().assumeComplete()).isFalse();
    assertThatThrownBy(
            () -> LintConfig.read(Files.writeString(dir.resolve("d.yaml"), "assumeComplete: 1\n")))
        .hasMessage(
            dir.resolve("d.yaml")
                + ":1:17: assumeComplete: expected true or false, got the number 1");
  }

  @Test
  void should_disable_rules() throws Exception {
    Path config = Files.writeString(dir.resolve("lint.yaml"), "disable: [LINT-UNKNOWN-KIND]\n");
    assertThat(
            LintConfig.read(config)
                .lint()
                .lintYaml(
                    "w.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n")
                .findings())
        .isEmpty();
  }

  @Test
  void should_reject_typos_in_the_configuration_naming_file_line_and_column() throws Exception {
    assertThatThrownBy(
            () -> LintConfig.read(Files.writeString(dir.resolve("a.yaml"), "disabled: [X]\n")))
        .hasMessage(
            dir.resolve("a.yaml")
                + ":1:1: unknown key 'disabled' (expected disable, severity, thresholds,"
                + " assumeComplete)");
    assertThatThrownBy(
            () ->
                LintConfig.read(
                    Files.writeString(dir.resolve("b.yaml"), "disable: [ISTIO-NOPE]\n")))
        .hasMessageStartingWith(
            dir.resolve("b.yaml") + ":1:11: disable[0]: no rule with id 'ISTIO-NOPE' in this set");
    assertThatThrownBy(
            () ->
                LintConfig.read(
                    Files.writeString(
                        dir.resolve("c.yaml"), "severity: {LINT-UNKNOWN-KIND: fatal}\n")))
        .hasMessage(
            dir.resolve("c.yaml")
                + ":1:31: severity.LINT-UNKNOWN-KIND: unknown severity 'fatal': expected error,"
                + " warning or info");
    assertThatThrownBy(
            () ->
                LintConfig.read(
                    Files.writeString(dir.resolve("d.yaml"), "thresholds: {scrapeInterval: 1d}\n")))
        .hasMessage(
            dir.resolve("d.yaml")
                + ":1:30: thresholds.scrapeInterval: expected a positive duration such as 15s, got"
                + " the string \"1d\"");
    assertThatThrownBy(
            () ->
                LintConfig.read(
                    Files.writeString(
                        dir.resolve("e.yaml"), "thresholds: {minFailuresToRollBack: three}\n")))
        .hasMessage(
            dir.resolve("e.yaml")
                + ":1:37: thresholds.minFailuresToRollBack: expected a whole number of at least 1"
                + " such as 3, got the string \"three\"");
    assertThatThrownBy(
            () ->
                LintConfig.read(
                    Files.writeString(
                        dir.resolve("f.yaml"), "thresholds: {minFailuresToRollBack: 0}\n")))
        .hasMessage(
            dir.resolve("f.yaml")
                + ":1:37: thresholds.minFailuresToRollBack: expected a whole number of at least 1"
                + " such as 3, got the number 0");
    assertThatThrownBy(
            () ->
                LintConfig.read(
                    Files.writeString(
                        dir.resolve("g.yaml"), "thresholds: {scrapeIntervall: 15s}\n")))
        .hasMessage(
            dir.resolve("g.yaml")
                + ":1:14: unknown threshold 'scrapeIntervall' (expected scrapeInterval,"
                + " minFailuresToRollBack)");
  }

  @Test
  void should_refuse_a_value_of_the_wrong_type_instead_of_ignoring_it() throws Exception {
    assertThatThrownBy(
            () ->
                LintConfig.read(
                    Files.writeString(
                        dir.resolve("h.yaml"), "# rules to skip\ndisable: ARGO-SELECTOR\n")))
        .hasMessage(
            dir.resolve("h.yaml")
                + ":2:10: disable: expected a list of rule ids such as [ARGO-SELECTOR], got the"
                + " string \"ARGO-SELECTOR\"");
    assertThatThrownBy(
            () ->
                LintConfig.read(
                    Files.writeString(dir.resolve("i.yaml"), "severity: [ARGO-SELECTOR]\n")))
        .hasMessage(
            dir.resolve("i.yaml")
                + ":1:11: severity: expected a mapping of rule id to error, warning or info, got a"
                + " list");
    assertThatThrownBy(
            () ->
                LintConfig.read(
                    Files.writeString(dir.resolve("j.yaml"), "severity: {ARGO-SELECTOR: no}\n")))
        .hasMessage(
            dir.resolve("j.yaml")
                + ":1:27: severity.ARGO-SELECTOR: expected error, warning or info, got the boolean"
                + " false (yes, no, on and off unquoted are booleans in YAML)");
  }

  @Test
  void should_judge_rollback_tolerance_with_the_configured_minimum() throws Exception {
    String eager =
        TEMPLATE
            .replace("failureLimit: 2", "failureLimit: 0")
            .replace("interval: 20s", "interval: 30s");
    assertThat(Lint.withAllRules().lintYaml("t.yaml", eager).findings())
        .extracting(Finding::rule)
        .containsExactly("ANALYSIS-ROLLBACK-TOLERANCE");
    Path config =
        Files.writeString(dir.resolve("lint.yaml"), "thresholds:\n  minFailuresToRollBack: 1\n");
    assertThat(LintConfig.read(config).lint().lintYaml("t.yaml", eager).findings()).isEmpty();
  }
}
