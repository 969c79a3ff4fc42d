package dev.rolloutkit.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.simulation.ReplicaSplit.Counts;
import dev.rolloutkit.simulation.ReplicaSplit.Fenceposts;
import dev.rolloutkit.simulation.ReplicaSplit.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Argo v1.9.1's replica-split test vectors (utils/replicaset/canary_test.go, listed in
 * ../shared/reference/simulation.md §3.9) and the steady-state table of §3.8.
 */
class ReplicaSplitTest {

  /** TestCalculateReplicaCountsForCanary, the rows without traffic routing. */
  @ParameterizedTest(name = "line {0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          104 | spec < available not double counted     | 10 | 100 | 3   | 0   | 7  | 8  | 6  | 3  | 0 | false | 6  | 7
          120 | max surge int scales up canary          | 10 | 20  | 2   | 0   | 10 | 10 | 0  | 0  | 0 | false | 2  | 10
          136 | max surge %                             | 10 | 20  | 20% | 0   | 10 | 10 | 0  | 0  | 0 | false | 2  | 10
          152 | scale down extra stable                 | 10 | 20  | 20% | 0   | 10 | 10 | 2  | 2  | 0 | false | 2  | 8
          168 | do not pass max surge                   | 10 | 30  | 2   | 0   | 10 | 10 | 0  | 0  | 0 | false | 2  | 10
          184 | maxUnavailable int scales down stable   | 10 | 20  | 0   | 2   | 10 | 10 | 0  | 0  | 0 | false | 0  | 8
          200 | maxUnavailable %                        | 10 | 20  | 0   | 20% | 10 | 10 | 0  | 0  | 0 | false | 0  | 8
          216 | do not pass maxUnavailable              | 10 | 30  | 0   | 2   | 10 | 10 | 0  | 0  | 0 | false | 0  | 8
          232 | surge and unavailable                   | 10 | 50  | 2   | 1   | 10 | 10 | 0  | 0  | 0 | false | 2  | 9
          248 | W 0 scales canary to 0                  | 10 | 0   | 1   | 1   | 10 | 10 | 1  | 1  | 0 | false | 0  | 10
          264 | W 100 scales stable to 0                | 10 | 100 | 1   | 1   | 1  | 1  | 10 | 10 | 0 | false | 10 | 0
          280 | no canary 0 at W 20                     | 1  | 20  | 1   | 0   | 1  | 1  | 0  | 0  | 0 | false | 1  | 1
          296 | no canary 0 at W 90                     | 1  | 90  | 1   | 0   | 1  | 1  | 0  | 0  | 0 | false | 1  | 1
          312 | W 49, no surge: canary 0                | 1  | 49  | 0   | 1   | 1  | 1  | 0  | 0  | 0 | false | 0  | 1
          328 | W 51, no surge: stable down first       | 1  | 51  | 0   | 1   | 1  | 1  | 0  | 0  | 0 | false | 0  | 0
          344 | then canary 1                           | 1  | 51  | 0   | 1   | 0  | 0  | 0  | 0  | 0 | false | 1  | 0
          360 | stable before canary                    | 10 | 30  | 1   | 0   | 1  | 1  | 0  | 0  | 3 | false | 1  | 7
          378 | scale down canary and stable            | 10 | 30  | 0   | 3   | 8  | 5  | 4  | 4  | 0 | false | 3  | 7
          394 | stable and canary availability          | 10 | 100 | 1   | 0   | 10 | 2  | 10 | 8  | 0 | false | 9  | 2
          410 | older RS blocks scale-down              | 10 | 30  | 0   | 1   | 8  | 6  | 4  | 2  | 3 | false | 4  | 8
          428 | uneven divisor, no surge                | 10 | 5   | 0   | 1   | 10 | 10 | 0  | 0  | 0 | false | 0  | 9
          444 | uneven divisor, part 2                  | 10 | 5   | 0   | 1   | 9  | 9  | 0  | 0  | 0 | false | 1  | 9
          460 | 0% and 0% become unavailable 1          | 10 | 10  | 0%  | 0%  | 10 | 10 | 0  | 0  | 0 | false | 0  | 9
          521 | setCanaryScale without TR ignored       | 10 | 20  | 20% | 0   | 10 | 10 | 0  | 0  | 0 | false | 2  | 10
          541 | surge when stable unavailable           | 4  | 100 | 1   | 0   | 4  | 1  | 0  | 0  | 0 | false | 1  | 4
          557 | down to maxUnavailable, no surge        | 3  | 99  | 0   | 2   | 3  | 3  | 0  | 0  | 0 | false | 0  | 1
          573 | down to maxUnavailable, part 2          | 3  | 99  | 0   | 2   | 1  | 1  | 0  | 0  | 0 | false | 2  | 1
          589 | honour maxUnavailable, stable unavail.  | 4  | 100 | 1   | 0   | 4  | 1  | 1  | 1  | 0 | false | 1  | 3
          606 | reducing weight 1                       | 4  | 0   | 1   | 0   | 0  | 0  | 4  | 4  | 0 | false | 4  | 1
          623 | reducing weight 2                       | 4  | 0   | 1   | 0   | 1  | 0  | 4  | 4  | 0 | false | 4  | 1
          640 | reducing weight 3                       | 4  | 0   | 1   | 0   | 1  | 1  | 4  | 4  | 0 | false | 3  | 1
          657 | promoteFull ignores weight              | 4  | 1   | 4   | 4   | 4  | 4  | 0  | 0  | 0 | true  | 4  | 0
          675 | promoteFull honours surge               | 4  | 1   | 3   | 0   | 4  | 4  | 0  | 0  | 0 | true  | 3  | 4
          """)
  void should_split_as_the_controller_without_traffic_routing(
      int line,
      String name,
      int replicas,
      int weight,
      String surge,
      String unavailable,
      int stableSpec,
      int stableAvailable,
      int canarySpec,
      int canaryAvailable,
      int older,
      boolean promoteFull,
      int canary,
      int stable) {
    assertThat(
            ReplicaSplit.basic(
                replicas,
                weight,
                Fenceposts.resolve(surge, unavailable, replicas),
                Set.of(stableSpec, stableAvailable),
                Set.of(canarySpec, canaryAvailable),
                older,
                promoteFull))
        .isEqualTo(new Counts(canary, stable));
  }

  static Stream<Arguments> trafficRouted() {
    return Stream.of(
        // line 476: setCanaryScale.replicas 9
        Arguments.of(1, 100, 9, null, false, null, null, false, new Counts(9, 1)),
        // line 489: setCanaryScale.weight 200
        Arguments.of(4, 200, null, null, false, null, null, false, new Counts(8, 4)),
        // line 502: matchTrafficWeight follows the weight
        Arguments.of(10, 20, null, null, false, null, null, false, new Counts(2, 10)),
        // line 693: aborted, abortScaleDownDelaySeconds 0 keeps setCanaryScale 1
        Arguments.of(1, 0, 1, null, false, null, null, true, new Counts(1, 1)),
        // line 711: aborted with a delay: setCanaryScale no longer applies, the weight is 0
        Arguments.of(1, 0, null, null, false, null, null, true, new Counts(0, 1)),
        // line 728: minPodsPerReplicaSet 2
        Arguments.of(10, 5, null, 2, false, null, null, false, new Counts(2, 10)),
        // TestCalculateReplicaCountsForCanaryTrafficRoutingDynamicScale
        Arguments.of(10, 10, null, null, true, 10, 90, false, new Counts(1, 9)),
        Arguments.of(10, 20, null, null, true, 10, 90, false, new Counts(2, 9)),
        Arguments.of(10, 0, null, null, true, 20, 80, true, new Counts(2, 10)),
        Arguments.of(10, 0, null, null, true, 10, 90, true, new Counts(1, 10)));
  }

  @ParameterizedTest
  @MethodSource
  void trafficRouted(
      int replicas,
      int weight,
      Integer canaryScaleReplicas,
      Integer minPods,
      boolean dynamic,
      Integer actualCanary,
      Integer actualStable,
      boolean aborted,
      Counts expected) {
    assertThat(
            ReplicaSplit.trafficRouted(
                replicas,
                weight,
                canaryScaleReplicas,
                minPods,
                dynamic,
                actualCanary,
                actualStable,
                aborted))
        .isEqualTo(expected);
  }

  /**
   * TestCalculateReplicaCountsForCanaryTrafficRoutingDynamicScale, the aborted rows with steps:
   * newRollout's setWeight argument (the test's rolloutMaxReplicas, 20) is a first step, the test's
   * steps follow it; traffic is still 60/40 when the abort is reconciled.
   */
  @ParameterizedTest(name = "canary RS {0}/{1}, stable RS {2}/{3} → {4}/{5}")
  @CsvSource({
    // canary spec/available, stable spec/available (0 = no ReplicaSet) → canary/stable
    "6, 6, 4, 4, 6, 8",
    "1, 1, 4, 4, 6, 8",
    "2, 2, 8, 4, 6, 8",
    "0, 0, 0, 0, 6, 10"
  })
  void should_scale_the_stable_back_up_step_by_step_on_an_aborted_dynamic_canary(
      int canarySpec,
      int canaryAvailable,
      int stableSpec,
      int stableAvailable,
      int expectedCanary,
      int expectedStable) {
    Set canary = canarySpec > 0 ? Set.of(canarySpec, canaryAvailable) : null;
    Set stable = stableSpec > 0 ? Set.of(stableSpec, stableAvailable) : null;
    int weight = ReplicaSplit.abortedWeight(10, java.util.List.of(20, 60), canary, stable);
    assertThat(ReplicaSplit.trafficRouted(10, weight, null, null, true, 60, 40, true))
        .isEqualTo(new Counts(expectedCanary, expectedStable));
  }

  /** TestApproximateWeightedNewStableReplicaCounts, the rows listed in simulation.md. */
  @ParameterizedTest(name = "R={0} W={1} surge={2}")
  @CsvSource({
    "0,50,1,0,0",
    "1,1,0,0,1",
    "1,50,0,1,0",
    "1,1,1,1,1",
    "1,100,1,1,0",
    "2,1,0,1,1",
    "2,1,1,1,2",
    "2,99,0,1,1",
    "3,10,0,1,2",
    "3,10,1,1,3",
    "3,49,1,2,2",
    "10,14,0,1,9",
    "10,16,0,2,8",
    "10,99,0,9,1",
    "10,18,1,2,9",
    "10,20,1,2,8",
    "10,23,1,2,8",
    "10,99,1,10,1"
  })
  void should_approximate_the_weight(int replicas, int weight, int surge, int canary, int stable) {
    assertThat(ReplicaSplit.approximate(replicas, weight, 100, surge))
        .containsExactly(canary, stable);
  }

  @Test
  void should_round_traffic_weight_up_TestTrafficWeightToReplicas() {
    assertThat(
            Stream.of(0, 20, 25, 33, 99, 100)
                .map(w -> ReplicaSplit.trafficWeightToReplicas(10, w, 100)))
        .containsExactly(0, 2, 3, 4, 10, 10);
    assertThat(ReplicaSplit.trafficWeightToReplicas(23, 100_000_000, 100_000_000)).isEqualTo(23);
  }

  /**
   * §3.8: the steady state for R = 10 without traffic routing, reached by reconciling with every
   * pod available at once, with the default surge (25 % = 3) and with surge 0.
   */
  @ParameterizedTest(name = "setWeight {0}")
  @CsvSource({
    "1,1,10,1,9",
    "5,1,10,1,9",
    "10,1,9,1,9",
    "20,2,8,2,8",
    "25,3,8,3,7",
    "33,3,7,3,7",
    "50,5,5,5,5",
    "75,8,3,8,2",
    "99,10,1,9,1"
  })
  void should_settle_where_simulation_md_says(
      int weight, int canaryDefault, int stableDefault, int canaryNoSurge, int stableNoSurge) {
    assertThat(settle(weight, Fenceposts.resolve("25%", "25%", 10)))
        .isEqualTo(new Counts(canaryDefault, stableDefault));
    assertThat(settle(weight, Fenceposts.resolve("0", "25%", 10)))
        .isEqualTo(new Counts(canaryNoSurge, stableNoSurge));
  }

  private static Counts settle(int weight, Fenceposts limits) {
    Set stable = Set.of(10, 10);
    Set canary = Set.of(0, 0);
    for (int i = 0; i < 100; i++) {
      Counts next = ReplicaSplit.basic(10, weight, limits, stable, canary, 0, false);
      if (next.canary() == canary.replicas() && next.stable() == stable.replicas()) {
        return next;
      }
      stable = Set.of(next.stable(), next.stable());
      canary = Set.of(next.canary(), next.canary());
    }
    throw new AssertionError("no steady state");
  }
}
