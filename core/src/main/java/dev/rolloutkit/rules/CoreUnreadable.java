package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.CoreRules.*;
import java.util.List;

/** Every document can be read as a Kubernetes object. */
final class CoreUnreadable extends AbstractRule {

  CoreUnreadable() {
    super("MANIFEST-UNREADABLE", Severity.ERROR, "Every document can be read as a Kubernetes object",
        "kubectl refuses a document that is not valid YAML or JSON, has no apiVersion or kind, or has a value of the wrong type for its"
          + " field (the API server decodes strictly: \"3\" is not an integer, 10.5 is not a setWeight, yes is not a string). The rest"
          + " of the files are still checked.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    resources.unreadable().forEach(m -> m.error().ifPresent(p -> f.add(m, p, null)));
  }
}
