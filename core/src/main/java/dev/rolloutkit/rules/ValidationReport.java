package dev.rolloutkit.rules;

import java.util.List;
import java.util.stream.Collectors;

/** Every finding of a rule set over a resource set, in rule order. */
public final class ValidationReport {

  private final List<Finding> findings;

  /** A report of {@code findings}, in that order. */
  public static ValidationReport of(List<Finding> findings) {
    return new ValidationReport(findings);
  }

  ValidationReport(List<Finding> findings) {
    this.findings = List.copyOf(findings);
  }

  public List<Finding> findings() {
    return findings;
  }

  /** The findings of one rule. */
  public List<Finding> findings(String ruleId) {
    return findings.stream().filter(f -> f.rule().equals(ruleId)).toList();
  }

  public List<Finding> errors() {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }

  public boolean hasErrors() {
    return !errors().isEmpty();
  }

  public boolean isEmpty() {
    return findings.isEmpty();
  }

  @Override
  public String toString() {
    return findings.isEmpty()
        ? "no findings"
        : findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
  }
}
