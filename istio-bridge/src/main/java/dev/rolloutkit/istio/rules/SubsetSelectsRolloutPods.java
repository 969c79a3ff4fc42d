package dev.rolloutkit.istio.rules;

import dev.rolloutkit.istio.internal.IstioObjects;
import dev.rolloutkit.istio.internal.RolloutIstio;
import dev.rolloutkit.istio.internal.Routes;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import java.util.List;
import java.util.Map;

/** IST0173, offline: the canary and stable subsets select labels the Rollout's pods carry. */
final class SubsetSelectsRolloutPods extends ArgoIstioRule {

  SubsetSelectsRolloutPods() {
    super("ARGO-ISTIO-SUBSET-SELECTS-PODS", Severity.ERROR,
        "The canary and stable subsets' labels are labels of the Rollout's pods",
        "istioctl analyze IST0173: a subset that selects no pod gives 503 UH (NoHealthyUpstream). The controller only adds"
            + " rollouts-pod-template-hash; every other subset label must already be on the pod template.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    for (RolloutIstio.Entry entry : RolloutIstio.in(resources)) {
      var ref = entry.istio().getDestinationRule();
      var template = entry.rollout().getSpec().getTemplate();
      if (template == null || template.getMetadata() == null) {
        continue;
      }
      Map<String, String> podLabels = template.getMetadata().getLabels() == null ? Map.of() : template.getMetadata().getLabels();
      entry.destinationRule(resources).ifPresent(dr -> {
        List<Subset> subsets = Routes.orEmpty(IstioObjects.destinationRuleSpec(dr).orElseThrow().getSubsets());
        for (int i = 0; i < subsets.size(); i++) {
          Subset s = subsets.get(i);
          if (!s.getName().equals(ref.getCanarySubsetName()) && !s.getName().equals(ref.getStableSubsetName())) {
            continue;
          }
          for (Map.Entry<String, String> label : (s.getLabels() == null ? Map.<String, String>of() : s.getLabels()).entrySet()) {
            if (!label.getKey().equals("rollouts-pod-template-hash") && !label.getValue().equals(podLabels.get(label.getKey()))) {
              findings.add(dr, "spec.subsets[" + i + "].labels." + label.getKey(), "The Subset " + s.getName() + " defined in the"
                  + " DestinationRule does not select any pods of Rollout " + entry.rollout().getMetadata().getName() + ": its pods have "
                  + label.getKey() + "=" + podLabels.get(label.getKey()) + ", not " + label.getValue(),
                  "use the pod template's labels " + podLabels);
            }
          }
        }
      });
    }
  }
}
