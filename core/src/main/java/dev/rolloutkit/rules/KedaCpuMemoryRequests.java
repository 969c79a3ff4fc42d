package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.scaledobjectspec.Triggers;
import java.util.List;

/** cpu and memory triggers scale a workload whose containers request that resource. */
final class KedaCpuMemoryRequests extends AbstractRule {

  KedaCpuMemoryRequests() {
    super(
        "KEDA-CPU-MEMORY-REQUESTS",
        Severity.ERROR,
        "cpu and memory triggers scale a workload whose containers request that resource",
        "KEDA's admission webhook rejects a cpu or memory trigger on a Deployment or StatefulSet"
            + " whose containers have no request or limit (a LimitRange container default counts):"
            + " utilisation is measured against the request. KEDA:"
            + " apis/keda/v1alpha1/scaledobject_webhook.go verifyCPUMemoryScalers.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (ScaledObject so : resources.ofType(ScaledObject.class)) {
      var ref = so.getSpec() == null ? null : so.getSpec().getScaleTargetRef();
      if (ref == null) {
        continue;
      }
      String ns = ResourceSet.namespaceOf(so);
      io.fabric8.kubernetes.api.model.PodTemplateSpec template =
          switch (gvk(so)) {
            case "apps/v1.Deployment" ->
                resources
                    .find(io.fabric8.kubernetes.api.model.apps.Deployment.class, ns, ref.getName())
                    .map(d -> d.getSpec() == null ? null : d.getSpec().getTemplate())
                    .orElse(null);
            case "apps/v1.StatefulSet" ->
                resources
                    .find(io.fabric8.kubernetes.api.model.apps.StatefulSet.class, ns, ref.getName())
                    .map(d -> d.getSpec() == null ? null : d.getSpec().getTemplate())
                    .orElse(null);
            default -> null;
          };
      if (template == null || template.getSpec() == null) {
        continue;
      }
      List<Triggers> triggers = triggers(so.getSpec());
      for (int i = 0; i < triggers.size(); i++) {
        String type = triggers.get(i).getType();
        if (!List.of("cpu", "memory").contains(type) || limitRangeDefault(resources, ns, type)) {
          continue;
        }
        String only =
            triggers.get(i).getMetadata() == null
                ? null
                : triggers.get(i).getMetadata().get("containerName");
        for (var c : Canaries.orEmpty(template.getSpec().getContainers())) {
          if (only != null && !only.isEmpty() && !only.equals(c.getName())) {
            continue;
          }
          if (!positive(c.getResources() == null ? null : c.getResources().getRequests(), type)
              && !positive(c.getResources() == null ? null : c.getResources().getLimits(), type)) {
            f.add(
                so,
                "spec.triggers[" + i + "]",
                "the scaledobject has a "
                    + type
                    + " trigger but the container "
                    + c.getName()
                    + " doesn't have the "
                    + type
                    + " request defined",
                "give container "
                    + c.getName()
                    + " of "
                    + ref.getName()
                    + " resources.requests."
                    + type);
          }
        }
      }
    }
  }
}
