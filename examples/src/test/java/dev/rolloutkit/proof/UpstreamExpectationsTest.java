package dev.rolloutkit.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.lint.Lint;
import dev.rolloutkit.lint.LintResult;
import dev.rolloutkit.rules.Finding;
import dev.rolloutkit.rules.Severity;
import dev.rolloutkit.rules.Thresholds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lint replays what Argo Rollouts, KEDA and Istio expect of their own manifests ({@code
 * ../shared/fixtures/upstream/EXPECTATIONS.tsv}, read from there): no error-level finding on an
 * {@code accepted} row, at least one error on a {@code rejected} or {@code degraded} row (with
 * upstream's message where the row gives one), given the files the row's scope names; and no crash
 * on the others. Rows an upstream test applies are linted as complete sets ({@link
 * Row#appliedByATest}).
 */
class UpstreamExpectationsTest {

  static final Path UPSTREAM =
      Path.of(System.getProperty("rolloutkit.root", ".."), "..", "shared", "fixtures", "upstream")
          .normalize();

  record Row(
      String file,
      String expectation,
      String scope,
      String reason,
      String evidence,
      String message) {

    List<Path> paths() {
      List<Path> paths = new ArrayList<>();
      Path self = UPSTREAM.resolve(file);
      if (scope.equals("the folder")) {
        paths.add(self.getParent());
        return paths;
      }
      paths.add(self);
      if (scope.startsWith("together with ")) {
        for (String other : scope.substring("together with ".length()).split(",\\s*")) {
          paths.add(UPSTREAM.resolve(other.trim()));
        }
      }
      return paths;
    }

    /**
     * Whether the row's files are upstream test fixtures, applied by a test into a namespace of its
     * own (Argo's e2e fixtures, KEDA's admission cases), so that nothing outside them exists: such
     * rows are linted with {@code --assume-complete}. Samples, examples and the offline linter's
     * test data are linted as a user's folder is.
     */
    boolean appliedByATest() {
      return file.startsWith("argo-rollouts/test/") || file.startsWith("keda/tests/");
    }

    @Override
    public String toString() {
      return expectation + " " + file + (scope.equals("the file alone") ? "" : " (" + scope + ")");
    }
  }

  static Stream<Arguments> rows() throws IOException {
    List<String> lines =
        Files.readAllLines(UPSTREAM.resolve("EXPECTATIONS.tsv"), StandardCharsets.UTF_8);
    assertThat(lines).as("EXPECTATIONS.tsv rows").hasSizeGreaterThan(200);
    return lines.stream()
        .skip(1)
        .filter(l -> !l.isBlank())
        .map(l -> l.split("\t", -1))
        .map(c -> new Row(c[0], c[1], c[2], c[3], c[4], c.length > 5 ? c[5] : ""))
        .map(Arguments::of);
  }

  private static String describe(LintResult result) {
    StringBuilder b = new StringBuilder();
    for (Finding f : result.findings()) {
      b.append("\n  ").append(f);
    }
    return b.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void should_agree_with_upstream(Row row) {
    Lint lint = Lint.withAllRules();
    if (row.appliedByATest()) {
      lint = lint.withThresholds(Thresholds.defaults().withAssumeComplete(true));
    }
    LintResult result = lint.lintFiles(row.paths());
    List<Finding> errors =
        result.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    switch (row.expectation()) {
      case "accepted" ->
          assertThat(errors)
              .as(
                  "upstream accepts %s (%s; %s)%s",
                  row.file(), row.reason(), row.evidence(), describe(result))
              .isEmpty();
      case "rejected", "degraded" -> {
        assertThat(errors)
            .as(
                "upstream %s %s (%s; %s)%s",
                row.expectation(), row.file(), row.reason(), row.evidence(), describe(result))
            .isNotEmpty();
        if (!row.message().isEmpty()) {
          assertThat(errors)
              .as("upstream's message '%s' for %s%s", row.message(), row.file(), describe(result))
              .anySatisfy(f -> assertThat(f.message()).contains(row.message()));
        }
      }
      default -> assertThat(result.files()).isPositive(); // read without crashing
    }
  }
}
