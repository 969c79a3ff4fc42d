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
            + " The controller only adds rollouts-pod-template-hash; every other subset label must"
            + " already be on the pod template.");
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
          Map<String, String> podLabels =
              template.getMetadata().getLabels() == null
                  ? Map.of()
                  : template.getMetadata().getLabels();
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
