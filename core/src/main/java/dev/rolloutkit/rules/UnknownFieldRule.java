package dev.rolloutkit.rules;

import dev.rolloutkit.argo.UnknownFields;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** Fields no schema knows — usually typos — in any known kind. */
final class UnknownFieldRule extends AbstractRule {

  UnknownFieldRule() {
    super(
        "SCHEMA-UNKNOWN-FIELD",
        Severity.WARNING,
        "Every field is one the resource's schema knows",
        "The API server prunes unknown fields of custom resources without an error (kubectl at most"
            + " warns), so a typo such as 'setWieght' or 'failurelimit' silently becomes the"
            + " default. rolloutkit keeps such fields when reading, so they can be reported here"
            + " with their path. Kubernetes docs:"
            + " tasks/extend-kubernetes/custom-resources/custom-resource-definitions, \"Field"
            + " pruning\".");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    for (HasMetadata resource : resources.all()) {
      for (String path : UnknownFields.in(resource)) {
        String field = path.substring(Math.max(path.lastIndexOf('.'), path.lastIndexOf(']')) + 1);
        findings.add(
            resource,
            path,
            "unknown field \""
                + field
                + "\" in "
                + resource.getApiVersion()
                + " "
                + resource.getKind(),
            "check the spelling against the "
                + resource.getKind()
                + " schema; the API server would drop it");
      }
    }
  }
}
