package dev.rolloutkit.istio.rules;

import dev.rolloutkit.istio.internal.Routes;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Istio validation: {@code duplicate subset names} in one DestinationRule. */
final class DuplicateSubset extends IstioRule {

  DuplicateSubset() {
    super(
        "ISTIO-DR-DUPLICATE-SUBSET",
        Severity.ERROR,
        "A DestinationRule names each subset once",
        "Istio's validating webhook rejects the DestinationRule (duplicate subset names). Istio:"
            + " pkg/config/validation/validation.go ValidateDestinationRule.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    eachDestinationRule(
        resources,
        (dr, spec) -> {
          Set<String> seen = new HashSet<>();
          List<Subset> subsets = Routes.orEmpty(spec.getSubsets());
          for (int i = 0; i < subsets.size(); i++) {
            String name = subsets.get(i).getName();
            if (name != null && !seen.add(name)) {
              findings.add(
                  dr,
                  "spec.subsets[" + i + "].name",
                  "duplicate subset names: " + name,
                  "rename or merge the subsets named " + name);
            }
          }
        });
  }
}
