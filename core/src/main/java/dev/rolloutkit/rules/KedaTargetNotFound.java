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
      boolean found =
          targets(resources).contains(group + "/" + kind + "/" + ns + "/" + ref.getName());
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

  /** Every object's API group, kind, namespace and name, made once per set. */
  private static java.util.Set<String> targets(ResourceSet resources) {
    return resources.derived(
        KedaTargetNotFound.class,
        set -> {
          java.util.Set<String> all = new java.util.HashSet<>();
          for (HasMetadata r : set.all()) {
            if (r.getApiVersion() == null || r.getMetadata() == null) {
              continue;
            }
            String v = r.getApiVersion();
            String g = v.contains("/") ? v.substring(0, v.indexOf('/')) : "";
            all.add(
                g
                    + "/"
                    + r.getKind()
                    + "/"
                    + ResourceSet.namespaceOf(r)
                    + "/"
                    + r.getMetadata().getName());
          }
          return all;
        });
  }
}
