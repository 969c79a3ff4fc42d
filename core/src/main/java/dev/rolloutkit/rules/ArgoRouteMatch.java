package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoSpecRules.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import java.util.List;

/** Header and mirror route matches use exactly one of exact, regex and prefix (ALB: exact). */
final class ArgoRouteMatch extends RolloutTreeRule {

  ArgoRouteMatch() {
    super(
        "ARGO-ROUTE-MATCH",
        Severity.ERROR,
        "Header and mirror route matches use exactly one of exact, regex and prefix (ALB: exact)",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) when a header"
            + " or mirror route match has none or several of exact, regex and prefix, or, with ALB,"
            + " anything but exact. Argo: pkg/apis/rollouts/validation/validation.go"
            + " hasMultipleMatchValues, hasALBInvalidValues.");
  }

  @Override
  void check(Rollout r, JsonNode spec, Findings f) {
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
          f.add(
              r,
              at,
              "SetHeaderRoute match value invalid. ALB supports 'exact' value only",
              "use exact");
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
            f.add(
                r,
                at,
                kinds == 0 ? MISSED : MULTIPLE,
                "set exactly one of exact, regex and prefix");
          }
        }
      }
    }
  }
}
