package dev.rolloutkit.istio.rules;

import dev.rolloutkit.istio.internal.IstioObjects;
import dev.rolloutkit.istio.internal.RolloutIstio;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Base of the rules on a Rollout's Istio routing, checked against the VirtualServices in the set.
 */
abstract class ArgoIstioRule extends IstioRule {

  ArgoIstioRule(String id, Severity severity, String title, String rationale) {
    super(id, severity, title, rationale);
  }

  /** Calls {@code action} for each Rollout reference whose VirtualService is in the set. */
  static void eachReferencedVirtualService(ResourceSet resources, ReferenceAction action) {
    for (RolloutIstio.Entry entry : RolloutIstio.in(resources)) {
      for (RolloutIstio.Ref ref : entry.virtualServices()) {
        entry
            .find(resources, ref.name())
            .ifPresent(
                vs ->
                    action.accept(
                        entry,
                        ref,
                        vs,
                        IstioObjects.virtualServiceSpec(vs).orElseThrow(),
                        ref.select(
                            IstioObjects.virtualServiceSpec(vs).orElseThrow(),
                            entry.managedRoutes())));
      }
    }
  }

  /**
   * Calls {@code action} for each subset of each DestinationRule in the set that a Rollout manages.
   */
  static void eachManagedSubset(ResourceSet resources, SubsetAction action) {
    for (RolloutIstio.Entry entry : RolloutIstio.in(resources)) {
      entry
          .destinationRule(resources)
          .ifPresent(
              dr -> {
                java.util.List<io.fabric8.istio.api.api.networking.v1alpha3.Subset> subsets =
                    dev.rolloutkit.istio.internal.Routes.orEmpty(
                        IstioObjects.destinationRuleSpec(dr).orElseThrow().getSubsets());
                for (int i = 0; i < subsets.size(); i++) {
                  action.accept(entry, dr, subsets.get(i), "spec.subsets[" + i + "]");
                }
              });
    }
  }

  @FunctionalInterface
  interface SubsetAction {
    void accept(
        RolloutIstio.Entry entry,
        HasMetadata destinationRule,
        io.fabric8.istio.api.api.networking.v1alpha3.Subset subset,
        String path);
  }

  @FunctionalInterface
  interface ReferenceAction {
    void accept(
        RolloutIstio.Entry entry,
        RolloutIstio.Ref ref,
        HasMetadata vs,
        VirtualService spec,
        RolloutIstio.Selection selection);
  }
}
