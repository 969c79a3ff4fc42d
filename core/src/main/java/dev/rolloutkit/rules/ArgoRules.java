package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.Canaries.CANARY;
import static dev.rolloutkit.rules.Canaries.canary;
import static dev.rolloutkit.rules.Canaries.orEmpty;
import static dev.rolloutkit.rules.Canaries.routing;
import static dev.rolloutkit.rules.Canaries.steps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.ClusterAnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.Steps;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.TrafficRouting;
import dev.rolloutkit.profile.ArgoDuration;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

/**
 * The Argo Rollouts controller's checks that can run offline, with its exact messages (argo-rollouts v1.9.1,
 * {@code pkg/apis/rollouts/validation}), and checks it lacks. References such as "rule 37" are to
 * {@code ../shared/reference/argo-rollouts.md} §3.
 */
public final class ArgoRules {

  private ArgoRules() {}

  static final String CONTROLLER = "The Argo controller rejects the Rollout with an InvalidSpec condition and it does not progress"
      + " (ValidateRolloutSpec); kubectl apply accepts it, so the mistake shows only after applying.";

  private static Rule rollouts(String id, Severity severity, String title, String rationale, RolloutCheck check) {
    return new CheckRule(id, severity, title, rationale, (resources, findings) -> resources.ofType(Rollout.class).forEach(r -> check.visit(r, findings)));
  }

  private static Rule canaries(String id, String title, String rationale, CanaryCheck check) {
    return rollouts(id, Severity.ERROR, title, rationale, (r, findings) -> canary(r).ifPresent(c -> check.visit(r, c, findings)));
  }

  @FunctionalInterface
  interface RolloutCheck {
    void visit(Rollout rollout, AbstractRule.Findings findings);
  }

  @FunctionalInterface
  interface CanaryCheck {
    void visit(Rollout rollout, Canary canary, AbstractRule.Findings findings);
  }

  // 3.1 Rollout spec

  public static final Rule NON_NEGATIVE_FIELDS = rollouts("ARGO-SPEC-NON-NEGATIVE", Severity.ERROR,
      "replicas, minReadySeconds, revisionHistoryLimit and progressDeadlineSeconds are not negative", CONTROLLER + " (rules 1, 11–13)",
      (r, f) -> {
        if (r.getSpec() == null) {
          return;
        }
        Map<String, Integer> fields = new java.util.LinkedHashMap<>();
        fields.put("replicas", r.getSpec().getReplicas());
        fields.put("minReadySeconds", r.getSpec().getMinReadySeconds());
        fields.put("revisionHistoryLimit", r.getSpec().getRevisionHistoryLimit());
        fields.put("progressDeadlineSeconds", r.getSpec().getProgressDeadlineSeconds());
        fields.forEach((name, v) -> {
          if (v != null && v < 0) {
            f.add(r, "spec." + name, "must be greater than or equal to 0", "use a value of 0 or more");
          }
        });
      });

  public static final Rule PROGRESS_DEADLINE = rollouts("ARGO-PROGRESS-DEADLINE", Severity.ERROR,
      "progressDeadlineSeconds (default 600) is greater than minReadySeconds", CONTROLLER + " (rule 14)",
      (r, f) -> {
        if (r.getSpec() == null) {
          return;
        }
        int deadline = Objects.requireNonNullElse(r.getSpec().getProgressDeadlineSeconds(), 600);
        int minReady = Objects.requireNonNullElse(r.getSpec().getMinReadySeconds(), 0);
        if (deadline <= minReady) {
          f.add(r, "spec.progressDeadlineSeconds", "must be greater than minReadySeconds", "raise progressDeadlineSeconds above " + minReady);
        }
      });

  public static final Rule SELECTOR = rollouts("ARGO-SELECTOR", Severity.ERROR,
      "A Rollout without workloadRef has a non-empty selector that matches its template's labels", CONTROLLER + " (rules 2, 4, 7)",
      (r, f) -> {
        if (r.getSpec() == null || r.getSpec().getWorkloadRef() != null) {
          return;
        }
        LabelSelector selector = r.getSpec().getSelector();
        if (selector == null) {
          f.add(r, "spec.selector", "Rollout has missing field '.spec.selector'", "add spec.selector.matchLabels, e.g. app: " + r.getMetadata().getName());
          return;
        }
        if (orEmpty(selector.getMatchExpressions()).isEmpty() && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())) {
          f.add(r, "spec.selector", "empty selector is invalid for deployment", "select the pods by label");
          return;
        }
        var template = r.getSpec().getTemplate();
        Map<String, String> labels = template == null || template.getMetadata() == null || template.getMetadata().getLabels() == null
            ? Map.of() : template.getMetadata().getLabels();
        if (template != null && !matches(selector, labels)) {
          f.add(r, "spec.template.metadata.labels", "`selector` does not match template `labels`",
              "give the pod template the labels " + Objects.requireNonNullElse(selector.getMatchLabels(), Map.of()));
        }
      });

  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector.getMatchLabels() != null) {
      for (var e : selector.getMatchLabels().entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    for (LabelSelectorRequirement req : orEmpty(selector.getMatchExpressions())) {
      String v = labels.get(req.getKey());
      List<String> values = orEmpty(req.getValues());
      boolean ok = switch (String.valueOf(req.getOperator())) {
        case "In" -> v != null && values.contains(v);
        case "NotIn" -> v == null || !values.contains(v);
        case "Exists" -> v != null;
        case "DoesNotExist" -> v == null;
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  public static final Rule RESTART_POLICY = rollouts("ARGO-RESTART-POLICY", Severity.ERROR, "The pod template's restartPolicy is Always",
      CONTROLLER + " (rule 8, apps ValidatePodTemplateSpecForReplicaSet)",
      (r, f) -> {
        var t = r.getSpec() == null ? null : r.getSpec().getTemplate();
        String policy = t == null || t.getSpec() == null ? null : t.getSpec().getRestartPolicy();
        if (policy != null && !policy.equals("Always")) {
          f.add(r, "spec.template.spec.restartPolicy", "Unsupported value: \"" + policy + "\": supported values: \"Always\"", "remove it or use Always");
        }
      });

  // 3.2 Strategy

  public static final Rule ONE_STRATEGY = rollouts("ARGO-STRATEGY-ONE-OF", Severity.ERROR, "A Rollout has exactly one of canary and blueGreen",
      CONTROLLER + " (rules 15, 16)",
      (r, f) -> {
        if (r.getSpec() == null) {
          return;
        }
        var s = r.getSpec().getStrategy();
        boolean canary = s != null && s.getCanary() != null;
        boolean blueGreen = s != null && s.getBlueGreen() != null;
        if (!canary && !blueGreen) {
          f.add(r, "spec.strategy", "Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'", "add a canary strategy");
        } else if (canary && blueGreen) {
          f.add(r, "spec.strategy", "Multiple Strategies can not be listed", "keep one of canary and blueGreen");
        }
      });

  public static final Rule DISTINCT_SERVICES = rollouts("ARGO-DISTINCT-SERVICES", Severity.ERROR,
      "Canary and stable (or active and preview) Services are two different Services", CONTROLLER + " (rules 17, 22)",
      (r, f) -> {
        var s = r.getSpec() == null ? null : r.getSpec().getStrategy();
        if (s == null) {
          return;
        }
        var c = s.getCanary();
        if (c != null && c.getCanaryService() != null && !c.getCanaryService().isEmpty() && c.getCanaryService().equals(c.getStableService())) {
          f.add(r, CANARY + ".stableService", "This rollout uses the same service for the stable and canary services, but two different"
              + " services are required.", "name two Services, e.g. " + r.getMetadata().getName() + "-stable and -canary");
        }
        var bg = s.getBlueGreen();
        if (bg != null && bg.getActiveService() != null && bg.getActiveService().equals(bg.getPreviewService())) {
          f.add(r, "spec.strategy.blueGreen.previewService", "This rollout uses the same service for the active and preview services, but"
              + " two different services are required.", "name two Services");
        }
      });

  // 3.3 Canary

  public static final Rule SURGE_AND_UNAVAILABLE = canaries("ARGO-MAXSURGE-MAXUNAVAILABLE", "maxSurge and maxUnavailable are not both zero",
      CONTROLLER + " (rule 21): the Rollout could neither add nor remove a pod.",
      (r, c, f) -> {
        if (Canaries.isZero(c.getMaxSurge()) && Canaries.isZero(c.getMaxUnavailable())) {
          f.add(r, CANARY + ".maxSurge", "MaxSurge and MaxUnavailable both can not be zero", "allow maxSurge 1 (or 25%)");
        }
      });

  public static final Rule TRAFFIC_SERVICES = canaries("ARGO-TRAFFIC-SERVICES-REQUIRED",
      "Traffic routers that split by Service have canaryService and stableService",
      CONTROLLER + " (rules 28, 29): NGINX, ALB, SMI, Apisix, Ambassador, AppMesh, Traefik, and Istio without a destinationRule.",
      (r, c, f) -> routing(c).ifPresent(t -> {
        boolean istioHost = t.getIstio() != null && t.getIstio().getDestinationRule() == null;
        boolean needs = istioHost || t.getNginx() != null || (t.getAlb() != null && c.getPingPong() == null) || t.getSmi() != null
            || t.getApisix() != null || t.getAmbassador() != null || t.getAppMesh() != null || t.getTraefik() != null;
        if (needs && (isBlank(c.getStableService()) || isBlank(c.getCanaryService()))) {
          f.add(r, CANARY + (isBlank(c.getStableService()) ? ".stableService" : ".canaryService"),
              "Canary service and Stable service must to be set to use Traffic Routing", "set canaryService and stableService");
        }
      }));

  public static final Rule TRAFFIC_ONLY_FIELDS = canaries("ARGO-TRAFFIC-ROUTING-ONLY",
      "scaleDownDelaySeconds, dynamicStableScale and maxTrafficWeight are used only where they work", CONTROLLER + " (rules 30–33)",
      (r, c, f) -> {
        TrafficRouting t = c.getTrafficRouting();
        if (c.getScaleDownDelaySeconds() != null && t == null) {
          f.add(r, CANARY + ".scaleDownDelaySeconds", "Canary scaleDownDelaySeconds can only be used with traffic routing", "remove it");
        }
        if (Boolean.TRUE.equals(c.getDynamicStableScale()) && t == null) {
          f.add(r, CANARY + ".dynamicStableScale", "Canary dynamicStableScale can only be used with traffic routing", "remove it");
        }
        if (Boolean.TRUE.equals(c.getDynamicStableScale()) && c.getScaleDownDelaySeconds() != null) {
          f.add(r, CANARY + ".dynamicStableScale", "Canary dynamicStableScale cannot be used with scaleDownDelaySeconds", "keep one of them");
        }
        if (t != null && t.getMaxTrafficWeight() != null && t.getNginx() == null && t.getPlugins() == null) {
          f.add(r, CANARY + ".trafficRouting.maxTrafficWeight", "Canary maxTrafficWeight in traffic routing only supported in Nginx and Plugins",
              "remove maxTrafficWeight");
        }
      });

  public static final Rule STEP_TYPE = canaries("ARGO-STEP-ONE-TYPE", "Every step has exactly one step type",
      CONTROLLER + " (rules 34, 35). setCanaryScale, setHeaderRoute, setMirrorRoute and plugin are not counted by the controller,"
          + " which then silently runs only the first type of the step.",
      (r, c, f) -> eachStep(c, (i, s) -> {
        int primary = count(s.getSetWeight(), s.getPause(), s.getExperiment(), s.getAnalysis());
        int all = primary + count(s.getSetCanaryScale(), s.getSetHeaderRoute(), s.getSetMirrorRoute(), s.getPlugin());
        if (primary > 1 || all == 0) {
          f.add(r, CANARY + ".steps[" + i + "]", "Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause",
              all == 0 ? "give the step a type" : "split it into one step per type");
        }
      }));

  public static final Rule SET_WEIGHT_RANGE = canaries("ARGO-SETWEIGHT-RANGE", "setWeight is between 0 and maxTrafficWeight (default 100)",
      CONTROLLER + " (rule 36)",
      (r, c, f) -> eachStep(c, (i, s) -> {
        int max = Canaries.maxWeight(c);
        if (s.getSetWeight() != null && (s.getSetWeight() < 0 || s.getSetWeight() > max)) {
          f.add(r, CANARY + ".steps[" + i + "].setWeight", "SetWeight needs to be between 0 and " + max, "use a weight in 0.." + max);
        }
      }));

  public static final Rule PAUSE_DURATION = canaries("ARGO-PAUSE-DURATION", "Pause durations are integer seconds or Go durations, not negative",
      CONTROLLER + " (rule 37): a string that is neither (such as 1d) counts as -1.",
      (r, c, f) -> eachStep(c, (i, s) -> {
        if (s.getPause() != null && s.getPause().getDuration() != null) {
          var d = s.getPause().getDuration();
          OptionalLong seconds = d.getIntVal() != null ? OptionalLong.of(d.getIntVal()) : ArgoDuration.seconds(d.getStrVal());
          if (seconds.isEmpty() || seconds.getAsLong() < 0) {
            f.add(r, CANARY + ".steps[" + i + "].pause.duration", "Duration needs to be greater than 0",
                "use integer seconds or a Go duration such as 90s, 2m, 1h30m (there is no d unit)");
          }
        }
      }));

  public static final Rule ROUTE_STEPS_NEED_ROUTER = canaries("ARGO-ROUTE-STEPS-ROUTER",
      "setCanaryScale, setHeaderRoute and setMirrorRoute have the traffic routing they need", CONTROLLER + " (rules 38, 39, 44, 48, 49)",
      (r, c, f) -> eachStep(c, (i, s) -> {
        TrafficRouting t = c.getTrafficRouting();
        String at = CANARY + ".steps[" + i + "]";
        if (s.getSetCanaryScale() != null && t == null) {
          f.add(r, CANARY + ".trafficRouting", "SetCanaryScale requires TrafficRouting to be set", "add trafficRouting, or remove the step (" + at + ")");
        }
        if (s.getSetHeaderRoute() != null && (t == null || (t.getIstio() == null && t.getAlb() == null && t.getApisix() == null && t.getPlugins() == null))) {
          f.add(r, at + ".setHeaderRoute", "SetHeaderRoute requires TrafficRouting, supports Istio and ALB and Apisix", "route with Istio, ALB or Apisix");
        }
        if (s.getSetMirrorRoute() != null && (t == null || t.getIstio() == null)) {
          f.add(r, at + ".setMirrorRoute", "SetMirrorRoute requires TrafficRouting, supports Istio only", "route with Istio");
        }
        if (s.getExperiment() != null && t == null
            && orEmpty(s.getExperiment().getTemplates()).stream().anyMatch(x -> x.getWeight() != null)) {
          f.add(r, at + ".experiment", "Experiment template weight cannot be set unless TrafficRouting is enabled", "remove the weights");
        }
        if (s.getExperiment() != null && t != null && t.getSmi() == null && t.getAlb() == null && t.getIstio() == null && t.getPlugins() == null
            && orEmpty(s.getExperiment().getTemplates()).stream().anyMatch(x -> x.getWeight() != null)) {
          f.add(r, at + ".experiment", "Experiment template weight is only available for TrafficRouting with SMI, ALB, Istio and Plugins at this time",
              "remove the weights, or route with SMI, ALB, Istio or a plugin");
        }
      }));

  public static final Rule MANAGED_ROUTES = canaries("ARGO-MANAGED-ROUTES", "Header and mirror route steps name routes listed in managedRoutes",
      CONTROLLER + " (rules 46, 47)",
      (r, c, f) -> eachStep(c, (i, s) -> {
        String name = s.getSetHeaderRoute() != null ? s.getSetHeaderRoute().getName() : s.getSetMirrorRoute() != null ? s.getSetMirrorRoute().getName() : null;
        if (s.getSetHeaderRoute() == null && s.getSetMirrorRoute() == null) {
          return;
        }
        var managed = c.getTrafficRouting() == null ? null : c.getTrafficRouting().getManagedRoutes();
        if (managed == null) {
          f.add(r, CANARY + ".trafficRouting.managedRoutes", "Rollout has missing field 'spec.strategy.canary.trafficRouting.managedRoutes'",
              "list the route " + name + " in managedRoutes");
        } else if (managed.stream().noneMatch(m -> Objects.equals(m.getName(), name))) {
          f.add(r, CANARY + ".steps[" + i + "]", "Steps define a route that does not exist in spec.strategy.canary.trafficRouting.managedRoutes",
              "add " + name + " to managedRoutes");
        }
      }));

  // 3.7 Gaps

  public static final Rule POD_TEMPLATE_HASH_VALUE = canaries("ARGO-POD-TEMPLATE-HASH-VALUE",
      "Analysis args take podTemplateHashValue Latest or Stable",
      "Any other value (case matters) resolves silently to an empty string, so the query filters on an empty hash and sees no data"
          + " (reference §3.7, §4.6).",
      (r, c, f) -> {
        eachStep(c, (i, s) -> {
          if (s.getAnalysis() != null) {
            var args = orEmpty(s.getAnalysis().getArgs());
            for (int a = 0; a < args.size(); a++) {
              var v = args.get(a).getValueFrom() == null ? null : args.get(a).getValueFrom().getPodTemplateHashValue();
              if (badHash(v)) {
                hashFinding(r, f, CANARY + ".steps[" + i + "].analysis.args[" + a + "].valueFrom.podTemplateHashValue", v);
              }
            }
          }
        });
        if (c.getAnalysis() != null) {
          var args = orEmpty(c.getAnalysis().getArgs());
          for (int a = 0; a < args.size(); a++) {
            var v = args.get(a).getValueFrom() == null ? null : args.get(a).getValueFrom().getPodTemplateHashValue();
            if (badHash(v)) {
              hashFinding(r, f, CANARY + ".analysis.args[" + a + "].valueFrom.podTemplateHashValue", v);
            }
          }
        }
      });

  private static boolean badHash(String value) {
    return value != null && !value.equals("Latest") && !value.equals("Stable");
  }

  private static void hashFinding(Rollout r, AbstractRule.Findings f, String path, String value) {
    f.add(r, path, "podTemplateHashValue '" + value + "' is neither Latest nor Stable; Argo resolves it to an empty string",
        "use Latest (the canary) or Stable");
  }

  public static final Rule STARTING_STEP = canaries("ARGO-STARTING-STEP", "Background analysis starts at a step that exists",
      "With startingStep past the last step, background analysis never starts (reference §3.7).",
      (r, c, f) -> {
        Integer start = c.getAnalysis() == null ? null : c.getAnalysis().getStartingStep();
        if (start != null && (start < 0 || start > steps(c).size())) {
          f.add(r, CANARY + ".analysis.startingStep", "startingStep " + start + " is outside the " + steps(c).size()
              + " steps, so background analysis never starts", "use a step index from 0 to " + steps(c).size());
        }
      });

  public static final Rule CANARY_SCALE_VALUES = canaries("ARGO-SETCANARYSCALE-VALUES",
      "setCanaryScale weights are 0..100 and replicas are not negative; maxTrafficWeight is positive",
      "The controller checks none of these (reference §3.7); maxTrafficWeight is a divisor.",
      (r, c, f) -> {
        eachStep(c, (i, s) -> {
          var scale = s.getSetCanaryScale();
          if (scale != null && scale.getWeight() != null && (scale.getWeight() < 0 || scale.getWeight() > 100)) {
            f.add(r, CANARY + ".steps[" + i + "].setCanaryScale.weight", "setCanaryScale weight " + scale.getWeight() + " is outside 0..100", "use 0..100");
          }
          if (scale != null && scale.getReplicas() != null && scale.getReplicas() < 0) {
            f.add(r, CANARY + ".steps[" + i + "].setCanaryScale.replicas", "setCanaryScale replicas " + scale.getReplicas() + " is negative", "use 0 or more");
          }
        });
        routing(c).map(TrafficRouting::getMaxTrafficWeight).filter(w -> w <= 0).ifPresent(w ->
            f.add(r, CANARY + ".trafficRouting.maxTrafficWeight", "maxTrafficWeight " + w + " must be greater than 0", "use 100, or leave it out"));
      });

  public static final Rule CANARY_REPLICAS = new CheckRule("ARGO-CANARY-REPLICAS", Severity.WARNING,
      "A canary Rollout that no ScaledObject scales has at least 2 replicas",
      "With one replica (the default when replicas is unset) stable and canary cannot run side by side: the canary step replaces the"
          + " only pod or adds one that takes far more than its weight (the source documents' 'fewer than 2 replicas while a canary runs')."
          + " A Rollout scaled by KEDA is judged by KEDA-CANARY-MIN-REPLICAS instead.",
      (resources, f) -> {
        for (Rollout r : resources.ofType(Rollout.class)) {
          if (canary(r).isEmpty() || r.getSpec().getReplicas() != null && r.getSpec().getReplicas() >= 2) {
            continue;
          }
          String ns = ResourceSet.namespaceOf(r);
          boolean scaled = resources.ofType(dev.rolloutkit.keda.v1alpha1.ScaledObject.class).stream().anyMatch(so -> so.getSpec() != null
              && so.getSpec().getScaleTargetRef() != null && "Rollout".equals(so.getSpec().getScaleTargetRef().getKind())
              && r.getMetadata().getName().equals(so.getSpec().getScaleTargetRef().getName()) && ns.equals(ResourceSet.namespaceOf(so)));
          if (!scaled) {
            Integer n = r.getSpec().getReplicas();
            f.add(r, "spec.replicas", "Rollout " + r.getMetadata().getName() + " runs its canary with " + (n == null ? "1 replica (replicas unset)"
                : n + (n == 1 ? " replica" : " replicas")) + ", fewer than the 2 a canary needs", "set replicas: 2 or more, or scale it with a"
                + " ScaledObject whose minReplicaCount is at least 2");
          }
        }
      });

  // 3.4 References, when the referenced objects are in the set

  public static final Rule STEP_ANALYSIS_COUNT = new CheckRule("ARGO-STEP-ANALYSIS-COUNT", Severity.ERROR,
      "Metrics of step and blue-green promotion analysis templates have a finite count",
      "The controller rejects a Rollout whose step, pre-promotion or post-promotion analysis runs a metric with an interval and no"
          + " count (rule 62): it would run indefinitely and the rollout would never go on. Background analysis may run indefinitely.",
      (resources, f) -> {
        for (AnalysisUses.Use use : AnalysisUses.of(resources)) {
          if (use.kind() == AnalysisUses.Kind.BACKGROUND) {
            continue;
          }
          use.templates().ifPresent(templates -> templates.forEach(t -> resources.tree(t).path("spec").path("metrics").forEach(m -> {
            String count = m.hasNonNull("count") ? m.path("count").asText() : null;
            if (m.hasNonNull("interval") && (count == null || "0".equals(count))) {
              String name = m.path("name").asText();
              f.add(use.rollout(), use.pathOf(t), "AnalysisTemplate " + t.getMetadata().getName() + " has metric " + name
                  + " which runs indefinitely. Invalid value for count: " + (count == null ? "<nil>" : count), "give metric " + name + " a count");
            }
          })));
        }
      });

  public static final Rule TEMPLATE_FOUND = new CheckRule("ARGO-ANALYSIS-TEMPLATE-NOT-FOUND", Severity.ERROR,
      "AnalysisTemplates a Rollout refers to are among the resources",
      "The controller rejects the Rollout when a referenced template does not exist (rule 54). Checked only when the set holds"
          + " analysis templates at all, so linting a folder without them does not flag templates installed separately.",
      (resources, f) -> {
        if (!resources.anyOfType(AnalysisTemplate.class) && !resources.anyOfType(ClusterAnalysisTemplate.class)) {
          return;
        }
        for (AnalysisUses.Use use : AnalysisUses.of(resources)) {
          for (AnalysisUses.TemplateRef ref : use.refs()) {
            boolean found = ref.cluster()
                ? resources.ofType(ClusterAnalysisTemplate.class).stream().anyMatch(x -> x.getMetadata().getName().equals(ref.name()))
                : resources.find(AnalysisTemplate.class, ResourceSet.namespaceOf(use.rollout()), ref.name()).isPresent();
            if (!found) {
              f.add(use.rollout(), ref.path() + ".templateName", (ref.cluster() ? "ClusterAnalysisTemplate" : "AnalysisTemplate") + " '"
                  + ref.name() + "' not found", "apply the template with the Rollout, or correct the name");
            }
          }
        }
      });

  /** The Services a Rollout names: strategy, field, path. */
  private static final String[][] SERVICE_REFS = {{"canary", "canaryService", "spec.strategy.canary.canaryService"},
      {"canary", "stableService", "spec.strategy.canary.stableService"}, {"blueGreen", "activeService", "spec.strategy.blueGreen.activeService"},
      {"blueGreen", "previewService", "spec.strategy.blueGreen.previewService"}};

  public static final Rule SERVICE_SELECTOR = new CheckRule("ARGO-SERVICE-SELECTOR", Severity.ERROR,
      "Services a Rollout uses select its pods and are not managed by another Rollout",
      "The controller rejects the Rollout when a canary, stable, active or preview Service's selector has a label its pod template"
          + " lacks (rule 52), or when the Service is annotated as managed by another Rollout (rule 53).",
      (resources, f) -> {
        for (Rollout r : resources.ofType(Rollout.class)) {
          JsonNode spec = resources.tree(r).path("spec");
          JsonNode strategy = spec.path("strategy");
          JsonNode labels = spec.path("template").path("metadata").path("labels");
          boolean workloadRef = r.getSpec() != null && r.getSpec().getWorkloadRef() != null;
          for (String[] ref : SERVICE_REFS) {
            String name = strategy.path(ref[0]).path(ref[1]).asText("");
            if (name.isEmpty()) {
              continue;
            }
            String at = ref[2];
            resources.find(Service.class, ResourceSet.namespaceOf(r), name).ifPresent(svc -> {
              String manager = svc.getMetadata().getAnnotations() == null ? null
                  : svc.getMetadata().getAnnotations().get("argo-rollouts.argoproj.io/managed-by-rollouts");
              if (manager != null && !manager.equals(r.getMetadata().getName())) {
                f.add(r, at, "Service \"" + name + "\" is managed by another Rollout", "Rollout " + manager + " manages Service " + name
                    + "; give this Rollout its own Service");
              }
              if (workloadRef) {
                return; // the pod labels come from the referenced workload
              }
              Map<String, String> selector = svc.getSpec() == null ? null : svc.getSpec().getSelector();
              Objects.requireNonNullElse(selector, Map.<String, String>of()).forEach((k, v) -> {
                if (!k.equals("rollouts-pod-template-hash") && !v.equals(labels.path(k).asText(null))) {
                  f.add(r, at, "Service \"" + name + "\" has unmatch label \"" + k + "\" in rollout",
                      "give the pod template " + k + ": " + v + ", or change the Service's selector");
                }
              });
            });
          }
        }
      });

  public static final Rule STABLE_INGRESS = new CheckRule("ARGO-STABLE-INGRESS", Severity.ERROR,
      "NGINX and ALB routing name one stable Ingress form, and the Ingress routes to the stable Service",
      "The controller rejects the Rollout when NGINX has both or neither of stableIngress and stableIngresses, ALB both or neither of"
          + " ingress and ingresses (rules 65, 66), or when the Ingress has no rule whose backend is the stableService (NGINX) or the"
          + " rootService or stableService (ALB) (rule 68): it copies or patches those rules for the canary.",
      (resources, f) -> {
        for (Rollout r : resources.ofType(Rollout.class)) {
          JsonNode canary = resources.tree(r).path("spec").path("strategy").path("canary");
          JsonNode routing = canary.path("trafficRouting");
          String stable = canary.path("stableService").asText("");
          for (String[] router : new String[][] {{"nginx", "stableIngress", "stableIngresses", "StableIngress or StableIngresses"},
              {"alb", "ingress", "ingresses", "Ingress or Ingresses"}}) {
            JsonNode cfg = routing.path(router[0]);
            if (!cfg.isObject()) {
              continue;
            }
            String at = CANARY + ".trafficRouting." + router[0];
            boolean one = cfg.hasNonNull(router[1]);
            boolean many = cfg.path(router[2]).size() > 0;
            if (one == many) {
              f.add(r, at, "Either " + router[3] + " must be configured. " + (one ? "Both are configured." : "Neither are configured."),
                  "set " + router[1] + " (or " + router[2] + "), not both");
              continue;
            }
            List<String> backends = router[0].equals("alb") && !cfg.path("rootService").asText("").isEmpty()
                ? List.of(cfg.path("rootService").asText(), stable) : List.of(stable);
            List<String[]> ingresses = new ArrayList<>();
            if (one) {
              ingresses.add(new String[] {cfg.path(router[1]).asText(), at + "." + router[1]});
            } else {
              for (int i = 0; i < cfg.path(router[2]).size(); i++) {
                ingresses.add(new String[] {cfg.path(router[2]).get(i).asText(), at + "." + router[2] + "[" + i + "]"});
              }
            }
            for (String[] ing : ingresses) {
              resources.find(Ingress.class, ResourceSet.namespaceOf(r), ing[0]).ifPresent(ingress -> {
                boolean routes = ingress.getSpec() != null && orEmpty(ingress.getSpec().getRules()).stream()
                    .filter(rule -> rule.getHttp() != null).flatMap(rule -> orEmpty(rule.getHttp().getPaths()).stream())
                    .anyMatch(p -> p.getBackend() != null && p.getBackend().getService() != null && backends.contains(p.getBackend().getService().getName()));
                if (!routes) {
                  f.add(r, ing[1], "ingress `" + ing[0] + "` has no rules using service " + backends.get(0) + " backend",
                      "point a rule of Ingress " + ing[0] + " at Service " + backends.get(0));
                }
              });
            }
          }
        }
      });

  static void eachStep(Canary c, BiConsumer<Integer, Steps> action) {
    List<Steps> steps = steps(c);
    for (int i = 0; i < steps.size(); i++) {
      action.accept(i, steps.get(i));
    }
  }

  private static int count(Object... values) {
    int n = 0;
    for (Object v : values) {
      if (v != null) {
        n++;
      }
    }
    return n;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static final List<Rule> ALL = List.of(NON_NEGATIVE_FIELDS, PROGRESS_DEADLINE, SELECTOR, RESTART_POLICY, ONE_STRATEGY,
      DISTINCT_SERVICES, SURGE_AND_UNAVAILABLE, TRAFFIC_SERVICES, TRAFFIC_ONLY_FIELDS, STEP_TYPE, SET_WEIGHT_RANGE, PAUSE_DURATION,
      ROUTE_STEPS_NEED_ROUTER, MANAGED_ROUTES, POD_TEMPLATE_HASH_VALUE, STARTING_STEP, CANARY_SCALE_VALUES, STEP_ANALYSIS_COUNT,
      TEMPLATE_FOUND, SERVICE_SELECTOR, STABLE_INGRESS, CANARY_REPLICAS);

  /** Every Argo rule. */
  public static List<Rule> list() {
    return ALL;
  }
}
