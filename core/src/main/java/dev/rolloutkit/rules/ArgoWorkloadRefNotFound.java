package dev.rolloutkit.rules;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplate;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Map;

/** The workload a Rollout's workloadRef names exists, and is of a kind Argo supports. */
final class ArgoWorkloadRefNotFound extends AbstractRule {

  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "apps/Deployment", Deployment.class,
          "apps/ReplicaSet", ReplicaSet.class,
          "/PodTemplate", PodTemplate.class);

  ArgoWorkloadRefNotFound() {
    super(
        "ARGO-WORKLOAD-REF-NOT-FOUND",
        Severity.ERROR,
        "The workload a Rollout's workloadRef names exists and is a Deployment, ReplicaSet or"
            + " PodTemplate",
        "The Argo controller cannot resolve the pod template of a Rollout whose workloadRef names"
            + " a missing workload or an unsupported kind, and the Rollout is Degraded. Argo:"
            + " rollout/templateref.go. A workload outside the linted resources is judged by the"
            + " reference policy of docs/lint.md.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (Rollout r : resources.ofType(Rollout.class)) {
      if (r.getSpec() == null || r.getSpec().getWorkloadRef() == null) {
        continue;
      }
      var ref = r.getSpec().getWorkloadRef();
      String apiVersion = ref.getApiVersion() == null ? "" : ref.getApiVersion();
      String group =
          apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      Class<? extends HasMetadata> kind = KINDS.get(group + "/" + ref.getKind());
      if (kind == null) {
        f.add(
            r,
            "spec.workloadRef.kind",
            "workload of type " + group + "/" + ref.getKind() + " is not supported",
            "reference a Deployment (apps/v1), a ReplicaSet or a PodTemplate");
        continue;
      }
      String name = ref.getName() == null ? "" : ref.getName();
      if (resources.find(kind, ResourceSet.namespaceOf(r), name).isEmpty()) {
        String plural = ref.getKind().toLowerCase(java.util.Locale.ROOT) + "s";
        References.missing(
            resources,
            f,
            r,
            "spec.workloadRef.name",
            ref.getKind(),
            name,
            resources.anyOfType(kind),
            plural + (group.isEmpty() ? "" : "." + group) + " \"" + name + "\" not found",
            "apply the " + ref.getKind() + " with the Rollout, or correct the name");
      }
    }
  }
}
