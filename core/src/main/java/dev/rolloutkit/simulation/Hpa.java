package dev.rolloutkit.simulation;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The Kubernetes HPA's replica proposal for the external metrics KEDA serves, and its legacy
 * normalisation (no {@code behavior}, as KEDA creates it): pkg/controller/podautoscaler,
 * replica_calculator.go GetExternalPerPodMetricReplicas and GetExternalMetricReplicas,
 * horizontal.go normalizeDesiredReplicas. One instance keeps the recommendation history of one HPA.
 *
 * <pre>{@code
 * Hpa.averageValue(100, 10, 11, 0.1);   // 11: the ratio 0.909 is within tolerance
 * }</pre>
 */
public final class Hpa {

  /** The default tolerance (--horizontal-pod-autoscaler-tolerance). */
  public static final double TOLERANCE = 0.1;

  /** The default scale-down stabilisation window, in seconds. */
  public static final double DOWNSCALE_STABILISATION = 300;

  private final int minReplicas;
  private final int maxReplicas;
  private final double window;
  private final Deque<double[]> recommendations = new ArrayDeque<>();

  /** An HPA between {@code minReplicas} and {@code maxReplicas} with the default window. */
  public Hpa(int minReplicas, int maxReplicas) {
    this(minReplicas, maxReplicas, DOWNSCALE_STABILISATION);
  }

  /** An HPA with a scale-down stabilisation window of {@code windowSeconds}. */
  public Hpa(int minReplicas, int maxReplicas, double windowSeconds) {
    if (minReplicas < 1 || maxReplicas < minReplicas) {
      throw new IllegalArgumentException(
          "an HPA needs 1 ≤ minReplicas ≤ maxReplicas, got " + minReplicas + " and " + maxReplicas);
    }
    this.minReplicas = minReplicas;
    this.maxReplicas = maxReplicas;
    this.window = windowSeconds;
  }

  /**
   * An External metric with an AverageValue target (KEDA's default): within tolerance of {@code sum
   * / (target × statusReplicas)} the proposal is {@code statusReplicas}, else {@code ceil(sum /
   * target)}. For a Rollout, statusReplicas is status.HPAReplicas, every pod of every ReplicaSet.
   */
  public static int averageValue(double sum, double target, int statusReplicas, double tolerance) {
    double ratio = sum / (target * statusReplicas);
    if (Math.abs(1 - ratio) <= tolerance) {
      return statusReplicas;
    }
    double replicas = Math.ceil(sum / target);
    return replicas > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) replicas;
  }

  /**
   * An External metric with a Value target: within tolerance of {@code sum / target} the proposal
   * is {@code currentReplicas} (spec.replicas), else {@code ceil(ratio × readyPods)}.
   */
  public static int value(
      double sum, double target, int currentReplicas, int readyPods, double tolerance) {
    double ratio = sum / target;
    if (Math.abs(1 - ratio) <= tolerance) {
      return currentReplicas;
    }
    return (int) Math.ceil(ratio * (currentReplicas == 0 ? 1 : readyPods));
  }

  /**
   * One sync at {@code now}: from {@code current} (spec.replicas) and the largest proposal of the
   * metrics, the replicas written. At 0 the HPA does nothing (KEDA scales from zero); otherwise the
   * largest recommendation of the stabilisation window, at most {@code max(2 × current, 4)}, within
   * [minReplicas, maxReplicas].
   */
  public int sync(double now, int current, int proposal) {
    if (current == 0) {
      return 0;
    }
    if (current > maxReplicas) {
      return maxReplicas;
    }
    if (current < minReplicas) {
      return minReplicas;
    }
    recommendations.addLast(new double[] {now, proposal});
    while (!recommendations.isEmpty() && recommendations.peekFirst()[0] < now - window) {
      recommendations.removeFirst();
    }
    int stabilised = proposal;
    for (double[] r : recommendations) {
      stabilised = Math.max(stabilised, (int) r[1]);
    }
    int limit = Math.max(2 * current, 4);
    int desired = Math.min(stabilised, limit);
    return Math.max(minReplicas, Math.min(maxReplicas, desired));
  }
}
