package dev.rolloutkit.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rolloutkit.manifest.Manifests;
import org.junit.jupiter.api.Test;

class DailyCostTest {

  static final String ROLLOUT =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: app, namespace: shop}
      spec:
        selector: {matchLabels: {app: app}}
        template:
          metadata: {labels: {app: app}}
          spec: {containers: [{name: app, image: "app:1"}]}
        strategy: {canary: {steps: [{setWeight: 50}]}}
      ---
      apiVersion: keda.sh/v1alpha1
      kind: ScaledObject
      metadata: {name: app-scaler, namespace: shop}
      spec:
        scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: app}
        idleReplicaCount: 0
        minReplicaCount: 2
        maxReplicaCount: 20
        cooldownPeriod: 60
        triggers:
        - type: prometheus
          metadata: {serverAddress: "http://p:9090", query: "sum(rate(x[1m]))", threshold: "20", activationThreshold: "0"}
      """;

  static DailyCost.Report cost(String curve) {
    return RolloutSimulation.read(Manifests.readData("app.yaml", ROLLOUT))
        .with(Scenario.parse("day.yaml", "requestsPerSecond: " + curve + "\n"))
        .dailyCost();
  }

  @Test
  void should_save_ninety_percent_for_a_service_busy_two_hours_and_twenty_four_minutes_a_day() {
    // 40 requests/s from 09:00 for 2.4 hours: two pods serve it; idle the rest of the day
    DailyCost.Report cost =
        cost(
            "[{from: 0s, requestsPerSecond: 0}, {from: 9h, requestsPerSecond: 40},"
                + " {from: 41040s, requestsPerSecond: 0}]");
    assertThat(cost.minimumReplicas()).isEqualTo(2);
    assertThat(cost.peakReplicas()).isEqualTo(2);
    assertThat(cost.fixedMinimumPodHours()).isEqualTo(48);
    // 2 pods for 2.4 h, plus the cooldown (60 s) and KEDA's next poll after it, plus the first
    // poll's lag and the pods of the very start (the Rollout starts at its minimum)
    assertThat(cost.podHours()).isCloseTo(4.8, within(0.1));
    assertThat(cost.savingAgainstMinimum()).isCloseTo(0.9, within(0.003));
  }

  @Test
  void should_follow_the_hpa_up_to_the_peak_and_back_down_after_its_stabilisation() {
    DailyCost.Report cost =
        cost(
            "[{from: 0s, requestsPerSecond: 100}, {from: 1h, requestsPerSecond: 300},"
                + " {from: 2h, requestsPerSecond: 100}, {from: 3h, requestsPerSecond: 0}]");
    assertThat(cost.peakReplicas()).isEqualTo(15);
    assertThat(cost.fixedPeakPodHours()).isEqualTo(15 * 24.0);
    // 5 pods for 1 h, then 15 (reached in doubling steps: 5 → 10 → 15), back to 5 after the
    // 5-minute
    // stabilisation, to zero after the cooldown: about 5 + 15 + 5 + 0.4
    assertThat(cost.podHours()).isCloseTo(25.5, within(0.5));
    assertThat(cost.replicas()).extracting(c -> (int) c[1]).containsSubsequence(5, 10, 15, 5, 0);
  }

  @Test
  void should_name_the_threshold_it_cannot_read() {
    assertThatThrownBy(
            () ->
                RolloutSimulation.read(
                        Manifests.readData(
                            "app.yaml", ROLLOUT.replace("threshold: \"20\"", "threshold: \"x\"")))
                    .with(Scenario.parse("day.yaml", "requestsPerSecond: 1\n"))
                    .dailyCost())
        .hasMessage(
            "ScaledObject app-scaler: spec.triggers[0].metadata.threshold: the daily cost takes the"
                + " first trigger's threshold as the requests per second one pod serves; expected a"
                + " number above 0, got 'x'");
  }
}
