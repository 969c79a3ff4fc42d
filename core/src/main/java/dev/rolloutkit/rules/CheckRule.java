package dev.rolloutkit.rules;

/** A rule whose check is a function: how the catalogues ({@link ArgoRules}, {@link KedaRules}, …) define their rules. */
final class CheckRule extends AbstractRule {

  /** The check of a rule. */
  @FunctionalInterface
  interface Check {
    void visit(ResourceSet resources, AbstractRule.Findings findings);
  }

  private final Check check;

  CheckRule(String id, Severity severity, String title, String rationale, Check check) {
    super(id, severity, title, rationale);
    this.check = check;
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    check.visit(resources, findings);
  }
}
