package dev.rolloutkit.lint;

import dev.rolloutkit.rules.Finding;
import dev.rolloutkit.rules.ValidationReport;
import java.util.List;

/** What a lint run found, and how much it read. */
public final class LintResult {

  private final ValidationReport report;
  private final int files;
  private final int resources;
  private final int unreadable;

  LintResult(ValidationReport report, int files, int resources, int unreadable) {
    this.report = report;
    this.files = files;
    this.resources = resources;
    this.unreadable = unreadable;
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

  /** Objects read (documents that became typed objects; a List counts its items). */
  public int resources() {
    return resources;
  }

  /** Documents that could not be read (each is an error finding). */
  public int unreadable() {
    return unreadable;
  }

  /**
   * Whether nothing at all could be read: there were documents, and none of them became an object.
   */
  public boolean nothingReadable() {
    return resources == 0 && unreadable > 0;
  }

  @Override
  public String toString() {
    return report
        + "\n"
        + files
        + " file(s), "
        + resources
        + " resource(s), "
        + report.findings().size()
        + " finding(s)";
  }
}
