package dev.rolloutkit.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Pod-hours of a KEDA-scaled Rollout over one day of a scenario's traffic curve, against running a
 * fixed number of pods all day: the "up to 90 % cost reduction" of scale-to-zero, computed instead
 * of claimed.
 *
 * <p>Stated assumptions: the ScaledObject's first trigger reads the request rate and its {@code
 * threshold} is the requests per second one pod serves (an AverageValue target); KEDA polls every
 * {@code pollingInterval}, activates above {@code activationThreshold}, scales from zero to {@code
 * minReplicaCount} and to {@code idleReplicaCount} (or zero) after {@code cooldownPeriod} without
 * traffic ({@link KedaExecutor}); in between, the HPA syncs every 15 s with its 10 % tolerance, the
 * 5-minute scale-down stabilisation and the {@code max(2 × current, 4)} scale-up limit ({@link
 * Hpa}); pods start at once; no canary runs.
 *
 * <pre>{@code
 * DailyCost.Report cost = RolloutSimulation.of(stack.resources()).with(day).dailyCost();
 * cost.savingAgainstMinimum();   // 0.9 when the service is busy 2.4 hours a day
 * }</pre>
 */
public final class DailyCost {

  /** The HPA's sync period (kube-controller-manager's default). */
  static final double SYNC = 15;

  static final double DAY = 24 * 3600;

  /**
   * The day's pod-hours, those of {@code minReplicaCount} pods (at least 1) and of the day's peak
   * all day, the savings against each (1 − podHours / fixed), and the replicas over the day as
   * (seconds, replicas) changes.
   */
  public record Report(
      double podHours,
      double fixedMinimumPodHours,
      double fixedPeakPodHours,
      int minimumReplicas,
      int peakReplicas,
      double savingAgainstMinimum,
      double savingAgainstPeak,
      List<double[]> replicas) {}

  private DailyCost() {}

  static Report of(JsonNode scaledObject, Scenario scenario) {
    JsonNode spec = scaledObject.path("spec");
    String name = scaledObject.path("metadata").path("name").asText();
    JsonNode trigger = spec.path("triggers").path(0);
    JsonNode threshold = trigger.path("metadata").path("threshold");
    double perPod;
    try {
      perPod = Double.parseDouble(threshold.asText(""));
    } catch (NumberFormatException e) {
      perPod = Double.NaN;
    }
    if (!(perPod > 0)) {
      throw new TemplateMetrics.InputException(
          "ScaledObject "
              + name
              + ": spec.triggers[0].metadata.threshold: the daily cost takes the first trigger's"
              + " threshold as the requests per second one pod serves; expected a number above 0,"
              + " got '"
              + threshold.asText("")
              + "'");
    }
    int min = spec.path("minReplicaCount").asInt(0);
    int max = spec.path("maxReplicaCount").asInt(100);
    Integer idle = spec.has("idleReplicaCount") ? spec.get("idleReplicaCount").asInt() : null;
    double activation = trigger.path("metadata").path("activationThreshold").asDouble(0);
    double polling = spec.path("pollingInterval").asDouble(30);
    KedaExecutor keda =
        new KedaExecutor(
            new KedaExecutor.Settings(
                polling,
                spec.path("cooldownPeriod").asDouble(300),
                spec.path("initialCooldownPeriod").asDouble(0),
                min,
                idle,
                activation));
    Hpa hpa = new Hpa(Math.max(1, min), Math.max(max, Math.max(1, min)));
    int replicas = Math.max(1, min);
    int peak = replicas;
    double podSeconds = 0;
    List<double[]> changes = new ArrayList<>();
    changes.add(new double[] {0, replicas});
    double nextPoll = 0;
    for (double t = 0; t < DAY; t += SYNC) {
      double rate = scenario.rate(t);
      int before = replicas;
      while (nextPoll <= t) {
        replicas = keda.poll(nextPoll, scenario.rate(nextPoll), replicas);
        nextPoll += polling;
      }
      if (replicas > 0) {
        replicas = hpa.sync(t, replicas, Hpa.averageValue(rate, perPod, replicas, Hpa.TOLERANCE));
      }
      if (replicas != before) {
        changes.add(new double[] {t, replicas});
      }
      peak = Math.max(peak, replicas);
      podSeconds += replicas * SYNC;
    }
    double podHours = podSeconds / 3600;
    int minimum = Math.max(1, min);
    double fixedMinimum = minimum * 24.0;
    double fixedPeak = peak * 24.0;
    return new Report(
        podHours,
        fixedMinimum,
        fixedPeak,
        minimum,
        peak,
        1 - podHours / fixedMinimum,
        1 - podHours / fixedPeak,
        List.copyOf(changes));
  }
}
