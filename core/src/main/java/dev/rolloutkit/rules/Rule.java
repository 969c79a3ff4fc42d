package dev.rolloutkit.rules;

import java.util.List;

/**
 * A check that describes itself — a stable id, a severity, a one-line title and why it matters —
 * and finds problems in a {@link ResourceSet}. Rules never stop at the first problem; they return
 * every finding.
 *
 * <pre>{@code
 * List<Finding> findings = IstioRules.SUBSET_NOT_FOUND.check(ResourceSet.of(stack.resources()));
 * }</pre>
 */
public interface Rule {

  /**
   * Stable id, e.g. {@code ARGO-STEP-ANALYSIS-COUNT}; used to disable a rule or change its
   * severity.
   */
  String id();

  /** The default severity of its findings. */
  Severity severity();

  /** What it checks, in one line. */
  String title();

  /** Why it matters, and where the fact comes from. */
  String rationale();

  /** Every problem found in {@code resources}, each with this rule's id and severity. */
  List<Finding> check(ResourceSet resources);

  /**
   * Whether the rule assumes it sees everything that will exist (every Service a route may name),
   * so that it can only judge a whole apply, not one stack built on its own. Such rules are left
   * out when a stack checks itself.
   */
  default boolean assumesCompleteSet() {
    return false;
  }
}
