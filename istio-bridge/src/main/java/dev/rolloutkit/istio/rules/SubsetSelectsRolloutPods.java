package dev.rolloutkit.istio.rules;

import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;
import java.util.Map;

/** IST0173, offline: the canary and stable subsets select labels the Rollout's pods carry. */
final class SubsetSelectsRolloutPods extends ArgoIstioRule {

  SubsetSelectsRolloutPods() {
    super(
        "ARGO-ISTIO-SUBSET-SELECTS-PODS",
        Severity.ERROR,
        "The canary and stable subsets' labels are labels of the Rollout's pods",
        "istioctl analyze IST0173: a subset that selects no pod gives 503 UH (NoHealthyUpstream)."
            + " The controller adds rollouts-pod-template-hash, and canaryMetadata/stableMetadata"
            + " labels to the canary/stable pods (Argo docs: features/canary, Ephemeral Metadata);"
            + " every other subset label must already be on the pod template.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    eachManagedSubset(
        resources,
        (entry, dr, subset, path) -> {
          var ref = entry.istio().getDestinationRule();
          var template = entry.rollout().getSpec().getTemplate();
          boolean managed =
              subset.getName().equals(ref.getCanarySubsetName())
                  || subset.getName().equals(ref.getStableSubsetName());
          if (!managed || template == null || template.getMetadata() == null) {
            return;
          }
          // Argo adds canaryMetadata / stableMetadata labels to the canary / stable pods
          Map<String, String> podLabels =
              new java.util.TreeMap<>(
                  template.getMetadata().getLabels() == null
                      ? Map.of()
                      : template.getMetadata().getLabels());
          var canary = entry.rollout().getSpec().getStrategy().getCanary();
          Map<String, String> extra =
              subset.getName().equals(ref.getCanarySubsetName())
                  ? canary.getCanaryMetadata() == null
                      ? null
                      : canary.getCanaryMetadata().getLabels()
                  : canary.getStableMetadata() == null
                      ? null
                      : canary.getStableMetadata().getLabels();
          if (extra != null) {
            podLabels.putAll(extra);
          }
          for (Map.Entry<String, String> label :
              (subset.getLabels() == null ? Map.<String, String>of() : subset.getLabels())
                  .entrySet()) {
            if (!label.getKey().equals("rollouts-pod-template-hash")
                && !label.getValue().equals(podLabels.get(label.getKey()))) {
              findings.add(
                  dr,
                  path + ".labels." + label.getKey(),
                  "The Subset "
                      + subset.getName()
                      + " defined in the DestinationRule does not"
                      + " select any pods of Rollout "
                      + entry.rollout().getMetadata().getName()
                      + ": its pods have "
                      + label.getKey()
                      + "="
                      + podLabels.get(label.getKey())
                      + ", not "
                      + label.getValue(),
                  "use the pod template's labels " + podLabels);
            }
          }
        });
  }
}
