package dev.rolloutkit.profile;

import java.time.Duration;

/**
 * One step of a {@link CanaryProfile}, one for each step type Argo has: move traffic to a weight,
 * pause, run an analysis gate, scale the canary apart from its traffic, route by header or mirror,
 * run an experiment, or run a step plugin.
 *
 * <pre>{@code
 * CanaryStep.setWeight(10); CanaryStep.pause(Duration.ofMinutes(2)); CanaryStep.analysis("mcp-success-rate");
 * }</pre>
 *
 * Steps are not checked on their own: a {@link CanaryProfile} checks all its steps together and
 * reports every problem with its index.
 */
public interface CanaryStep {

  /** Route {@code percent} of traffic to the canary (Argo {@code setWeight}). */
  static SetWeightStep setWeight(int percent) {
    return ImmutableSetWeightStep.of(percent);
  }

  /**
   * Wait, then continue by itself (Argo {@code pause.duration}, written as a Go duration such as
   * {@code 2m}).
   */
  static PauseStep pause(Duration duration) {
    return ImmutablePauseStep.builder().duration(ArgoDuration.format(duration)).build();
  }

  /**
   * Wait for a duration as Argo writes it: integer seconds ({@code "60"}) or a Go duration ({@code
   * "1h30m"}).
   */
  static PauseStep pause(String duration) {
    return ImmutablePauseStep.builder().duration(duration).build();
  }

  /** Wait until someone promotes the rollout (Argo {@code pause: {}}). */
  static PauseStep pauseUntilPromoted() {
    return ImmutablePauseStep.builder().build();
  }

  /**
   * Run the analysis gate named {@code gate} and continue only if it succeeds (Argo step {@code
   * analysis}).
   */
  static AnalysisStep analysis(String gate) {
    return ImmutableAnalysisStep.of(gate);
  }

  /**
   * Run {@code replicas} canary pods whatever the traffic weight, e.g. before any traffic (Argo
   * {@code setCanaryScale.replicas}; needs traffic routing).
   */
  static SetCanaryScaleStep setCanaryScale(int replicas) {
    return ImmutableSetCanaryScaleStep.builder().replicas(replicas).build();
  }

  /**
   * Run {@code percent} of spec.replicas as canary pods whatever the traffic weight (Argo {@code
   * setCanaryScale.weight}; needs traffic routing).
   */
  static SetCanaryScaleStep setCanaryScaleWeight(int percent) {
    return ImmutableSetCanaryScaleStep.builder().weight(percent).build();
  }

  /** Scale the canary with its traffic weight again (Argo {@code matchTrafficWeight: true}). */
  static SetCanaryScaleStep matchTrafficWeight() {
    return ImmutableSetCanaryScaleStep.builder().build();
  }

  /**
   * Route requests whose {@code header} is exactly {@code value} to the canary, whatever its weight
   * (Argo {@code setHeaderRoute}; with Istio, ALB or Apisix). The stack declares the route in the
   * Rollout's {@code managedRoutes}.
   */
  static SetHeaderRouteStep setHeaderRoute(String route, String header, String value) {
    return ImmutableSetHeaderRouteStep.builder().name(route).header(header).value(value).build();
  }

  /** Remove the header route {@code route} (Argo {@code setHeaderRoute} with a name only). */
  static SetHeaderRouteStep removeHeaderRoute(String route) {
    return ImmutableSetHeaderRouteStep.builder().name(route).build();
  }

  /**
   * Mirror {@code percent} of the requests whose path starts with {@code pathPrefix} (all requests
   * for {@code "/"}) to the canary, their answers dropped (Argo {@code setMirrorRoute}; Istio
   * only).
   */
  static SetMirrorRouteStep setMirrorRoute(String route, int percent, String pathPrefix) {
    return ImmutableSetMirrorRouteStep.builder()
        .name(route)
        .percentage(percent)
        .pathPrefix(pathPrefix)
        .build();
  }

  /** Remove the mirror route {@code route}. */
  static SetMirrorRouteStep removeMirrorRoute(String route) {
    return ImmutableSetMirrorRouteStep.builder().name(route).build();
  }

  /**
   * Run the experiment's pods for {@code duration}, judged by the gates added with {@link
   * ExperimentStep#withAnalysis(String)} (Argo step {@code experiment}).
   */
  static ExperimentStep experiment(Duration duration, ExperimentTemplate... templates) {
    return ImmutableExperimentStep.builder()
        .duration(ArgoDuration.format(duration))
        .addTemplates(templates)
        .build();
  }

  /**
   * Run the experiment's pods for {@code duration} as Argo writes it, a Go duration such as {@code
   * "10m"} (Argo reads it with {@code time.ParseDuration}: no bare seconds).
   */
  static ExperimentStep experiment(String duration, ExperimentTemplate... templates) {
    return ImmutableExperimentStep.builder().duration(duration).addTemplates(templates).build();
  }

  /**
   * Run the experiment's pods until its required gates ({@link
   * ExperimentStep#withRequiredAnalysis(String)}) complete (Argo step {@code experiment} without a
   * duration).
   */
  static ExperimentStep experiment(ExperimentTemplate... templates) {
    return ImmutableExperimentStep.builder().addTemplates(templates).build();
  }

  /**
   * Run the controller's step plugin {@code name} with {@code config} (Argo step {@code plugin}).
   */
  static PluginStep plugin(String name, java.util.Map<String, ?> config) {
    java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>();
    config.forEach(
        (key, value) -> {
          if (key == null || value == null) {
            throw new IllegalArgumentException(
                "plugin " + name + ": config entry " + key + " has no value; leave it out");
          }
          copy.put(key, value);
        });
    return ImmutablePluginStep.of(name, copy);
  }

  /**
   * How the step reads in a profile's summary: {@code 10%}, {@code 2m}, {@code
   * gate(mcp-success-rate)}.
   */
  String describe();
}
