package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.CoreRules.*;

/** Every document can be read as a Kubernetes object. */
final class ManifestUnreadable extends AbstractRule {

  ManifestUnreadable() {
    super(
        "MANIFEST-UNREADABLE",
        Severity.ERROR,
        "Every document can be read as a Kubernetes object",
        "kubectl refuses a document that is not valid YAML or JSON, has no apiVersion or kind, or"
            + " has a value of the wrong type for its field: the API server decodes strictly, so"
            + " \"3\" is not an integer, 10.5 is not a setWeight and yes is not a string. The rest"
            + " of the files are still checked. Kubernetes: apimachinery pkg/util/yaml/decoder.go"
            + " YAMLOrJSONDecoder, sigs.k8s.io/yaml yaml.go Unmarshal, apimachinery"
            + " pkg/runtime/serializer/json/json.go (strict decoding).");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    resources.unreadable().forEach(m -> m.error().ifPresent(p -> f.add(m, p, null)));
  }
}
