package dev.rolloutkit.rules;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** The workload a ScaledObject scales exists. */
final class KedaTargetNotFound extends AbstractRule {

  KedaTargetNotFound() {
    super(
        "KEDA-TARGET-NOT-FOUND",
        Severity.ERROR,
        "The workload a ScaledObject's scaleTargetRef names exists",
        "KEDA's operator looks the target up by apiVersion, kind (Deployment unless given) and"
            + " name; when it is missing the ScaledObject is not Ready and nothing scales"
            + " (ScaledObjectCheckFailed: Target resource doesn't exist). KEDA:"
            + " controllers/keda/scaledobject_controller.go checkTargetResourceIsScalable. A"
            + " target outside the linted resources is judged by the reference policy of"
            + " docs/lint.md.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (ScaledObject so : resources.ofType(ScaledObject.class)) {
      var ref = so.getSpec() == null ? null : so.getSpec().getScaleTargetRef();
      if (ref == null || ref.getName() == null || ref.getName().isEmpty()) {
        continue;
      }
      String apiVersion =
          ref.getApiVersion() == null || ref.getApiVersion().isEmpty()
              ? "apps/v1"
              : ref.getApiVersion();
      String group =
          apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      String kind = KedaRules.kindOf(ref.getKind());
      String ns = ResourceSet.namespaceOf(so);
      boolean found = false;
      for (HasMetadata r : resources.all()) {
        if (kind.equals(r.getKind())
            && r.getApiVersion() != null
            && (group.isEmpty()
                ? !r.getApiVersion().contains("/")
                : r.getApiVersion().startsWith(group + "/"))
            && r.getMetadata() != null
            && ref.getName().equals(r.getMetadata().getName())
            && ns.equals(ResourceSet.namespaceOf(r))) {
          found = true;
          break;
        }
      }
      if (!found) {
        References.missing(
            resources,
            f,
            so,
            "spec.scaleTargetRef.name",
            kind,
            ref.getName(),
            resources.anyOfKind(group, kind),
            "ScaledObjectCheckFailed: Target resource doesn't exist",
            "apply the " + kind + " with the ScaledObject, or correct scaleTargetRef");
      }
    }
  }
}
