package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import java.util.List;
import java.util.regex.Pattern;

/**
 * More of the controller's Rollout spec checks (reference §3.1–3.3): workload references, blue-green limits, anti-affinity,
 * ping-pong, header and mirror route matches, and downward-API arguments. Read from the Rollout's tree, so every
 * router and step shape is covered the same way.
 */
public final class ArgoSpecRules {

  private ArgoSpecRules() {}

  private static final String CONTROLLER = ArgoRules.CONTROLLER;
  private static final String C = Canaries.CANARY;

  @FunctionalInterface
  interface TreeCheck {
    void visit(Rollout rollout, JsonNode spec, AbstractRule.Findings findings);
  }

  private static Rule trees(String id, String title, String rationale, TreeCheck check) {
    return new CheckRule(id, Severity.ERROR, title, rationale, (resources, f) -> resources.ofType(Rollout.class)
        .forEach(r -> check.visit(r, resources.tree(r).path("spec"), f)));
  }

  public static final Rule WORKLOAD_REF_TEMPLATE = trees("ARGO-WORKLOAD-REF-TEMPLATE",
      "A Rollout with workloadRef has no template labels or annotations of its own",
      CONTROLLER + " (rule 5): with workloadRef the pod template comes from the referenced workload.",
      (r, spec, f) -> {
        JsonNode meta = spec.path("template").path("metadata");
        if (spec.path("workloadRef").isObject() && (meta.path("labels").size() > 0 || meta.path("annotations").size() > 0)) {
          f.add(r, "spec.template", "template must be empty for workload reference rollout", "remove spec.template; the Deployment's template is used");
        }
      });

  public static final Rule SCALE_DOWN_LIMIT = trees("ARGO-BLUEGREEN-SCALE-DOWN-LIMIT",
      "blueGreen.scaleDownDelayRevisionLimit is at most revisionHistoryLimit (default 10)", CONTROLLER + " (rule 18).",
      (r, spec, f) -> {
        JsonNode limit = spec.path("strategy").path("blueGreen").path("scaleDownDelayRevisionLimit");
        int history = spec.path("revisionHistoryLimit").asInt(10);
        if (limit.isInt() && limit.asInt() > history) {
          f.add(r, "spec.strategy.blueGreen.scaleDownDelayRevisionLimit",
              "This rollout's revision history limit can not be smaller than the rollout's scale down limit",
              "lower scaleDownDelayRevisionLimit to " + history + " or raise revisionHistoryLimit");
        }
      });

  public static final Rule ANTI_AFFINITY = trees("ARGO-ANTI-AFFINITY", "antiAffinity names exactly one strategy, with a weight of 1..100",
      CONTROLLER + " (rules 19, 20).",
      (r, spec, f) -> {
        for (String strategy : List.of("canary", "blueGreen")) {
          JsonNode a = spec.path("strategy").path(strategy).path("antiAffinity");
          if (!a.isObject()) {
            continue;
          }
          String at = "spec.strategy." + strategy + ".antiAffinity";
          JsonNode preferred = a.path("preferredDuringSchedulingIgnoredDuringExecution");
          boolean hasPreferred = preferred.isObject();
          boolean hasRequired = a.path("requiredDuringSchedulingIgnoredDuringExecution").isObject();
          if (hasPreferred == hasRequired) {
            f.add(r, at, "AntiAffinity must have exactly one strategy listed",
                "keep one of preferredDuringSchedulingIgnoredDuringExecution and requiredDuringSchedulingIgnoredDuringExecution");
          } else if (hasPreferred && (preferred.path("weight").asInt(0) < 1 || preferred.path("weight").asInt(0) > 100)) {
            f.add(r, at + ".preferredDuringSchedulingIgnoredDuringExecution.weight", "AntiAffinity weight must be between 1-100", "use 1..100");
          }
        }
      });

  public static final Rule PING_PONG = trees("ARGO-PING-PONG", "Ping-pong has two distinct services and a router that supports it",
      CONTROLLER + " (rules 23–27).",
      (r, spec, f) -> {
        JsonNode canary = spec.path("strategy").path("canary");
        JsonNode pp = canary.path("pingPong");
        if (!pp.isObject()) {
          return;
        }
        JsonNode routing = canary.path("trafficRouting");
        String at = C + ".pingPong";
        if (routing.isObject() && !routing.path("alb").isObject() && !routing.path("istio").isObject()) {
          f.add(r, at, "Ping-pong feature works with the ALB and Istio traffic routers only", "route with ALB or Istio, or use canary/stable services");
        }
        String ping = pp.path("pingService").asText("");
        String pong = pp.path("pongService").asText("");
        if (ping.isEmpty() || pong.isEmpty()) {
          f.add(r, at, "Ping service and Pong service must to be set to use Ping-Pong feature", "set pingService and pongService");
        } else if (ping.equals(pong)) {
          f.add(r, at + ".pongService", "This rollout uses the same service for the ping and pong services, but two different services are required.",
              "use two Services");
        }
        if (routing.path("alb").isObject() && routing.path("alb").path("rootService").asText("").isEmpty()) {
          f.add(r, C + ".trafficRouting.alb.rootService", "Root service field is required for the configuration with ALB and ping-pong feature enabled",
              "set alb.rootService");
        }
      });

  private static final String MISSED = "StringMatch value missed, match value must have one of the following: exact, regex, prefix";
  private static final String MULTIPLE = "StringMatch match value must have exactly one of the following: exact, regex, prefix";

  public static final Rule ROUTE_MATCH = trees("ARGO-ROUTE-MATCH", "Header and mirror route matches use exactly one of exact, regex and prefix (ALB: exact)",
      CONTROLLER + " (rules 40–43, 45).",
      (r, spec, f) -> {
        JsonNode canary = spec.path("strategy").path("canary");
        boolean alb = canary.path("trafficRouting").path("alb").isObject();
        JsonNode steps = canary.path("steps");
        for (int i = 0; i < steps.size(); i++) {
          JsonNode header = steps.get(i).path("setHeaderRoute").path("match");
          for (int m = 0; m < header.size(); m++) {
            String at = C + ".steps[" + i + "].setHeaderRoute.match[" + m + "].headerValue";
            JsonNode value = header.get(m).path("headerValue");
            int kinds = kinds(value);
            if (alb && value.isObject() && (kinds != 1 || !value.hasNonNull("exact"))) {
              f.add(r, at, "SetHeaderRoute match value invalid. ALB supports 'exact' value only", "use exact");
            } else if (kinds == 0) {
              f.add(r, at, MISSED, "set one of exact, regex and prefix");
            } else if (kinds > 1) {
              f.add(r, at, MULTIPLE, "keep one of exact, regex and prefix");
            }
          }
          JsonNode mirror = steps.get(i).path("setMirrorRoute").path("match");
          for (int m = 0; m < mirror.size(); m++) {
            for (String field : List.of("method", "path")) {
              JsonNode value = mirror.get(m).path(field);
              if (!value.isObject()) {
                continue;
              }
              String at = C + ".steps[" + i + "].setMirrorRoute.match[" + m + "]." + field;
              int kinds = kinds(value);
              if (kinds != 1) {
                f.add(r, at, kinds == 0 ? MISSED : MULTIPLE, "set exactly one of exact, regex and prefix");
              }
            }
          }
        }
      });

  private static int kinds(JsonNode value) {
    int n = 0;
    for (String k : List.of("exact", "regex", "prefix")) {
      if (value.hasNonNull(k)) {
        n++;
      }
    }
    return n;
  }

  /** The metadata field paths Kubernetes' downward API resolves. */
  private static final Pattern DOWNWARD_API = Pattern.compile(
      "metadata\\.(name|namespace|uid|labels|annotations)|metadata\\.(labels|annotations)\\['[^']*'\\]");

  public static final Rule ARG_FIELD_REF = trees("ARGO-ANALYSIS-ARG-FIELDREF",
      "Analysis arguments taken from fieldRef name metadata the downward API resolves",
      CONTROLLER + " (rule 50): the fieldPath is resolved against the Rollout like the downward API does (metadata.name, namespace, uid,"
          + " labels['k'], annotations['k']).",
      (r, spec, f) -> {
        JsonNode steps = spec.path("strategy").path("canary").path("steps");
        for (int i = 0; i < steps.size(); i++) {
          int step = i;
          check(r, f, steps.get(i).path("analysis").path("args"), () -> C + ".steps[" + step + "].analysis.args");
          JsonNode analyses = steps.get(i).path("experiment").path("analyses");
          for (int a = 0; a < analyses.size(); a++) {
            int analysis = a;
            check(r, f, analyses.get(a).path("args"), () -> C + ".steps[" + step + "].experiment.analyses[" + analysis + "].args");
          }
        }
      });

  /** Checks the args at the path {@code at} gives (made only for a finding). */
  private static void check(Rollout r, AbstractRule.Findings f, JsonNode args, java.util.function.Supplier<String> at) {
    for (int a = 0; a < args.size(); a++) {
      String path = args.get(a).path("valueFrom").path("fieldRef").path("fieldPath").asText("");
      if (path.startsWith("metadata") && !DOWNWARD_API.matcher(path).matches()) {
        f.add(r, at.get() + "[" + a + "].valueFrom.fieldRef.fieldPath", "Analyses arguments must refer to valid object metadata supported by downwardAPI",
            "use metadata.name, metadata.namespace, metadata.uid, metadata.labels['key'] or metadata.annotations['key']");
      }
    }
  }

  private static final List<Rule> ALL = List.of(WORKLOAD_REF_TEMPLATE, SCALE_DOWN_LIMIT, ANTI_AFFINITY, PING_PONG, ROUTE_MATCH, ARG_FIELD_REF);

  public static List<Rule> list() {
    return ALL;
  }
}
