package dev.rolloutkit.istio.rules;

import dev.rolloutkit.istio.internal.Routes;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/** The controller rewrites the subsets of the DestinationRule it manages and drops the others. */
final class ManagedDestinationRuleExtraSubsets extends ArgoIstioRule {

  ManagedDestinationRuleExtraSubsets() {
    super(
        "ARGO-ISTIO-MANAGED-DR-EXTRA-SUBSETS",
        Severity.WARNING,
        "A DestinationRule managed by a Rollout holds only its canary, stable and additional"
            + " subsets",
        "Argo's istio.go UpdateHash rebuilds spec.subsets from the canary, stable and experiment"
            + " subsets ('Ignore any extraneous subsets') and replaces the list with a merge patch,"
            + " so other subsets disappear at the first update.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    eachManagedSubset(
        resources,
        (entry, dr, subset, path) -> {
          var ref = entry.istio().getDestinationRule();
          List<String> kept =
              new ArrayList<>(
                  List.of(
                      String.valueOf(ref.getCanarySubsetName()),
                      String.valueOf(ref.getStableSubsetName())));
          kept.addAll(Routes.orEmpty(ref.getAdditionalSubsetNames()));
          if (!kept.contains(subset.getName())) {
            findings.add(
                dr,
                path,
                "subset '"
                    + subset.getName()
                    + "' will be dropped: the Argo controller manages this DestinationRule for"
                    + " Rollout "
                    + entry.rollout().getMetadata().getName()
                    + " and keeps only subsets "
                    + kept,
                "move it to a separate DestinationRule");
          }
        });
  }
}
