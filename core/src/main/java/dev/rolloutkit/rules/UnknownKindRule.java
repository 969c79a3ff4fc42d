package dev.rolloutkit.rules;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** Kinds rolloutkit has no model for are kept and passed over. */
final class UnknownKindRule extends AbstractRule {

  UnknownKindRule() {
    super(
        "LINT-UNKNOWN-KIND",
        Severity.INFO,
        "Resources of kinds rolloutkit does not model are passed over",
        "Only Kubernetes, Argo Rollouts, KEDA and Istio kinds are checked; anything else is read,"
            + " kept and not validated.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    for (GenericKubernetesResource r : resources.ofType(GenericKubernetesResource.class)) {
      findings.add(
          r,
          "",
          "kind "
              + r.getKind()
              + " of apiVersion "
              + r.getApiVersion()
              + " is not known to rolloutkit; it was passed over",
          null);
    }
  }
}
