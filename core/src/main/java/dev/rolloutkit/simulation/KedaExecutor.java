package dev.rolloutkit.simulation;

/**
 * KEDA v2.20.2's own scaling of a ScaledObject's target, on its poll loop: whether the triggers are
 * active (a Prometheus value above activationThreshold; an empty result, NaN or +Inf read as 0),
 * scale from zero or idle to minReplicaCount (at least 1) in the tick activity is first seen, and
 * scale to idle or zero once the cooldown has passed since the last active tick. Between 1 and N
 * the HPA scales ({@link Hpa}). pkg/scaling/scale_handler.go, pkg/scaling/executor,
 * pkg/scalers/prometheus_scaler.go.
 *
 * <pre>{@code
 * KedaExecutor keda = new KedaExecutor(KedaExecutor.Settings.defaults().withMinReplicaCount(0));
 * keda.poll(0, 5.0, 0);   // 1: active, scaled from zero
 * }</pre>
 */
public final class KedaExecutor {

  /** The ScaledObject's timing and bounds (KEDA's defaults: poll 30 s, cooldown 300 s). */
  public record Settings(
      double pollingInterval,
      double cooldownPeriod,
      double initialCooldownPeriod,
      int minReplicaCount,
      Integer idleReplicaCount,
      double activationThreshold) {

    public static Settings defaults() {
      return new Settings(30, 300, 0, 0, null, 0);
    }

    public Settings withMinReplicaCount(int min) {
      return new Settings(
          pollingInterval,
          cooldownPeriod,
          initialCooldownPeriod,
          min,
          idleReplicaCount,
          activationThreshold);
    }

    public Settings withIdleReplicaCount(Integer idle) {
      return new Settings(
          pollingInterval,
          cooldownPeriod,
          initialCooldownPeriod,
          minReplicaCount,
          idle,
          activationThreshold);
    }

    public Settings withCooldownPeriod(double seconds) {
      return new Settings(
          pollingInterval,
          seconds,
          initialCooldownPeriod,
          minReplicaCount,
          idleReplicaCount,
          activationThreshold);
    }

    public Settings withActivationThreshold(double threshold) {
      return new Settings(
          pollingInterval,
          cooldownPeriod,
          initialCooldownPeriod,
          minReplicaCount,
          idleReplicaCount,
          threshold);
    }
  }

  private final Settings settings;
  private double lastActive = Double.NaN;

  public KedaExecutor(Settings settings) {
    this.settings = settings;
  }

  /**
   * The value the Prometheus scaler reads from a query's result: the single sample; 0 for an empty
   * result, NaN or +Inf (ignoreNullValues); more than one series is an error.
   */
  public static double prometheusValue(double[] result) {
    if (result.length > 1) {
      throw new IllegalArgumentException(
          "prometheus query returned multiple elements: KEDA's Prometheus scaler reads one series");
    }
    if (result.length == 0 || Double.isNaN(result[0]) || result[0] == Double.POSITIVE_INFINITY) {
      return 0;
    }
    return result[0];
  }

  /** Whether a trigger reading {@code value} is active: strictly above activationThreshold. */
  public boolean active(double value) {
    return value > settings.activationThreshold();
  }

  /**
   * A poll tick at {@code now} (seconds since the ScaledObject was created) reading {@code value}
   * with the target at {@code replicas}: the replicas KEDA itself sets (unchanged between 1 and N,
   * which is the HPA's range).
   */
  public int poll(double now, double value, int replicas) {
    // KEDA scales to idleReplicaCount, or to zero when minReplicaCount is 0; above that the HPA
    Integer floor =
        settings.idleReplicaCount() != null
            ? settings.idleReplicaCount()
            : settings.minReplicaCount() == 0 ? Integer.valueOf(0) : null;
    if (active(value)) {
      if (floor != null && replicas <= floor) {
        lastActive = now; // a successful scale from zero or idle refreshes it
        return Math.max(settings.minReplicaCount(), 1);
      }
      lastActive = now;
      return replicas;
    }
    if (floor != null && replicas > floor) {
      double since =
          Double.isNaN(lastActive) ? settings.initialCooldownPeriod() : settings.cooldownPeriod();
      double from = Double.isNaN(lastActive) ? 0 : lastActive;
      if (from + since < now) {
        return floor;
      }
    }
    return replicas;
  }
}
