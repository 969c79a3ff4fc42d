package dev.rolloutkit.lint;

import dev.rolloutkit.rules.Finding;
import dev.rolloutkit.rules.ValidationReport;
import java.util.List;

/** What a lint run found, and how much it read. */
public final class LintResult {

  private final ValidationReport report;
  private final int files;
  private final int resources;

  LintResult(ValidationReport report, int files, int resources) {
    this.report = report;
    this.files = files;
    this.resources = resources;
  }

  public ValidationReport report() {
    return report;
  }

  public List<Finding> findings() {
    return report.findings();
  }

  public boolean hasErrors() {
    return report.hasErrors();
  }

  /** Files read. */
  public int files() {
    return files;
  }

  /** Resources (non-empty documents) read. */
  public int resources() {
    return resources;
  }

  @Override
  public String toString() {
    return report + "\n" + files + " file(s), " + resources + " resource(s), " + report.findings().size() + " finding(s)";
  }
}
