package dev.rolloutkit.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** KEDA's executor and the HPA as ../shared/reference/simulation.md §4 states them. */
class KedaHpaTest {

  @Test
  void should_read_what_the_prometheus_scaler_reads_4_2() {
    assertThat(KedaExecutor.prometheusValue(new double[0])).isZero();
    assertThat(KedaExecutor.prometheusValue(new double[] {Double.NaN})).isZero();
    assertThat(KedaExecutor.prometheusValue(new double[] {Double.POSITIVE_INFINITY})).isZero();
    assertThat(KedaExecutor.prometheusValue(new double[] {3.5})).isEqualTo(3.5);
    assertThatThrownBy(() -> KedaExecutor.prometheusValue(new double[] {1, 2}))
        .hasMessageContaining("multiple elements");
  }

  @Test
  void should_activate_strictly_above_the_threshold_4_2() {
    KedaExecutor keda =
        new KedaExecutor(KedaExecutor.Settings.defaults().withActivationThreshold(5));
    assertThat(keda.active(5)).isFalse();
    assertThat(keda.active(5.01)).isTrue();
    assertThat(new KedaExecutor(KedaExecutor.Settings.defaults()).active(0)).isFalse();
  }

  @Test
  void should_scale_from_zero_in_the_tick_activity_is_seen_and_back_after_the_cooldown_4_3() {
    KedaExecutor keda = new KedaExecutor(KedaExecutor.Settings.defaults());
    assertThat(keda.poll(0, 3, 0)).as("from zero to 1 when minReplicaCount is 0").isEqualTo(1);
    // the HPA takes it to 4; traffic stops after the tick at 30 s
    assertThat(keda.poll(30, 3, 4)).isEqualTo(4);
    // cooldown 300 s from the last active tick (30 s), strictly: not at 330, at the tick after
    assertThat(keda.poll(60, 0, 4)).isEqualTo(4);
    assertThat(keda.poll(330, 0, 4)).isEqualTo(4);
    assertThat(keda.poll(360, 0, 4)).isZero();
    KedaExecutor toMin =
        new KedaExecutor(
            KedaExecutor.Settings.defaults().withMinReplicaCount(2).withIdleReplicaCount(0));
    assertThat(toMin.poll(0, 1, 0)).as("from idle to minReplicaCount").isEqualTo(2);
    assertThat(toMin.poll(400, 0, 2)).as("to idleReplicaCount").isZero();
    KedaExecutor noIdle = new KedaExecutor(KedaExecutor.Settings.defaults().withMinReplicaCount(2));
    assertThat(noIdle.poll(1000, 0, 5))
        .as("with minReplicaCount > 0 and no idle, the HPA scales down")
        .isEqualTo(5);
  }

  @Test
  void should_propose_as_the_hpa_does_4_6() {
    // AverageValue: within tolerance the proposal is statusReplicas, else ceil(sum / target)
    assertThat(Hpa.averageValue(100, 10, 10, Hpa.TOLERANCE)).isEqualTo(10);
    assertThat(Hpa.averageValue(105, 10, 10, Hpa.TOLERANCE)).isEqualTo(10);
    assertThat(Hpa.averageValue(125, 10, 10, Hpa.TOLERANCE)).isEqualTo(13);
    // Value: within tolerance currentReplicas, else ceil(ratio × readyPods)
    assertThat(Hpa.value(10.5, 10, 4, 4, Hpa.TOLERANCE)).isEqualTo(4);
    assertThat(Hpa.value(20, 10, 4, 3, Hpa.TOLERANCE)).isEqualTo(6);
  }

  @Test
  void should_limit_scale_up_and_stabilise_scale_down_4_6_1() {
    Hpa hpa = new Hpa(1, 100);
    assertThat(hpa.sync(0, 1, 50)).as("at most max(2 × current, 4)").isEqualTo(4);
    assertThat(hpa.sync(15, 4, 50)).isEqualTo(8);
    assertThat(hpa.sync(30, 8, 3))
        .as("the largest recommendation of the last 5 minutes")
        .isEqualTo(16);
    assertThat(hpa.sync(400, 16, 3)).as("after the window").isEqualTo(3);
    assertThat(hpa.sync(415, 0, 10)).as("inert at zero").isZero();
  }

  /**
   * §4.7's worked example of argo-rollouts issue #4847: a canary inflates status.HPAReplicas, and
   * the HPA adopts the inflated count when the ratio lands within tolerance.
   */
  @Test
  void should_adopt_the_inflated_count_of_a_canary_4_7() {
    int replicas = 10;
    double sum = 100; // the metric held at 10 × target
    double target = 10;
    int canary = ReplicaSplit.trafficWeightToReplicas(replicas, 10, 100);
    int hpaReplicas = replicas + canary;
    assertThat(hpaReplicas).isEqualTo(11);
    Hpa hpa = new Hpa(1, 100);
    int proposal = Hpa.averageValue(sum, target, hpaReplicas, Hpa.TOLERANCE);
    assertThat(proposal).as("ratio 10/11 = 0.909, within [0.9, 1.1]").isEqualTo(11);
    replicas = hpa.sync(0, replicas, proposal);
    assertThat(replicas).isEqualTo(11);
    canary = ReplicaSplit.trafficWeightToReplicas(replicas, 10, 100);
    hpaReplicas = replicas + canary;
    assertThat(hpaReplicas).isEqualTo(13);
    proposal = Hpa.averageValue(sum, target, hpaReplicas, Hpa.TOLERANCE);
    assertThat(proposal).as("ratio 0.77, outside tolerance").isEqualTo(10);
    assertThat(hpa.sync(15, replicas, proposal))
        .as("the stabilisation keeps 11 for 5 minutes")
        .isEqualTo(11);
    assertThat(hpa.sync(301, replicas, proposal)).isEqualTo(10);
  }
}
