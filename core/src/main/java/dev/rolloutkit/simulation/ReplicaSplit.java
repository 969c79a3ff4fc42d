package dev.rolloutkit.simulation;

/**
 * How many pods the canary and the stable ReplicaSet get, as Argo v1.9.1 computes it in one
 * reconcile (utils/replicaset/canary.go): by weight within maxSurge and maxUnavailable without
 * traffic routing, by traffic weight (or setCanaryScale) with it.
 *
 * <pre>{@code
 * ReplicaSplit.basic(10, 20, Fenceposts.resolve("25%", "25%", 10),
 *     ReplicaSplit.Set.of(10, 10), ReplicaSplit.Set.of(0, 0), 0, false);   // canary 3, stable 10
 * }</pre>
 */
public final class ReplicaSplit {

  private ReplicaSplit() {}

  /** A ReplicaSet's spec.replicas and status.availableReplicas. */
  public record Set(int replicas, int available) {
    public static Set of(int replicas, int available) {
      return new Set(replicas, available);
    }
  }

  /** A reconcile's target: pods for the canary and the stable ReplicaSet. */
  public record Counts(int canary, int stable) {}

  /** maxSurge and maxUnavailable resolved against spec.replicas (resolveFenceposts). */
  public record Fenceposts(int maxSurge, int maxUnavailable) {

    /**
     * {@code surge} and {@code unavailable} as written (an integer or a percentage; null for 0):
     * surge rounds up, unavailable down, and both zero make unavailable 1.
     */
    public static Fenceposts resolve(String surge, String unavailable, int replicas) {
      int s = value(surge, replicas, true);
      int u = value(unavailable, replicas, false);
      if (s == 0 && u == 0) {
        u = 1;
      }
      return new Fenceposts(s, Math.min(u, replicas));
    }

    private static int value(String intOrPercent, int replicas, boolean roundUp) {
      if (intOrPercent == null || intOrPercent.isEmpty()) {
        return 0;
      }
      if (intOrPercent.endsWith("%")) {
        double v =
            Integer.parseInt(intOrPercent.substring(0, intOrPercent.length() - 1))
                * replicas
                / 100.0;
        return (int) (roundUp ? Math.ceil(v) : Math.floor(v));
      }
      return Integer.parseInt(intOrPercent);
    }
  }

  /**
   * The pods per ReplicaSet once a canary without traffic routing has settled at {@code weight}:
   * {@link #basic} reconciled from an all-stable Rollout until nothing changes. With 2 replicas,
   * setWeight 10 gives 1 canary and 2 stable pods: a third of the requests, not a tenth.
   */
  public static Counts settled(int replicas, int weight, String maxSurge, String maxUnavailable) {
    Fenceposts limits = Fenceposts.resolve(maxSurge, maxUnavailable, replicas);
    Set stable = Set.of(replicas, replicas);
    Set canary = Set.of(0, 0);
    Counts next = new Counts(0, replicas);
    for (int i = 0; i < 100; i++) {
      next = basic(replicas, weight, limits, stable, canary, 0, false);
      if (next.canary() == canary.replicas() && next.stable() == stable.replicas()) {
        break;
      }
      stable = Set.of(next.stable(), next.stable());
      canary = Set.of(next.canary(), next.canary());
    }
    return next;
  }

  /**
   * CalculateReplicaCountsForBasicCanary: the counts for a canary without traffic routing at {@code
   * weight} percent, with older ReplicaSets holding {@code olderReplicas} pods; {@code promoteFull}
   * ignores the weight.
   */
  public static Counts basic(
      int replicas,
      int weight,
      Fenceposts limits,
      Set stable,
      Set canary,
      int olderReplicas,
      boolean promoteFull) {
    int desiredWeight = promoteFull ? 100 : weight;
    int[] desired = approximate(replicas, desiredWeight, 100, limits.maxSurge());
    int desiredCanary = desired[0];
    int desiredStable = desired[1];
    int stableCount = stable.replicas();
    int canaryCount = canary.replicas();
    int maxAllowed = replicas + limits.maxSurge();
    int total = olderReplicas + canary.replicas() + stable.replicas();
    int scaleUp = maxAllowed - total;
    if (stable.replicas() < desiredStable && scaleUp > 0) {
      if (stable.replicas() + scaleUp < desiredStable) {
        stableCount = stable.replicas() + scaleUp;
        scaleUp = 0;
      } else {
        stableCount = desiredStable;
        scaleUp -= desiredStable - stable.replicas();
      }
    }
    if (canary.replicas() < desiredCanary && scaleUp > 0) {
      canaryCount = Math.min(canary.replicas() + scaleUp, desiredCanary);
    }
    if (olderReplicas > 0) {
      return new Counts(canaryCount, stableCount);
    }
    int minAvailable = replicas - limits.maxUnavailable();
    boolean increasing = desiredCanary >= canary.replicas();
    int toScaleDown = forScaleDown(canary, !increasing) + forScaleDown(stable, increasing);
    if (toScaleDown <= minAvailable) {
      return new Counts(canaryCount, stableCount);
    }
    int scaleDown = toScaleDown - minAvailable;
    if (!increasing) {
      canaryCount = scaleDownTo(canary, desiredCanary, scaleDown, canaryCount);
      int[] adjusted = adjust(canary, stable, canaryCount, stableCount, maxAllowed, minAvailable);
      return new Counts(adjusted[0], adjusted[1]);
    }
    stableCount = scaleDownTo(stable, desiredStable, scaleDown, stableCount);
    int[] adjusted = adjust(stable, canary, stableCount, canaryCount, maxAllowed, minAvailable);
    return new Counts(adjusted[1], adjusted[0]);
  }

  private static int forScaleDown(Set rs, boolean ignoreAvailability) {
    if (rs.replicas() < rs.available() || ignoreAvailability) {
      return rs.replicas();
    }
    return rs.available();
  }

  private static int scaleDownTo(Set drain, int desired, int scaleDown, int count) {
    return drain.replicas() > desired ? Math.max(desired, drain.replicas() - scaleDown) : count;
  }

  /** adjustReplicaWithinLimits: {drain, adjust}. */
  private static int[] adjust(
      Set drainRs, Set adjustRs, int drain, int adjust, int maxAllowed, int minAvailable) {
    int over = Math.max(0, adjust + drain - maxAllowed);
    int available = Math.min(drainRs.available(), drain);
    adjust -= over;
    available += Math.min(adjustRs.available(), adjust);
    int extra = Math.max(0, adjustRs.available() - adjust);
    int needed = Math.max(0, minAvailable - available);
    adjust += Math.min(extra, needed);
    over = Math.max(0, adjust + drain - maxAllowed);
    drain -= over;
    return new int[] {drain, adjust};
  }

  /**
   * approximateWeightedCanaryStableReplicaCounts: {canary, stable} closest to {@code weight} of
   * {@code maxWeight}, using one surge pod when allowed and closer.
   */
  public static int[] approximate(int replicas, int weight, int maxWeight, int maxSurge) {
    if (replicas == 0) {
      return new int[] {0, 0};
    }
    double exact = (double) replicas * weight / maxWeight;
    int ceil = (int) Math.ceil(exact);
    int floor = (int) Math.floor(exact);
    boolean zeroAllowed = weight == maxWeight || weight == 0 || replicas == 1 && maxSurge == 0;
    java.util.List<int[]> options = new java.util.ArrayList<>();
    if (ceil < replicas || zeroAllowed) {
      options.add(new int[] {ceil, replicas});
    }
    if (!tied(weight, maxWeight, replicas) && (floor != 0 || zeroAllowed)) {
      options.add(new int[] {floor, replicas});
    }
    if (maxSurge > 0) {
      options.add(new int[] {ceil, replicas + 1});
      if (!tied(weight, maxWeight, replicas + 1) && (floor != 0 || zeroAllowed)) {
        options.add(new int[] {floor, replicas + 1});
      }
    }
    if (options.isEmpty()) {
      return new int[] {0, replicas};
    }
    int[] best = options.get(0);
    double bestDelta = delta(weight, maxWeight, best);
    for (int[] option : options.subList(1, options.size())) {
      double d = delta(weight, maxWeight, option);
      if (d < bestDelta) {
        best = option;
        bestDelta = d;
      }
    }
    return new int[] {best[0], best[1] - best[0]};
  }

  private static boolean tied(int weight, int maxWeight, int total) {
    double v = total * ((double) weight / maxWeight);
    return v - Math.floor(v) == 0.5;
  }

  private static double delta(int weight, int maxWeight, int[] option) {
    return Math.abs((double) option[0] * maxWeight / option[1] - weight);
  }

  /**
   * CalculateReplicaCountsForTrafficRoutedCanary: the canary from {@code canaryScaleReplicas} when
   * a setCanaryScale gives replicas, else from the weight (at least {@code minPodsPerReplicaSet}
   * when not zero); the stable at full scale, or with {@code dynamicStableScale} from the higher of
   * the desired and the {@code actualStableWeight} (null: not known); when aborting, the canary
   * keeps the pods of its {@code actualCanaryWeight}.
   */
  public static Counts trafficRouted(
      int replicas,
      int weight,
      Integer canaryScaleReplicas,
      Integer minPodsPerReplicaSet,
      boolean dynamicStableScale,
      Integer actualCanaryWeight,
      Integer actualStableWeight,
      boolean aborted) {
    int canary =
        canaryScaleReplicas != null
            ? canaryScaleReplicas
            : atLeast(minPodsPerReplicaSet, trafficWeightToReplicas(replicas, weight, 100));
    if (!dynamicStableScale) {
      return new Counts(canary, replicas);
    }
    int stable = trafficWeightToReplicas(replicas, 100 - weight, 100);
    if (actualStableWeight != null) {
      stable = Math.max(stable, trafficWeightToReplicas(replicas, actualStableWeight, 100));
      if (aborted && actualCanaryWeight != null) {
        canary = Math.max(trafficWeightToReplicas(replicas, actualCanaryWeight, 100), canary);
      }
    }
    return new Counts(atLeast(minPodsPerReplicaSet, canary), atLeast(minPodsPerReplicaSet, stable));
  }

  /**
   * GetDesiredCanaryWeight (v1.9.1) for an aborted Rollout with dynamicStableScale whose canary and
   * stable ReplicaSets exist: the weight steps back down through the setWeight steps in reverse, to
   * the first whose pods are fewer than the canary still needs ({@code replicas − available
   * stable}, or the available canary pods if more), so the stable is scaled up as the canary is
   * scaled down; 0 when none is. Without both ReplicaSets, or without dynamicStableScale, an
   * aborted Rollout's weight is 0 (GetCurrentSetWeight).
   */
  public static int abortedWeight(
      int replicas, java.util.List<Integer> setWeights, Set canary, Set stable) {
    if (canary == null || stable == null) {
      return 0;
    }
    int needed = Math.max(replicas - stable.available(), canary.available());
    for (int i = setWeights.size() - 1; i >= 0; i--) {
      int w = setWeights.get(i);
      if (trafficWeightToReplicas(replicas, w, 100) < needed) {
        return w;
      }
    }
    return 0;
  }

  private static int atLeast(Integer min, int count) {
    return count == 0 || min == null ? count : Math.max(count, min);
  }

  /** trafficWeightToReplicas: {@code ceil(weight · replicas / maxWeight)}. */
  public static int trafficWeightToReplicas(int replicas, long weight, long maxWeight) {
    return (int) Math.ceil((double) weight * replicas / maxWeight);
  }
}
