package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.keda.v1alpha1.ScaledObject;

/** A ScaledObject scales the Rollout, not the Deployment a Rollout's workloadRef points at. */
final class KedaWorkloadRefTarget extends AbstractRule {

  KedaWorkloadRefTarget() {
    super(
        "KEDA-TARGET-ROLLOUT-WORKLOAD",
        Severity.ERROR,
        "A ScaledObject scales the Rollout, not the Deployment a Rollout's workloadRef points at",
        "A Rollout with workloadRef runs its own pods from the Deployment's template and scales the"
            + " Deployment down; KEDA scaling that Deployment changes nothing the Rollout serves"
            + " (Argo docs: features/migrating, \"Reference Deployment From Rollout\"). Without"
            + " kind, scaleTargetRef means a Deployment.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (ScaledObject so : resources.ofType(ScaledObject.class)) {
      var ref = so.getSpec() == null ? null : so.getSpec().getScaleTargetRef();
      if (ref == null || ref.getName() == null || !"apps/v1.Deployment".equals(gvk(so))) {
        continue;
      }
      String ns = ResourceSet.namespaceOf(so);
      for (Rollout r : resources.ofType(Rollout.class)) {
        var wr = r.getSpec() == null ? null : r.getSpec().getWorkloadRef();
        if (wr != null
            && ns.equals(ResourceSet.namespaceOf(r))
            && "Deployment".equals(wr.getKind())
            && ref.getName().equals(wr.getName())) {
          f.add(
              so,
              "spec.scaleTargetRef",
              "scales Deployment "
                  + ref.getName()
                  + ", which Rollout "
                  + r.getMetadata().getName()
                  + " manages through workloadRef, so the Rollout's pods are not scaled",
              "target apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: "
                  + r.getMetadata().getName());
        }
      }
      if (ref.getKind() == null
          && resources.find(Rollout.class, ns, ref.getName()).isPresent()
          && resources
              .find(io.fabric8.kubernetes.api.model.apps.Deployment.class, ns, ref.getName())
              .isEmpty()) {
        f.add(
            so,
            "spec.scaleTargetRef.kind",
            "kind is omitted, so KEDA targets Deployment "
                + ref.getName()
                + ", but "
                + ref.getName()
                + " is a Rollout",
            "add apiVersion: argoproj.io/v1alpha1 and kind: Rollout");
      }
    }
  }
}
