package dev.rolloutkit.rules;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec;

/** A rule that judges each ScaledObject with a spec on its own. */
abstract class ScaledObjectRule extends AbstractRule {

  ScaledObjectRule(String id, Severity severity, String title, String rationale) {
    super(id, severity, title, rationale);
  }

  @Override
  protected final void visit(ResourceSet resources, Findings findings) {
    for (ScaledObject so : resources.ofType(ScaledObject.class)) {
      if (so.getSpec() != null) {
        check(so, so.getSpec(), findings);
      }
    }
  }

  /** Adds a finding for each problem of {@code so}, whose spec is {@code spec}. */
  abstract void check(ScaledObject so, ScaledObjectSpec spec, Findings findings);
}
