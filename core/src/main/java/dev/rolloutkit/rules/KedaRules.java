package dev.rolloutkit.rules;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.scaledobjectspec.Triggers;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * KEDA's ScaledObject admission checks (v2.20.2 webhook, S1–S15, T1–T3, warnings W1–W2) with KEDA's messages, and what
 * the webhook leaves unchecked (reference keda.md §2). The webhook fails open when it is unavailable, so these catch
 * what a cluster might let through.
 */
public final class KedaRules {

  private KedaRules() {}

  private static final String WEBHOOK = "KEDA's admission webhook rejects the ScaledObject (and accepts it when the webhook is down).";

  @FunctionalInterface
  interface SoCheck {
    void visit(ScaledObject so, dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec spec, AbstractRule.Findings findings);
  }

  private static Rule scaledObjects(String id, Severity severity, String title, String rationale, SoCheck check) {
    return new CheckRule(id, severity, title, rationale, (resources, f) -> resources.ofType(ScaledObject.class).forEach(so -> {
      if (so.getSpec() != null) {
        check.visit(so, so.getSpec(), f);
      }
    }));
  }

  private static List<Triggers> triggers(dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec spec) {
    return spec.getTriggers() == null ? List.of() : spec.getTriggers();
  }

  /** KEDA's effective minimum: 0 when unset; when set, the value if above 0, else 1. */
  static int effectiveMin(Integer min) {
    return min == null ? 0 : min > 0 ? min : 1;
  }

  public static final Rule REPLICA_BOUNDS = scaledObjects("KEDA-REPLICA-BOUNDS", Severity.ERROR,
      "minReplicaCount ≤ maxReplicaCount and idleReplicaCount < the effective minimum", WEBHOOK + " (S1, S2; an explicit"
          + " minReplicaCount of 0 counts as 1, so idle 0 with min unset is rejected and with min 0 is accepted)",
      (so, spec, f) -> {
        int min = effectiveMin(spec.getMinReplicaCount());
        int max = Objects.requireNonNullElse(spec.getMaxReplicaCount(), 100);
        if (min > max) {
          f.add(so, "spec.minReplicaCount", "MinReplicaCount=" + min + " must be less than MaxReplicaCount=" + max, "lower minReplicaCount or raise maxReplicaCount");
        }
        if (spec.getIdleReplicaCount() != null && spec.getIdleReplicaCount() >= min) {
          f.add(so, "spec.idleReplicaCount", "IdleReplicaCount=" + spec.getIdleReplicaCount() + " must be less than MinReplicaCount=" + min,
              "set minReplicaCount (the minimum while active) to at least 1, e.g. 2");
        }
      });

  public static final Rule IDLE_ONLY_ZERO = scaledObjects("KEDA-IDLE-ONLY-ZERO", Severity.ERROR, "idleReplicaCount, when set, is 0",
      "KEDA accepts other values but they do not work: the HPA scales any other idle count straight back up (kedacore/keda#2314).",
      (so, spec, f) -> {
        if (spec.getIdleReplicaCount() != null && spec.getIdleReplicaCount() != 0) {
          f.add(so, "spec.idleReplicaCount", "idleReplicaCount " + spec.getIdleReplicaCount() + " does not work; only 0 is supported",
              "use idleReplicaCount: 0, or remove it");
        }
      });

  public static final Rule NAME_LENGTH = scaledObjects("KEDA-NAME-LENGTH", Severity.ERROR,
      "The ScaledObject's name fits the label and the derived HPA name", WEBHOOK + " (S5, S6: the HPA is keda-hpa-<name>, so at most 54"
          + " characters without a custom HPA name)",
      (so, spec, f) -> {
        String name = so.getMetadata().getName();
        if (name == null) {
          return;
        }
        if (name.length() > 63) {
          f.add(so, "metadata.name", String.format("scaledobject name %s is %d characters long; must be no more than %d characters because it is"
              + " used as the %s label value", quote(name), name.length(), 63, quote("scaledobject.keda.sh/name")), "shorten the name");
        }
        var hpaConfig = spec.getAdvanced() == null ? null : spec.getAdvanced().getHorizontalPodAutoscalerConfig();
        String hpa = hpaConfig != null && hpaConfig.getName() != null ? hpaConfig.getName() : "keda-hpa-" + name;
        if (hpa.length() > 63) {
          f.add(so, "metadata.name", String.format("HPA name %s derived from scaledobject is %d characters long; must be no more than %d characters;"
              + " set spec.advanced.horizontalPodAutoscalerConfig.name to a shorter name or shorten the scaledobject name", quote(hpa), hpa.length(), 63),
              "shorten the name to at most 54 characters");
        }
      });

  public static final Rule ONE_SCALER_PER_TARGET = new CheckRule("KEDA-ONE-SCALER-PER-TARGET", Severity.ERROR,
      "One ScaledObject and no other HPA per workload", WEBHOOK + " (S7, S9): two autoscalers on one workload fight over its replicas.",
      (resources, f) -> {
        Map<String, String> owner = new HashMap<>();
        for (ScaledObject so : resources.ofType(ScaledObject.class)) {
          String target = target(so);
          if (target == null) {
            continue;
          }
          String key = ResourceSet.namespaceOf(so) + "/" + target;
          String first = owner.putIfAbsent(key, so.getMetadata().getName());
          if (first != null) {
            f.add(so, "spec.scaleTargetRef", "the workload '" + so.getSpec().getScaleTargetRef().getName() + "' of type '" + gvk(so)
                + "' is already managed by the ScaledObject '" + first + "'", "keep one ScaledObject per workload; combine the triggers");
          }
        }
        for (var hpa : resources.ofType(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class)) {
          var ref = hpa.getSpec() == null ? null : hpa.getSpec().getScaleTargetRef();
          if (ref == null) {
            continue;
          }
          for (ScaledObject so : resources.ofType(ScaledObject.class)) {
            var sref = so.getSpec() == null ? null : so.getSpec().getScaleTargetRef();
            if (sref != null && Objects.equals(sref.getName(), ref.getName()) && Objects.equals(kindOf(sref.getKind()), ref.getKind())
                && ResourceSet.namespaceOf(so).equals(ResourceSet.namespaceOf(hpa))) {
              f.add(so, "spec.scaleTargetRef", "the workload '" + ref.getName() + "' of type '" + gvk(so) + "' is already managed by the hpa '"
                  + hpa.getMetadata().getName() + "'", "remove the HPA: KEDA creates its own");
            }
          }
        }
      });

  public static final Rule TARGET_KIND = scaledObjects("KEDA-TARGET-KIND", Severity.ERROR,
      "scaleTargetRef names the kind when it names an apiVersion other than apps/v1",
      "Without kind KEDA assumes Deployment, so apiVersion argoproj.io/v1alpha1 alone targets the non-existent"
          + " argoproj.io/v1alpha1.Deployment instead of the Rollout (keda.md §4.5).",
      (so, spec, f) -> {
        var ref = spec.getScaleTargetRef();
        if (ref != null && ref.getKind() == null && ref.getApiVersion() != null && !ref.getApiVersion().equals("apps/v1")) {
          f.add(so, "spec.scaleTargetRef.kind", "kind is omitted, so KEDA targets " + ref.getApiVersion() + ".Deployment " + ref.getName(),
              "add kind: Rollout (or the kind you mean)");
        }
      });

  public static final Rule TRIGGERS = scaledObjects("KEDA-TRIGGERS", Severity.ERROR,
      "At least one trigger; trigger names unique; useCachedMetrics only where supported", WEBHOOK + " (T1–T3)",
      (so, spec, f) -> {
        if (triggers(spec).isEmpty()) {
          f.add(so, "spec.triggers", "no triggers defined in the ScaledObject/ScaledJob", "add a trigger");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < triggers(spec).size(); i++) {
          Triggers t = triggers(spec).get(i);
          if (t.getName() != null && !t.getName().isEmpty() && !names.add(t.getName())) {
            f.add(so, "spec.triggers[" + i + "].name", "triggerName " + quote(t.getName()) + " is defined multiple times in the"
                + " ScaledObject/ScaledJob, but it must be unique", "rename one of them");
          }
          if (Boolean.TRUE.equals(t.getUseCachedMetrics()) && List.of("cpu", "memory", "cron").contains(t.getType())) {
            f.add(so, "spec.triggers[" + i + "].useCachedMetrics", "property \"useCachedMetrics\" is not supported for " + quote(t.getType())
                + " scaler", "remove useCachedMetrics");
          }
        }
      });

  public static final Rule CPU_MEMORY_ONLY = scaledObjects("KEDA-CPU-MEMORY-SCALE-TO-ZERO", Severity.ERROR,
      "Triggers that are all cpu/memory do not try to scale to zero",
      "KEDA rejects it for Deployments and StatefulSets (S13) and silently never scales to zero for other targets such as a Rollout:"
          + " cpu and memory triggers are always active.",
      (so, spec, f) -> {
        boolean cpuOnly = !triggers(spec).isEmpty() && triggers(spec).stream().allMatch(t -> List.of("cpu", "memory").contains(t.getType()));
        if (cpuOnly && scalesToZero(spec)) {
          f.add(so, "spec.minReplicaCount", "scaledobject has only cpu/memory triggers AND minReplica is 0 (scale to zero doesn't work in this case)",
              "set minReplicaCount to at least 1, or add an event trigger");
        }
      });

  public static final Rule SCALING_MODIFIERS = scaledObjects("KEDA-SCALING-MODIFIERS", Severity.ERROR,
      "scalingModifiers have a formula, and a target with the formula", WEBHOOK + " (S14, S15, S19)",
      (so, spec, f) -> {
        var mods = spec.getAdvanced() == null ? null : spec.getAdvanced().getScalingModifiers();
        boolean any = mods != null && (mods.getFormula() != null || mods.getTarget() != null || mods.getActivationTarget() != null
            || mods.getMetricType() != null);
        String formula = mods == null ? null : mods.getFormula();
        if (any && (formula == null || formula.isEmpty())) {
          f.add(so, "spec.advanced.scalingModifiers.formula", "error ScalingModifiers.Formula is mandatory", "add a formula");
        } else if (any && (mods.getTarget() == null || mods.getTarget().isEmpty())) {
          f.add(so, "spec.advanced.scalingModifiers.target", "error validating formula in ScalingModifiers\nformula is given but target is empty",
              "add a target");
        }
        if (spec.getFallback() != null && spec.getFallback().getBehavior() != null
            && "scalingModifiers".equals(spec.getFallback().getBehavior().getValue()) && (formula == null || formula.isEmpty())) {
          f.add(so, "spec.fallback.behavior", "scalingModifiers fallback behavior requires scalingModifiers.formula to be defined", "add a formula");
        }
      });

  public static final Rule IRRELEVANT_SETTINGS = scaledObjects("KEDA-IRRELEVANT-SETTINGS", Severity.WARNING,
      "pollingInterval and cooldownPeriod are set only where they matter", "KEDA warns (W1, W2): both only matter when the workload can"
          + " scale to zero (minReplicaCount 0 or idleReplicaCount 0), pollingInterval also with useCachedMetrics.",
      (so, spec, f) -> {
        boolean toZero = scalesToZero(spec);
        boolean cached = triggers(spec).stream().anyMatch(t -> Boolean.TRUE.equals(t.getUseCachedMetrics()));
        if (spec.getPollingInterval() != null && !toZero && !cached) {
          f.add(so, "spec.pollingInterval", "PollingInterval is configured but is not relevant. PollingInterval is only relevant when"
              + " minReplicaCount = 0 or idleReplicaCount = 0 or useCachedMetrics is enabled", "remove it");
        }
        if (spec.getCooldownPeriod() != null && !toZero) {
          f.add(so, "spec.cooldownPeriod", "CooldownPeriod is configured but is not relevant. CooldownPeriod is only relevant when"
              + " minReplicaCount = 0 or idleReplicaCount = 0", "remove it, or scale to zero with idleReplicaCount: 0");
        }
      });

  public static final Rule PROMETHEUS_METADATA = scaledObjects("KEDA-PROMETHEUS-METADATA", Severity.ERROR,
      "Prometheus triggers have serverAddress, query and a numeric threshold, and no metricName",
      "KEDA checks these only when it builds the scaler (Ready=False, an event); metricName was removed in v2.12 and is ignored.",
      (so, spec, f) -> {
        for (int i = 0; i < triggers(spec).size(); i++) {
          Triggers t = triggers(spec).get(i);
          if (!"prometheus".equals(t.getType())) {
            continue;
          }
          Map<String, String> m = Objects.requireNonNullElse(t.getMetadata(), Map.of());
          for (String key : List.of("serverAddress", "query", "threshold")) {
            if (m.getOrDefault(key, "").isBlank() && !m.containsKey(key + "FromEnv")) {
              f.add(so, "spec.triggers[" + i + "].metadata." + key, "prometheus trigger is missing " + key, "add " + key);
            }
          }
          for (String key : List.of("threshold", "activationThreshold")) {
            if (m.containsKey(key) && !isNumber(m.get(key))) {
              f.add(so, "spec.triggers[" + i + "].metadata." + key, key + " " + quote(m.get(key)) + " is not a number", "use a number, quoted");
            }
          }
          if (m.containsKey("metricName")) {
            f.add(so, "spec.triggers[" + i + "].metadata.metricName", "metricName was removed in KEDA v2.12 and is ignored", "remove it");
          }
        }
      });

  public static final Rule CANARY_MINIMUM = new CheckRule("KEDA-CANARY-MIN-REPLICAS", Severity.ERROR,
      "A ScaledObject on a canary Rollout keeps at least 2 replicas while active",
      "With minReplicaCount 0 (or 1) a canary can run on one pod or none, and the Rollout's weights stop meaning anything (the MCP"
          + " article's 'most common mistake'). Scale to zero with idleReplicaCount: 0 and keep minReplicaCount >= 2.",
      (resources, f) -> {
        for (ScaledObject so : resources.ofType(ScaledObject.class)) {
          var ref = so.getSpec() == null ? null : so.getSpec().getScaleTargetRef();
          if (ref == null || !"Rollout".equals(ref.getKind())) {
            continue;
          }
          resources.find(Rollout.class, ResourceSet.namespaceOf(so), ref.getName())
              .filter(r -> Canaries.canary(r).isPresent())
              .ifPresent(r -> {
                int min = Objects.requireNonNullElse(so.getSpec().getMinReplicaCount(), 0);
                if (min < 2) {
                  f.add(so, "spec.minReplicaCount", "minReplicaCount " + min + " lets the canary Rollout " + r.getMetadata().getName()
                      + " run on fewer than 2 pods while active", "use idleReplicaCount: 0 with minReplicaCount: 2 or more");
                }
              });
        }
      });

  /** Whether the workload may go to zero replicas: minReplicaCount unset or 0, or idleReplicaCount 0. */
  static boolean scalesToZero(dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec spec) {
    Integer min = spec.getMinReplicaCount();
    return min == null || min == 0 || Objects.equals(spec.getIdleReplicaCount(), 0);
  }

  private static String target(ScaledObject so) {
    var ref = so.getSpec() == null ? null : so.getSpec().getScaleTargetRef();
    return ref == null || ref.getName() == null ? null : gvk(so) + "/" + ref.getName();
  }

  private static String gvk(ScaledObject so) {
    var ref = so.getSpec().getScaleTargetRef();
    return Objects.requireNonNullElse(ref.getApiVersion(), "apps/v1") + "." + kindOf(ref.getKind());
  }

  private static String kindOf(String kind) {
    return kind == null ? "Deployment" : kind;
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  private static final List<Rule> ALL = List.of(REPLICA_BOUNDS, IDLE_ONLY_ZERO, NAME_LENGTH, ONE_SCALER_PER_TARGET, TARGET_KIND, TRIGGERS,
      CPU_MEMORY_ONLY, SCALING_MODIFIERS, IRRELEVANT_SETTINGS, PROMETHEUS_METADATA, CANARY_MINIMUM);

  public static List<Rule> list() {
    return ALL;
  }
}
