package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.CoreRules.*;

/** What Kubernetes reads is what the text seems to say. */
final class YamlAmbiguous extends AbstractRule {

  YamlAmbiguous() {
    super(
        "YAML-AMBIGUOUS",
        Severity.WARNING,
        "What Kubernetes reads is what the text seems to say",
        "A key written twice is read as its last value only (go-yaml v2, as used by"
            + " sigs.k8s.io/yaml), and a second YAML document after '...' with no --- line is"
            + " ignored by kubectl, which splits documents at --- lines only. Kubernetes:"
            + " apimachinery pkg/util/yaml/decoder.go YAMLReader; go-yaml v2 decode.go.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    resources
        .all()
        .forEach(
            r -> resources.source(r).ifPresent(m -> m.warnings().forEach(w -> f.add(m, w, null))));
    resources.unreadable().forEach(m -> m.warnings().forEach(w -> f.add(m, w, null)));
  }
}
