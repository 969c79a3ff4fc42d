package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.ArgoSpecRules.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.Rollout;

/** Ping-pong has two distinct services and a router that supports it. */
final class ArgoPingPong extends RolloutTreeRule {

  ArgoPingPong() {
    super(
        "ARGO-PING-PONG",
        Severity.ERROR,
        "Ping-pong has two distinct services and a router that supports it",
        "The Argo controller rejects the Rollout (InvalidSpec, it does not progress) unless"
            + " pingPong has two different services and an ALB (with rootService) or Istio router."
            + " Argo: pkg/apis/rollouts/validation/validation.go ValidateRolloutStrategyCanary.");
  }

  @Override
  void check(Rollout r, JsonNode spec, Findings f) {
    JsonNode canary = spec.path("strategy").path("canary");
    JsonNode pp = canary.path("pingPong");
    if (!pp.isObject()) {
      return;
    }
    JsonNode routing = canary.path("trafficRouting");
    String at = C + ".pingPong";
    if (routing.isObject()
        && !routing.path("alb").isObject()
        && !routing.path("istio").isObject()) {
      f.add(
          r,
          at,
          "Ping-pong feature works with the ALB and Istio traffic routers only",
          "route with ALB or Istio, or use canary/stable services");
    }
    String ping = pp.path("pingService").asText("");
    String pong = pp.path("pongService").asText("");
    if (ping.isEmpty() || pong.isEmpty()) {
      f.add(
          r,
          at,
          "Ping service and Pong service must to be set to use Ping-Pong feature",
          "set pingService and pongService");
    } else if (ping.equals(pong)) {
      f.add(
          r,
          at + ".pongService",
          "This rollout uses the same service for the ping and pong services, but two different"
              + " services are required.",
          "use two Services");
    }
    if (routing.path("alb").isObject()
        && routing.path("alb").path("rootService").asText("").isEmpty()) {
      f.add(
          r,
          C + ".trafficRouting.alb.rootService",
          "Root service field is required for the configuration with ALB and ping-pong feature"
              + " enabled",
          "set alb.rootService");
    }
  }
}
