package dev.rolloutkit.scaling;

import dev.rolloutkit.analysis.QueryTemplate;
import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec;
import dev.rolloutkit.keda.v1alpha1.scaledobjectspec.ScaleTargetRef;
import dev.rolloutkit.keda.v1alpha1.scaledobjectspec.Triggers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * KedaScaling → ScaledObject targeting the Rollout (objects made with setters, see {@code
 * RolloutCompiler}).
 */
final class ScaledObjectCompiler {

  private ScaledObjectCompiler() {}

  static ScaledObject compile(KedaScaling scaling, String name, String namespace, String rollout) {
    Map<String, String> matchers = QueryTemplate.scalingMatchers(rollout, namespace);
    ScaleTargetRef target = new ScaleTargetRef();
    target.setApiVersion("argoproj.io/v1alpha1");
    target.setKind("Rollout");
    target.setName(rollout);
    ScaledObjectSpec spec = new ScaledObjectSpec();
    spec.setScaleTargetRef(target);
    spec.setIdleReplicaCount(scaling.idleReplicaCount().orElse(null));
    spec.setMinReplicaCount(scaling.minReplicaCount());
    spec.setMaxReplicaCount(scaling.maxReplicaCount());
    spec.setCooldownPeriod(scaling.cooldownPeriod().orElse(null));
    spec.setPollingInterval(scaling.pollingInterval().orElse(null));
    spec.setTriggers(
        scaling.triggers().stream()
            .map(t -> trigger(t, matchers))
            .collect(Collectors.toCollection(ArrayList::new)));
    ScaledObject scaled = new ScaledObject();
    io.fabric8.kubernetes.api.model.ObjectMeta metadata =
        new io.fabric8.kubernetes.api.model.ObjectMeta();
    metadata.setName(name);
    metadata.setNamespace(namespace);
    scaled.setMetadata(metadata);
    scaled.setSpec(spec);
    return scaled;
  }

  private static Triggers trigger(ScalingTrigger trigger, Map<String, String> matchers) {
    Map<String, String> metadata = new LinkedHashMap<>();
    trigger
        .metadata()
        .forEach(
            (k, v) ->
                metadata.put(k, k.equals("query") ? QueryTemplate.of(v).render(matchers) : v));
    Triggers triggers = new Triggers();
    triggers.setType(trigger.type());
    triggers.setName(trigger.name().orElse(null));
    triggers.setMetricType(trigger.metricType().orElse(null));
    triggers.setMetadata(metadata);
    return triggers;
  }
}
