package dev.rolloutkit.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.rolloutkit.manifest.Manifests;
import org.junit.jupiter.api.Test;

/**
 * The timeline's pods per ReplicaSet with traffic routing: setCanaryScale, the abort's and the
 * promotion's scale-down delays (simulation.md §3.5, §3.6).
 */
class RolloutSimulationTest {

  static final String ROLLOUT =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: app, namespace: shop}
      spec:
        replicas: 4
        selector: {matchLabels: {app: app}}
        template:
          metadata: {labels: {app: app}}
          spec: {containers: [{name: app, image: "app:1"}]}
        strategy:
          canary:
            canaryService: app-canary
            stableService: app-stable
            trafficRouting: {nginx: {stableIngress: app}}
            steps:
            - setCanaryScale: {replicas: 1}
            - setWeight: 0
            - pause: {duration: 1m}
            - setCanaryScale: {weight: 50}
            - setWeight: 10
            - pause: {duration: 1m}
            - setCanaryScale: {matchTrafficWeight: true}
            - setWeight: 25
            - analysis: {templates: [{templateName: t}]}
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: AnalysisTemplate
      metadata: {name: t, namespace: shop}
      spec:
        metrics:
        - name: m
          count: 1
          successCondition: len(result) > 0 && result[0] < 0.05
          provider: {prometheus: {address: "http://p:9090", query: "sum(x)"}}
      """;

  static RolloutSimulation.Report run(String rollout, String value) {
    return RolloutSimulation.read(Manifests.readData("app.yaml", rollout))
        .with(Scenario.parse("s.yaml", "metrics:\n  m: {value: " + value + "}\n"))
        .run();
  }

  @Test
  void should_follow_set_canary_scale_and_keep_the_old_stable_for_the_scale_down_delay() {
    RolloutSimulation.Report report = run(ROLLOUT, "0.01");
    assertThat(report.outcome()).isEqualTo(RolloutSimulation.Outcome.PROMOTED);
    assertThat(report.seconds()).isEqualTo(120);
    assertThat(report.timeline())
        .extracting(
            RolloutSimulation.Point::seconds,
            RolloutSimulation.Point::weight,
            RolloutSimulation.Point::canaryReplicas,
            RolloutSimulation.Point::stableReplicas)
        .containsExactly(
            tuple(0.0, 0, 0, 4),
            tuple(0.0, 0, 1, 4), // setCanaryScale replicas 1: a canary pod without traffic
            tuple(0.0, 0, 1, 4),
            tuple(60.0, 0, 2, 4), // setCanaryScale weight 50: 2 of 4
            tuple(60.0, 10, 2, 4),
            tuple(120.0, 10, 1, 4), // matchTrafficWeight: ceil(10 % of 4)
            tuple(120.0, 25, 1, 4),
            tuple(120.0, 100, 4, 4), // promoted: both sets full
            tuple(150.0, 100, 4, 0)); // the old stable scaled down after 30 s
  }

  @Test
  void should_keep_the_canary_pods_for_the_abort_scale_down_delay() {
    RolloutSimulation.Report aborted = run(ROLLOUT, "0.5");
    assertThat(aborted.outcome()).isEqualTo(RolloutSimulation.Outcome.ABORTED);
    assertThat(aborted.timeline().subList(aborted.timeline().size() - 2, aborted.timeline().size()))
        .extracting(
            RolloutSimulation.Point::seconds,
            RolloutSimulation.Point::weight,
            RolloutSimulation.Point::canaryReplicas,
            RolloutSimulation.Point::stableReplicas)
        .containsExactly(tuple(120.0, 0, 1, 4), tuple(150.0, 0, 0, 4));
    RolloutSimulation.Report kept =
        run(
            ROLLOUT.replace("    canary:\n", "    canary:\n      abortScaleDownDelaySeconds: 0\n"),
            "0.5");
    assertThat(kept.timeline().get(kept.timeline().size() - 1))
        .as("abortScaleDownDelaySeconds 0 never scales the canary down")
        .extracting(RolloutSimulation.Point::canaryReplicas)
        .isEqualTo(1);
  }

  @Test
  void should_ignore_set_canary_scale_without_traffic_routing() {
    String basic =
        ROLLOUT
            .replace("      trafficRouting: {nginx: {stableIngress: app}}\n", "")
            .replace("      canaryService: app-canary\n      stableService: app-stable\n", "");
    RolloutSimulation.Report report = run(basic, "0.01");
    assertThat(report.timeline())
        .filteredOn(p -> p.weight() == 0 && p.seconds() < 120)
        .allSatisfy(p -> assertThat(p.canaryReplicas()).isZero());
  }

  /**
   * simulation.md §4.7, argo-rollouts issue #4847: the HPA reads status.HPAReplicas, which counts
   * the canary's pods; with the metric at 10 × target, R = 10 and setWeight 10 the ratio 10/11
   * falls inside the tolerance, the HPA adopts 11, and the scale-down stabilisation keeps it for
   * five minutes; then the cycle starts again.
   */
  @Test
  void should_show_the_hpa_adopting_the_replicas_the_canary_inflates() {
    String rollout =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: app, namespace: shop}
        spec:
          selector: {matchLabels: {app: app}}
          template:
            metadata: {labels: {app: app}}
            spec: {containers: [{name: app, image: "app:1"}]}
          strategy:
            canary:
              canaryService: app-canary
              stableService: app-stable
              trafficRouting: {nginx: {stableIngress: app}}
              steps: [{setWeight: 10}, {pause: {duration: 10m}}, {setWeight: 100}]
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: app-scaler, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: app}
          minReplicaCount: 10
          maxReplicaCount: 20
          triggers:
          - type: prometheus
            metadata: {serverAddress: "http://p:9090", query: "sum(x)", threshold: "10"}
        """;
    RolloutSimulation.Report report =
        RolloutSimulation.read(Manifests.readData("app.yaml", rollout))
            .with(Scenario.parse("s.yaml", "kedaTriggers:\n- {value: 100}\n"))
            .run();
    assertThat(report.warnings())
        .containsExactly(
            "the HPA of ScaledObject app-scaler scaled the Rollout from 10 to 11 replicas at 0s"
                + " (status.HPAReplicas 11, the canary's pods included)",
            // the stabilisation window lets go of 11 after five minutes: HPAReplicas 13 gives a
            // ratio of 0.77 and the proposal 10 ...
            "the HPA of ScaledObject app-scaler scaled the Rollout from 11 to 10 replicas at 5m15s"
                + " (status.HPAReplicas 13, the canary's pods included)",
            // ... and at 10 the canary's pod brings the ratio back into the band: the loop
            "the HPA of ScaledObject app-scaler scaled the Rollout from 10 to 11 replicas at 5m30s"
                + " (status.HPAReplicas 11, the canary's pods included)");
    assertThat(report.timeline())
        .filteredOn(p -> p.seconds() == 0 && p.weight() == 10)
        .extracting(
            RolloutSimulation.Point::canaryReplicas, RolloutSimulation.Point::stableReplicas)
        .as("R = 11 at 10 %: 2 canary pods beside 11 stable ones")
        .containsExactly(tuple(2, 11));
  }
}
