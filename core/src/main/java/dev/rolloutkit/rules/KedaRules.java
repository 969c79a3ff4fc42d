package dev.rolloutkit.rules;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.scaledobjectspec.Triggers;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * KEDA's ScaledObject admission checks ({@code apis/keda/v1alpha1/scaledobject_webhook.go} at
 * v2.20.2, errors and warnings) with KEDA's messages, and what the webhook leaves unchecked. The
 * webhook fails open when it is unavailable, so these catch what a cluster might let through.
 */
public final class KedaRules {

  private KedaRules() {}

  static List<Triggers> triggers(dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec spec) {
    return spec.getTriggers() == null ? List.of() : spec.getTriggers();
  }

  /** KEDA's effective minimum: 0 when unset; when set, the value if above 0, else 1. */
  static int effectiveMin(Integer min) {
    return min == null ? 0 : min > 0 ? min : 1;
  }

  public static final Rule REPLICA_BOUNDS = new KedaReplicaBounds();

  public static final Rule IDLE_ONLY_ZERO = new KedaIdleOnlyZero();

  public static final Rule NAME_LENGTH = new KedaNameLength();

  public static final Rule ONE_SCALER_PER_TARGET = new KedaOneScalerPerTarget();

  public static final Rule FALLBACK = new KedaFallback();

  public static final Rule FALLBACK_DISABLED = new KedaFallbackDisabled();

  public static final Rule CPU_MEMORY_REQUESTS = new KedaCpuMemoryRequests();

  public static final Rule WORKLOAD_REF_TARGET = new KedaWorkloadRefTarget();

  public static final Rule TARGET_KIND = new KedaTargetKind();

  public static final Rule TARGET_NOT_FOUND = new KedaTargetNotFound();

  public static final Rule TRIGGERS = new KedaTriggers();

  public static final Rule CPU_MEMORY_ONLY = new KedaCpuMemoryOnly();

  public static final Rule SCALING_MODIFIERS = new KedaScalingModifiers();

  public static final Rule IRRELEVANT_SETTINGS = new KedaIrrelevantSettings();

  public static final Rule PROMETHEUS_METADATA = new KedaPrometheusMetadata();

  public static final Rule CANARY_MINIMUM = new KedaCanaryMinimum();

  public static final Rule TRIGGER_AUTHENTICATION = new KedaTriggerAuthentication();

  public static final Rule ACTIVATION_FROM_SCALED_PODS = new KedaActivationFromScaledPods();

  public static final Rule IDLES_ROLLOUT_MID_CANARY = new KedaIdlesRolloutMidCanary();

  /**
   * Whether the workload may go to zero replicas: minReplicaCount unset or 0, or idleReplicaCount
   * 0.
   */
  static boolean scalesToZero(dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec spec) {
    Integer min = spec.getMinReplicaCount();
    return min == null || min == 0 || Objects.equals(spec.getIdleReplicaCount(), 0);
  }

  static String customHpaName(ScaledObject so) {
    var config =
        so.getSpec().getAdvanced() == null
            ? null
            : so.getSpec().getAdvanced().getHorizontalPodAutoscalerConfig();
    return config == null || config.getName() == null || config.getName().isEmpty()
        ? null
        : config.getName();
  }

  /** The HPA KEDA creates: the custom name, else keda-hpa-NAME. */
  static String hpaName(ScaledObject so) {
    String custom = customHpaName(so);
    return custom != null ? custom : "keda-hpa-" + so.getMetadata().getName();
  }

  static boolean positive(
      Map<String, io.fabric8.kubernetes.api.model.Quantity> quantities, String resource) {
    var q = quantities == null ? null : quantities.get(resource);
    try {
      return q != null && io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(q).signum() > 0;
    } catch (IllegalArgumentException | ArithmeticException e) {
      return false;
    }
  }

  /**
   * Whether a LimitRange in {@code namespace} gives containers a default (request or limit) of
   * {@code resource}.
   */
  static boolean limitRangeDefault(ResourceSet resources, String namespace, String resource) {
    return resources.ofType(io.fabric8.kubernetes.api.model.LimitRange.class).stream()
        .filter(l -> namespace.equals(ResourceSet.namespaceOf(l)) && l.getSpec() != null)
        .flatMap(l -> Canaries.orEmpty(l.getSpec().getLimits()).stream())
        .anyMatch(
            item ->
                "Container".equals(item.getType())
                    && (positive(item.getDefaultRequest(), resource)
                        || positive(item.getDefault(), resource)));
  }

  static String target(ScaledObject so) {
    var ref = so.getSpec() == null ? null : so.getSpec().getScaleTargetRef();
    return ref == null || ref.getName() == null ? null : gvk(so) + "/" + ref.getName();
  }

  static String gvk(ScaledObject so) {
    var ref = so.getSpec().getScaleTargetRef();
    return gvk(ref.getApiVersion(), ref.getKind());
  }

  /** KEDA's GVK string: apiVersion defaults to apps/v1, kind to Deployment. */
  static String gvk(String apiVersion, String kind) {
    return (apiVersion == null || apiVersion.isEmpty() ? "apps/v1" : apiVersion)
        + "."
        + kindOf(kind);
  }

  static String kindOf(String kind) {
    return kind == null ? "Deployment" : kind;
  }

  static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }

  static String quote(String s) {
    return "\"" + s + "\"";
  }

  static final List<Rule> ALL =
      List.of(
          REPLICA_BOUNDS,
          IDLE_ONLY_ZERO,
          NAME_LENGTH,
          ONE_SCALER_PER_TARGET,
          TARGET_KIND,
          TARGET_NOT_FOUND,
          TRIGGERS,
          CPU_MEMORY_ONLY,
          SCALING_MODIFIERS,
          IRRELEVANT_SETTINGS,
          PROMETHEUS_METADATA,
          CANARY_MINIMUM,
          FALLBACK,
          FALLBACK_DISABLED,
          CPU_MEMORY_REQUESTS,
          WORKLOAD_REF_TARGET,
          TRIGGER_AUTHENTICATION,
          ACTIVATION_FROM_SCALED_PODS,
          IDLES_ROLLOUT_MID_CANARY);

  public static List<Rule> list() {
    return ALL;
  }
}
