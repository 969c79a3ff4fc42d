package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.Canaries.orEmpty;
import static dev.rolloutkit.rules.Canaries.steps;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.Steps;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The Argo Rollouts controller's checks that can run offline, with its exact messages
 * (argo-rollouts v1.9.1, {@code pkg/apis/rollouts/validation}), and checks it lacks. Each rule's
 * {@link Rule#rationale()} names the upstream function that makes the same decision.
 */
public final class ArgoRules {

  private ArgoRules() {}

  static final String CONTROLLER =
      "The Argo controller rejects the Rollout with an InvalidSpec condition and it does not"
          + " progress (ValidateRolloutSpec); kubectl apply accepts it, so the mistake shows only"
          + " after applying.";

  // 3.1 Rollout spec

  public static final Rule NON_NEGATIVE_FIELDS = new ArgoNonNegativeFields();

  public static final Rule PROGRESS_DEADLINE = new ArgoProgressDeadline();

  public static final Rule SELECTOR = new ArgoSelector();

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
      boolean ok =
          switch (String.valueOf(req.getOperator())) {
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

  public static final Rule RESTART_POLICY = new ArgoRestartPolicy();

  // 3.2 Strategy

  public static final Rule ONE_STRATEGY = new ArgoOneStrategy();

  public static final Rule DISTINCT_SERVICES = new ArgoDistinctServices();

  // 3.3 Canary

  public static final Rule SURGE_AND_UNAVAILABLE = new ArgoSurgeAndUnavailable();

  public static final Rule TRAFFIC_SERVICES = new ArgoTrafficServices();

  public static final Rule TRAFFIC_ONLY_FIELDS = new ArgoTrafficOnlyFields();

  public static final Rule STEP_TYPE = new ArgoStepType();

  public static final Rule SET_WEIGHT_RANGE = new ArgoSetWeightRange();

  public static final Rule PAUSE_DURATION = new ArgoPauseDuration();

  public static final Rule ROUTE_STEPS_NEED_ROUTER = new ArgoRouteStepsNeedRouter();

  public static final Rule MANAGED_ROUTES = new ArgoManagedRoutes();

  // 3.7 Gaps

  public static final Rule POD_TEMPLATE_HASH_VALUE = new ArgoPodTemplateHashValue();

  static boolean badHash(String value) {
    return value != null && !value.equals("Latest") && !value.equals("Stable");
  }

  static void hashFinding(Rollout r, AbstractRule.Findings f, String path, String value) {
    f.add(
        r,
        path,
        "podTemplateHashValue '"
            + value
            + "' is neither Latest nor Stable; Argo resolves it to an empty string",
        "use Latest (the canary) or Stable");
  }

  public static final Rule STARTING_STEP = new ArgoStartingStep();

  public static final Rule CANARY_SCALE_VALUES = new ArgoCanaryScaleValues();

  public static final Rule CANARY_REPLICAS = new ArgoCanaryReplicas();

  // 3.4 References, when the referenced objects are in the set

  public static final Rule STEP_ANALYSIS_COUNT = new ArgoStepAnalysisCount();

  public static final Rule TEMPLATE_FOUND = new ArgoTemplateNotFound();

  /** The Services a Rollout names: strategy, field, path. */
  /** The Services a Rollout names: where in spec.strategy (a JSON pointer), and its path. */
  static final String[][] SERVICE_REFS = {
    {"/canary/canaryService", "spec.strategy.canary.canaryService"},
    {"/canary/stableService", "spec.strategy.canary.stableService"},
    {"/canary/pingPong/pingService", "spec.strategy.canary.pingPong.pingService"},
    {"/canary/pingPong/pongService", "spec.strategy.canary.pingPong.pongService"},
    {"/blueGreen/activeService", "spec.strategy.blueGreen.activeService"},
    {"/blueGreen/previewService", "spec.strategy.blueGreen.previewService"}
  };

  public static final Rule SERVICE_SELECTOR = new ArgoServiceSelector();

  public static final Rule STABLE_INGRESS = new ArgoStableIngress();

  public static final Rule WORKLOAD_REF_NOT_FOUND = new ArgoWorkloadRefNotFound();

  public static final Rule STEP_PLUGIN_CONFIGURED = new ArgoStepPluginConfigured();

  static void eachStep(Canary c, BiConsumer<Integer, Steps> action) {
    List<Steps> steps = steps(c);
    for (int i = 0; i < steps.size(); i++) {
      action.accept(i, steps.get(i));
    }
  }

  static int count(Object... values) {
    int n = 0;
    for (Object v : values) {
      if (v != null) {
        n++;
      }
    }
    return n;
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  public static final Rule WEIGHT_POD_SPLIT = new ArgoWeightPodSplit();

  static final List<Rule> ALL =
      List.of(
          NON_NEGATIVE_FIELDS,
          PROGRESS_DEADLINE,
          SELECTOR,
          RESTART_POLICY,
          ONE_STRATEGY,
          DISTINCT_SERVICES,
          SURGE_AND_UNAVAILABLE,
          TRAFFIC_SERVICES,
          TRAFFIC_ONLY_FIELDS,
          STEP_TYPE,
          SET_WEIGHT_RANGE,
          PAUSE_DURATION,
          ROUTE_STEPS_NEED_ROUTER,
          MANAGED_ROUTES,
          POD_TEMPLATE_HASH_VALUE,
          STARTING_STEP,
          CANARY_SCALE_VALUES,
          STEP_ANALYSIS_COUNT,
          TEMPLATE_FOUND,
          SERVICE_SELECTOR,
          STABLE_INGRESS,
          WORKLOAD_REF_NOT_FOUND,
          STEP_PLUGIN_CONFIGURED,
          CANARY_REPLICAS,
          WEIGHT_POD_SPLIT);

  /** Every Argo rule. */
  public static List<Rule> list() {
    return ALL;
  }
}
