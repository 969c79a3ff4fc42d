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
      "One ScaledObject and no other HPA per workload, and one ScaledObject per HPA name",
      WEBHOOK + " (S7, S8, S9, S10): two autoscalers on one workload fight over its replicas. An HPA owned by the ScaledObject, or"
          + " annotated validations.keda.sh/hpa-ownership: \"false\", is left alone; one the ScaledObject takes over with"
          + " scaledobject.keda.sh/transfer-hpa-ownership must be named in advanced.horizontalPodAutoscalerConfig.name.",
      (resources, f) -> {
        Map<String, String> owner = new HashMap<>();
        Map<String, String> hpaOwner = new HashMap<>();
        for (ScaledObject so : resources.ofType(ScaledObject.class)) {
          String target = target(so);
          String ns = ResourceSet.namespaceOf(so);
          if (target != null) {
            String first = owner.putIfAbsent(ns + "/" + target, so.getMetadata().getName());
            if (first != null) {
              f.add(so, "spec.scaleTargetRef", "the workload '" + so.getSpec().getScaleTargetRef().getName() + "' of type '" + gvk(so)
                  + "' is already managed by the ScaledObject '" + first + "'", "keep one ScaledObject per workload; combine the triggers");
              continue;
            }
          }
          if (so.getSpec() != null) {
            String hpaName = hpaName(so);
            String first = hpaOwner.putIfAbsent(ns + "/" + hpaName, so.getMetadata().getName());
            if (first != null) {
              f.add(so, "spec.advanced.horizontalPodAutoscalerConfig.name", "the HPA '" + hpaName + "' is already managed by the ScaledObject '"
                  + first + "'", "give each ScaledObject its own HPA name");
            }
          }
        }
        for (var hpa : resources.ofType(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class)) {
          var ref = hpa.getSpec() == null ? null : hpa.getSpec().getScaleTargetRef();
          var annotations = hpa.getMetadata().getAnnotations();
          if (ref == null || annotations != null && "false".equals(annotations.get("validations.keda.sh/hpa-ownership"))) {
            continue;
          }
          for (ScaledObject so : resources.ofType(ScaledObject.class)) {
            var sref = so.getSpec() == null ? null : so.getSpec().getScaleTargetRef();
            if (sref == null || !Objects.equals(sref.getName(), ref.getName()) || !gvk(so).equals(gvk(ref.getApiVersion(), ref.getKind()))
                || !ResourceSet.namespaceOf(so).equals(ResourceSet.namespaceOf(hpa))) {
              continue;
            }
            boolean owned = Canaries.orEmpty(hpa.getMetadata().getOwnerReferences()).stream()
                .anyMatch(o -> "ScaledObject".equals(o.getKind()) && Objects.equals(o.getName(), so.getMetadata().getName()));
            if (owned) {
              continue;
            }
            var soAnnotations = so.getMetadata().getAnnotations();
            if (soAnnotations != null && "true".equals(soAnnotations.get("scaledobject.keda.sh/transfer-hpa-ownership"))) {
              if (!hpa.getMetadata().getName().equals(customHpaName(so))) {
                f.add(so, "spec.advanced.horizontalPodAutoscalerConfig.name", "the existing hpa '" + hpa.getMetadata().getName() + "' for workload '"
                    + ref.getName() + "' of type '" + gvk(so) + "' must be specified by name in advanced settings to enable ownership transfer",
                    "set spec.advanced.horizontalPodAutoscalerConfig.name: " + hpa.getMetadata().getName());
              }
            } else {
              f.add(so, "spec.scaleTargetRef", "the workload '" + ref.getName() + "' of type '" + gvk(so) + "' is already managed by the hpa '"
                  + hpa.getMetadata().getName() + "'", "remove the HPA (KEDA creates its own), or take it over with annotation"
                  + " scaledobject.keda.sh/transfer-hpa-ownership: \"true\" and its name in advanced.horizontalPodAutoscalerConfig.name");
            }
          }
        }
      });

  public static final Rule FALLBACK = scaledObjects("KEDA-FALLBACK", Severity.ERROR,
      "fallback has non-negative numbers and a trigger that is not cpu or memory",
      WEBHOOK + " (S3, S4): fallback replaces the metrics of failing external scalers, so a ScaledObject with only cpu/memory triggers"
          + " (and no scalingModifiers) has nothing to fall back from.",
      (so, spec, f) -> {
        var fallback = spec.getFallback();
        if (fallback == null) {
          return;
        }
        int threshold = Objects.requireNonNullElse(fallback.getFailureThreshold(), 0);
        int replicas = Objects.requireNonNullElse(fallback.getReplicas(), 0);
        if (threshold < 0 || replicas < 0) {
          f.add(so, "spec.fallback", "FailureThreshold=" + threshold + " & Replicas=" + replicas + " must both be greater than or equal to 0",
              "use 0 or more, e.g. failureThreshold: 3 and replicas: 2");
        }
        boolean modifiers = spec.getAdvanced() != null && spec.getAdvanced().getScalingModifiers() != null
            && spec.getAdvanced().getScalingModifiers().getFormula() != null && !spec.getAdvanced().getScalingModifiers().getFormula().isEmpty();
        if (!modifiers && triggers(spec).stream().allMatch(t -> List.of("cpu", "memory").contains(t.getType()))) {
          f.add(so, "spec.fallback", "at least one trigger (that is not cpu or memory) has to have the `AverageValue` type for the fallback to be enabled",
              "add an external trigger such as prometheus, or remove fallback");
        }
      });

  public static final Rule FALLBACK_DISABLED = scaledObjects("KEDA-FALLBACK-SILENTLY-OFF", Severity.WARNING,
      "fallback with scalingModifiers has a whole-number target",
      "KEDA accepts a fractional scalingModifiers.target, but at run time it reads the target as an integer to compute fallback, so"
          + " fallback is silently disabled (keda.md §2, pkg/fallback/fallback.go).",
      (so, spec, f) -> {
        var mods = spec.getAdvanced() == null ? null : spec.getAdvanced().getScalingModifiers();
        if (spec.getFallback() == null || mods == null || mods.getFormula() == null || mods.getTarget() == null) {
          return;
        }
        try {
          Long.parseLong(mods.getTarget().trim());
        } catch (NumberFormatException e) {
          f.add(so, "spec.advanced.scalingModifiers.target", "scalingModifiers target " + quote(mods.getTarget())
              + " is not a whole number, so KEDA silently disables fallback", "use a whole-number target, e.g. \"1\"");
        }
      });

  public static final Rule CPU_MEMORY_REQUESTS = new CheckRule("KEDA-CPU-MEMORY-REQUESTS", Severity.ERROR,
      "cpu and memory triggers scale a workload whose containers request that resource",
      WEBHOOK + " (S12, for Deployments and StatefulSets in the set): utilisation is measured against the request; a namespace"
          + " LimitRange with a container default counts.",
      (resources, f) -> {
        for (ScaledObject so : resources.ofType(ScaledObject.class)) {
          var ref = so.getSpec() == null ? null : so.getSpec().getScaleTargetRef();
          if (ref == null) {
            continue;
          }
          String ns = ResourceSet.namespaceOf(so);
          io.fabric8.kubernetes.api.model.PodTemplateSpec template = switch (gvk(so)) {
            case "apps/v1.Deployment" -> resources.find(io.fabric8.kubernetes.api.model.apps.Deployment.class, ns, ref.getName())
                .map(d -> d.getSpec() == null ? null : d.getSpec().getTemplate()).orElse(null);
            case "apps/v1.StatefulSet" -> resources.find(io.fabric8.kubernetes.api.model.apps.StatefulSet.class, ns, ref.getName())
                .map(d -> d.getSpec() == null ? null : d.getSpec().getTemplate()).orElse(null);
            default -> null;
          };
          if (template == null || template.getSpec() == null) {
            continue;
          }
          List<Triggers> triggers = triggers(so.getSpec());
          for (int i = 0; i < triggers.size(); i++) {
            String type = triggers.get(i).getType();
            if (!List.of("cpu", "memory").contains(type) || limitRangeDefault(resources, ns, type)) {
              continue;
            }
            String only = triggers.get(i).getMetadata() == null ? null : triggers.get(i).getMetadata().get("containerName");
            for (var c : Canaries.orEmpty(template.getSpec().getContainers())) {
              if (only != null && !only.isEmpty() && !only.equals(c.getName())) {
                continue;
              }
              if (!positive(c.getResources() == null ? null : c.getResources().getRequests(), type)
                  && !positive(c.getResources() == null ? null : c.getResources().getLimits(), type)) {
                f.add(so, "spec.triggers[" + i + "]", "the scaledobject has a " + type + " trigger but the container " + c.getName()
                    + " doesn't have the " + type + " request defined", "give container " + c.getName() + " of " + ref.getName()
                    + " resources.requests." + type);
              }
            }
          }
        }
      });

  public static final Rule WORKLOAD_REF_TARGET = new CheckRule("KEDA-TARGET-ROLLOUT-WORKLOAD", Severity.ERROR,
      "A ScaledObject scales the Rollout, not the Deployment a Rollout's workloadRef points at",
      "A Rollout with workloadRef runs its own pods from the Deployment's template and scales the Deployment down; KEDA scaling that"
          + " Deployment changes nothing the Rollout serves (keda.md §4.5). Without kind, scaleTargetRef means a Deployment.",
      (resources, f) -> {
        for (ScaledObject so : resources.ofType(ScaledObject.class)) {
          var ref = so.getSpec() == null ? null : so.getSpec().getScaleTargetRef();
          if (ref == null || ref.getName() == null || !"apps/v1.Deployment".equals(gvk(so))) {
            continue;
          }
          String ns = ResourceSet.namespaceOf(so);
          for (Rollout r : resources.ofType(Rollout.class)) {
            var wr = r.getSpec() == null ? null : r.getSpec().getWorkloadRef();
            if (wr != null && ns.equals(ResourceSet.namespaceOf(r)) && "Deployment".equals(wr.getKind()) && ref.getName().equals(wr.getName())) {
              f.add(so, "spec.scaleTargetRef", "scales Deployment " + ref.getName() + ", which Rollout " + r.getMetadata().getName()
                  + " manages through workloadRef, so the Rollout's pods are not scaled",
                  "target apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: " + r.getMetadata().getName());
            }
          }
          if (ref.getKind() == null && resources.find(Rollout.class, ns, ref.getName()).isPresent()
              && resources.find(io.fabric8.kubernetes.api.model.apps.Deployment.class, ns, ref.getName()).isEmpty()) {
            f.add(so, "spec.scaleTargetRef.kind", "kind is omitted, so KEDA targets Deployment " + ref.getName() + ", but " + ref.getName()
                + " is a Rollout", "add apiVersion: argoproj.io/v1alpha1 and kind: Rollout");
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

  private static String customHpaName(ScaledObject so) {
    var config = so.getSpec().getAdvanced() == null ? null : so.getSpec().getAdvanced().getHorizontalPodAutoscalerConfig();
    return config == null || config.getName() == null || config.getName().isEmpty() ? null : config.getName();
  }

  /** The HPA KEDA creates: the custom name, else keda-hpa-NAME. */
  private static String hpaName(ScaledObject so) {
    String custom = customHpaName(so);
    return custom != null ? custom : "keda-hpa-" + so.getMetadata().getName();
  }

  private static boolean positive(Map<String, io.fabric8.kubernetes.api.model.Quantity> quantities, String resource) {
    var q = quantities == null ? null : quantities.get(resource);
    try {
      return q != null && io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(q).signum() > 0;
    } catch (IllegalArgumentException | ArithmeticException e) {
      return false;
    }
  }

  /** Whether a LimitRange in {@code namespace} gives containers a default (request or limit) of {@code resource}. */
  private static boolean limitRangeDefault(ResourceSet resources, String namespace, String resource) {
    return resources.ofType(io.fabric8.kubernetes.api.model.LimitRange.class).stream()
        .filter(l -> namespace.equals(ResourceSet.namespaceOf(l)) && l.getSpec() != null)
        .flatMap(l -> Canaries.orEmpty(l.getSpec().getLimits()).stream())
        .anyMatch(item -> "Container".equals(item.getType()) && (positive(item.getDefaultRequest(), resource) || positive(item.getDefault(), resource)));
  }

  private static String target(ScaledObject so) {
    var ref = so.getSpec() == null ? null : so.getSpec().getScaleTargetRef();
    return ref == null || ref.getName() == null ? null : gvk(so) + "/" + ref.getName();
  }

  private static String gvk(ScaledObject so) {
    var ref = so.getSpec().getScaleTargetRef();
    return gvk(ref.getApiVersion(), ref.getKind());
  }

  /** KEDA's GVK string: apiVersion defaults to apps/v1, kind to Deployment. */
  private static String gvk(String apiVersion, String kind) {
    return (apiVersion == null || apiVersion.isEmpty() ? "apps/v1" : apiVersion) + "." + kindOf(kind);
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
      CPU_MEMORY_ONLY, SCALING_MODIFIERS, IRRELEVANT_SETTINGS, PROMETHEUS_METADATA, CANARY_MINIMUM, FALLBACK, FALLBACK_DISABLED,
      CPU_MEMORY_REQUESTS, WORKLOAD_REF_TARGET);

  public static List<Rule> list() {
    return ALL;
  }
}
