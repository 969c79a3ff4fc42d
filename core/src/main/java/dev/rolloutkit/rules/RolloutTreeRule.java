package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.Rollout;

/**
 * A rule that reads each Rollout's spec as its JSON tree, so every router and step shape is covered
 * the same way.
 */
abstract class RolloutTreeRule extends AbstractRule {

  RolloutTreeRule(String id, Severity severity, String title, String rationale) {
    super(id, severity, title, rationale);
  }

  @Override
  protected final void visit(ResourceSet resources, Findings findings) {
    for (Rollout rollout : resources.ofType(Rollout.class)) {
      check(rollout, resources.tree(rollout).path("spec"), findings);
    }
  }

  /** Adds a finding for each problem of {@code rollout}, whose spec is {@code spec}. */
  abstract void check(Rollout rollout, JsonNode spec, Findings findings);
}
