package dev.rolloutkit.scaling;

import dev.rolloutkit.analysis.PrometheusSettings;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One KEDA trigger: a scaler type and its metadata, written in the order given.
 *
 * <pre>{@code
 * ScalingTrigger.prometheus("sum(mcp_active_connections{${namespace}})", 50, 0)
 * ScalingTrigger.of("cron", Map.of("timezone", "Europe/Berlin", "start", "0 8 * * *", "end", "0 18 * * *", "desiredReplicas", "4"))
 * }</pre>
 *
 * A Prometheus query may use {@code ${namespace}}, which becomes {@code namespace="<the stack's
 * namespace>"}.
 */
@Value.Immutable
public abstract class ScalingTrigger {

  /** The scaler type, e.g. {@code prometheus}. */
  public abstract String type();

  /** The trigger's metadata, in order. */
  public abstract Map<String, String> metadata();

  /** The trigger's name (optional). */
  public abstract Optional<String> name();

  /** {@code AverageValue} (KEDA's default), {@code Value} or {@code Utilization}. */
  public abstract Optional<String> metricType();

  /**
   * Any scaler, from its type and metadata (a map with a defined order, such as LinkedHashMap,
   * keeps that order).
   */
  public static ScalingTrigger of(String type, Map<String, String> metadata) {
    return ImmutableScalingTrigger.builder().type(type).putAllMetadata(metadata).build();
  }

  /**
   * A Prometheus trigger on the default server: one replica per {@code threshold} of the query's
   * value; active (scaled up from idle) once the value exceeds {@code activationThreshold}. No
   * {@code metricName}: KEDA removed it in v2.12.
   */
  public static ScalingTrigger prometheus(
      String query, double threshold, double activationThreshold) {
    return prometheus(PrometheusSettings.DEFAULT_ADDRESS, query, threshold, activationThreshold);
  }

  /** A Prometheus trigger on {@code serverAddress}. */
  public static ScalingTrigger prometheus(
      String serverAddress, String query, double threshold, double activationThreshold) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("serverAddress", serverAddress);
    metadata.put("query", query);
    metadata.put("threshold", number(threshold));
    metadata.put("activationThreshold", number(activationThreshold));
    return of("prometheus", metadata);
  }

  /** A copy with metadata key {@code key} set to {@code value} (added at the end if new). */
  public ScalingTrigger withMetadata(String key, String value) {
    Map<String, String> metadata = new LinkedHashMap<>(metadata());
    metadata.put(key, value);
    return ImmutableScalingTrigger.builder().from(this).metadata(metadata).build();
  }

  private static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("KEDA thresholds are finite numbers, got " + value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  @Override
  public String toString() {
    return type() + metadata();
  }
}
