package dev.rolloutkit.internal;

import dev.rolloutkit.analysis.AnalysisGate;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.RolloutBuilder;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.Steps;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.StepsBuilder;
import dev.rolloutkit.profile.AnalysisStep;
import dev.rolloutkit.profile.CanaryStep;
import dev.rolloutkit.profile.PauseStep;
import dev.rolloutkit.profile.SetWeightStep;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.traffic.TrafficPlan;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** CanaryStack → Rollout: profile steps become Argo steps, the traffic plan fills the canary's routing fields. */
public final class RolloutCompiler {

  private RolloutCompiler() {}

  public static Rollout rollout(CanaryStack stack, TrafficPlan plan) {
    Map<String, String> labels = stack.objectLabels();
    List<Steps> steps = stack.profile().steps().stream().map(RolloutCompiler::step).toList();
    int replicas = stack.scaling().map(s -> s.minReplicaCount()).orElse(stack.replicas());
    return new RolloutBuilder()
        .withNewMetadata().withName(stack.name()).withNamespace(stack.namespace()).withLabels(labels).endMetadata()
        .withNewSpec()
          .withReplicas(replicas)
          .withNewSelector().withMatchLabels(new TreeMap<>(stack.selector())).endSelector()
          .withNewTemplate()
            .withNewMetadata().withLabels(labels).endMetadata()
            .withNewSpec()
              .addNewContainer()
                .withName(stack.name())
                .withImage(stack.image().orElseThrow())
                .withPorts(stack.effectivePorts().stream()
                    .map(p -> new ContainerPortBuilder().withName(p.name()).withContainerPort(p.containerPort()).build()).toList())
              .endContainer()
            .endSpec()
          .endTemplate()
          .withNewStrategy().withNewCanary()
            .withCanaryService(plan.canaryService().orElse(null))
            .withStableService(plan.stableService().orElse(null))
            .withTrafficRouting(plan.trafficRouting().orElse(null))
            .withSteps(steps)
          .endCanary().endStrategy()
        .endSpec()
        .build();
  }

  static Steps step(CanaryStep step) {
    if (step instanceof SetWeightStep s) {
      return new StepsBuilder().withSetWeight(s.weight()).build();
    }
    if (step instanceof PauseStep p) {
      return new StepsBuilder().withNewPause().withDuration(p.duration().map(IntOrString::new).orElse(null)).endPause().build();
    }
    if (step instanceof AnalysisStep a) {
      return new StepsBuilder().withNewAnalysis()
          .addNewTemplate().withTemplateName(a.gate()).endTemplate()
          .addNewArg().withName(AnalysisGate.CANARY_HASH_ARG).withNewValueFrom().withPodTemplateHashValue("Latest").endValueFrom().endArg()
          .endAnalysis().build();
    }
    throw new IllegalArgumentException("unknown canary step type " + step.getClass().getName() + ": " + step);
  }

  /** {@code resource} with {@code labels} added to its metadata (sorted). */
  public static <T extends HasMetadata> T labelled(T resource, Map<String, String> labels) {
    Map<String, String> all = new TreeMap<>(labels);
    if (resource.getMetadata().getLabels() != null) {
      all.putAll(resource.getMetadata().getLabels());
    }
    resource.getMetadata().setLabels(all.isEmpty() ? null : all);
    return resource;
  }
}
