package dev.rolloutkit.internal;

import dev.rolloutkit.analysis.QueryTemplate;
import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectBuilder;
import dev.rolloutkit.keda.v1alpha1.scaledobjectspec.Triggers;
import dev.rolloutkit.keda.v1alpha1.scaledobjectspec.TriggersBuilder;
import dev.rolloutkit.scaling.KedaScaling;
import dev.rolloutkit.scaling.ScalingTrigger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** KedaScaling → ScaledObject targeting the Rollout. */
public final class ScaledObjectCompiler {

  private ScaledObjectCompiler() {}

  public static ScaledObject compile(KedaScaling scaling, String name, String namespace, String rollout) {
    Map<String, String> matchers = Map.of(QueryTemplate.NAMESPACE, QueryTemplate.namespaceMatcher(namespace));
    List<Triggers> triggers = scaling.triggers().stream().map(t -> trigger(t, matchers)).toList();
    return new ScaledObjectBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withNewSpec()
          .withNewScaleTargetRef().withApiVersion("argoproj.io/v1alpha1").withKind("Rollout").withName(rollout).endScaleTargetRef()
          .withIdleReplicaCount(scaling.idleReplicaCount().orElse(null))
          .withMinReplicaCount(scaling.minReplicaCount())
          .withMaxReplicaCount(scaling.maxReplicaCount())
          .withCooldownPeriod(scaling.cooldownPeriod().orElse(null))
          .withPollingInterval(scaling.pollingInterval().orElse(null))
          .withTriggers(triggers)
        .endSpec()
        .build();
  }

  private static Triggers trigger(ScalingTrigger trigger, Map<String, String> matchers) {
    Map<String, String> metadata = new LinkedHashMap<>();
    trigger.metadata().forEach((k, v) -> metadata.put(k, k.equals("query") ? QueryTemplate.of(v).render(matchers) : v));
    return new TriggersBuilder()
        .withType(trigger.type())
        .withName(trigger.name().orElse(null))
        .withMetricType(trigger.metricType().orElse(null))
        .withMetadata(metadata)
        .build();
  }

}
