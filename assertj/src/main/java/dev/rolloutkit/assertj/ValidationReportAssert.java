package dev.rolloutkit.assertj;

import dev.rolloutkit.rules.Finding;
import dev.rolloutkit.rules.ValidationReport;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what the rules found.
 *
 * <pre>{@code
 * assertThat(report).hasNoErrors();
 * assertThat(report).hasFinding("ISTIO-SUBSET-NOT-FOUND").at("spec.http[0].route[1].destination.subset");
 * }</pre>
 */
public class ValidationReportAssert
    extends AbstractAssert<ValidationReportAssert, ValidationReport> {

  public ValidationReportAssert(ValidationReport actual) {
    super(actual, ValidationReportAssert.class);
  }

  /** No error-level finding. */
  public ValidationReportAssert hasNoErrors() {
    isNotNull();
    if (actual.hasErrors()) {
      failWithMessage(
          "Expected no error findings but found %d:%n%s",
          actual.errors().size(), lines(actual.errors()));
    }
    return myself;
  }

  /** No finding at all. */
  public ValidationReportAssert hasNoFindings() {
    isNotNull();
    if (!actual.isEmpty()) {
      failWithMessage(
          "Expected no findings but found %d:%n%s",
          actual.findings().size(), lines(actual.findings()));
    }
    return myself;
  }

  /** At least one finding of rule {@code ruleId}; narrow it with {@link FindingCheck#at}. */
  public FindingCheck hasFinding(String ruleId) {
    isNotNull();
    if (actual.findings(ruleId).isEmpty()) {
      failWithMessage(
          "Expected a finding of rule %s but %s",
          ruleId,
          actual.isEmpty()
              ? "there are no findings"
              : "the findings are:%n" + lines(actual.findings()));
    }
    return new FindingCheck(this, ruleId);
  }

  /** A finding of {@code ruleId} at field {@code path}. */
  public ValidationReportAssert hasFindingAt(String ruleId, String path) {
    isNotNull();
    List<Finding> ofRule = actual.findings(ruleId);
    if (ofRule.stream().noneMatch(f -> f.path().equals(path))) {
      failWithMessage(
          "Expected a finding of rule %s at %s but %s",
          ruleId,
          path,
          ofRule.isEmpty()
              ? "there is none"
              : "it is at " + ofRule.stream().map(Finding::path).collect(Collectors.joining(", ")));
    }
    return myself;
  }

  private static String lines(List<Finding> findings) {
    return findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n"));
  }

  /** The second half of {@code hasFinding(…)}. */
  public static final class FindingCheck {
    private final ValidationReportAssert owner;
    private final String ruleId;

    FindingCheck(ValidationReportAssert owner, String ruleId) {
      this.owner = owner;
      this.ruleId = ruleId;
    }

    /** …at field {@code path}. */
    public ValidationReportAssert at(String path) {
      return owner.hasFindingAt(ruleId, path);
    }
  }
}
