package dev.rolloutkit.scaling;

import dev.rolloutkit.InvalidSpecException;
import dev.rolloutkit.analysis.QueryTemplate;
import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * KEDA autoscaling of the Rollout: a ScaledObject whose {@code scaleTargetRef} is the Rollout
 * ({@code argoproj.io/v1alpha1}, {@code Rollout} — both set, since a missing kind means
 * Deployment).
 *
 * <p>"Scale to zero when idle, never below 2 while active" is {@code idleReplicaCount: 0} with
 * {@code minReplicaCount: 2}, not {@code minReplicaCount: 0}: with idle set, KEDA scales to the
 * idle count only when every trigger is inactive, and the HPA keeps at least {@code
 * minReplicaCount} while any is active, so a canary always has a stable and a canary pod to split
 * between.
 *
 * <pre>{@code
 * KedaScaling.mcp()                       // idle 0, min 2, max 20, cooldown 60s, two Prometheus triggers
 * KedaScaling.builder().minReplicaCount(3).maxReplicaCount(10)
 *     .addTrigger(ScalingTrigger.prometheus("sum(queue_depth{${namespace}})", 100, 0)).build();
 * }</pre>
 */
@Value.Immutable
public abstract class KedaScaling {

  /** Replicas while every trigger is inactive; only 0 works in KEDA (kedacore/keda#2314). */
  public abstract Optional<Integer> idleReplicaCount();

  /** Fewest replicas while active. */
  public abstract int minReplicaCount();

  /** Most replicas. */
  public abstract int maxReplicaCount();

  /** Seconds after the last active trigger before scaling to idle. */
  public abstract Optional<Integer> cooldownPeriod();

  /** Seconds between trigger polls. */
  public abstract Optional<Integer> pollingInterval();

  /** The triggers; KEDA takes the largest replica count any of them asks for. */
  public abstract List<ScalingTrigger> triggers();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The MCP server's scaling: idle 0, min 2, max 20, cooldown 60s, with four triggers:
   *
   * <ol>
   *   <li>requests to the server's Services as the <em>sending</em> Istio proxy reports them
   *       ({@code istio_requests_total{reporter="source", ${destination}}}), one replica per 20
   *       requests/s. This is what wakes the server from zero: at zero pods the server's own
   *       metrics have no series, but the caller's proxy still counts the requests it could not
   *       deliver;
   *   <li>one replica per 50 active connections and
   *   <li>per 100 queued requests, of this server's pods only ({@code ${namespace}, ${app}});
   *   <li>Argo's {@code rollout_info} while the Rollout is Progressing or Paused (value 1,
   *       threshold 1): active during a canary, so the cooldown cannot scale the Rollout to zero
   *       while a step pauses, and never asking for more than one replica (below the minimum).
   * </ol>
   */
  public static KedaScaling mcp() {
    return builder()
        .idleReplicaCount(0)
        .minReplicaCount(2)
        .maxReplicaCount(20)
        .cooldownPeriod(60)
        .addTrigger(
            ScalingTrigger.prometheus(
                "sum(rate(istio_requests_total{reporter=\"source\", ${destination}}[1m]))", 20, 0))
        .addTrigger(
            ScalingTrigger.prometheus("sum(mcp_active_connections{${namespace}, ${app}})", 50, 0))
        .addTrigger(
            ScalingTrigger.prometheus("sum(mcp_request_queue_depth{${namespace}, ${app}})", 100, 0))
        .addTrigger(
            ScalingTrigger.prometheus(
                "max(rollout_info{${rollout}, phase=~\"Progressing|Paused\"})", 1, 0))
        .build();
  }

  /**
   * An HTTP service's scaling: one replica per 50 requests/s (over 2 minutes) to this service's
   * pods ({@code ${namespace}, ${app}}: services in one namespace do not scale on each other's
   * traffic), between 2 and 10, with no scale to zero — model servers load slowly, so a cold start
   * would fail the first requests.
   */
  public static KedaScaling http() {
    return builder()
        .minReplicaCount(2)
        .maxReplicaCount(10)
        .addTrigger(
            ScalingTrigger.prometheus(
                "sum(rate(http_requests_total{${namespace}, ${app}}[2m]))", 50, 0))
        .build();
  }

  /** A copy with other replica bounds. */
  public KedaScaling withReplicas(int min, int max) {
    return builder().from(this).minReplicaCount(min).maxReplicaCount(max).build();
  }

  /** The ScaledObject {@code name} in {@code namespace}, scaling the Rollout {@code rollout}. */
  public ScaledObject toScaledObject(String name, String namespace, String rollout) {
    return ScaledObjectCompiler.compile(this, name, namespace, rollout);
  }

  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>();
    if (minReplicaCount() < 0) {
      problems.add("minReplicaCount: must be at least 0, got " + minReplicaCount());
    }
    if (maxReplicaCount() < 1) {
      problems.add("maxReplicaCount: must be at least 1, got " + maxReplicaCount());
    }
    if (minReplicaCount() > maxReplicaCount()) {
      problems.add(
          String.format(
              "MinReplicaCount=%d must be less than MaxReplicaCount=%d",
              minReplicaCount(), maxReplicaCount()));
    }
    idleReplicaCount()
        .ifPresent(
            idle -> {
              if (idle != 0) {
                problems.add(
                    "idleReplicaCount: only 0 works in KEDA (its HPA would scale any other idle"
                        + " count straight back up), got "
                        + idle);
              }
              if (minReplicaCount() < 1) {
                problems.add(
                    String.format(
                        "IdleReplicaCount=%d must be less than MinReplicaCount=%d; with"
                            + " idleReplicaCount set, minReplicaCount is the minimum while active"
                            + " and must be at least 1",
                        idle, Math.max(minReplicaCount(), 0)));
              }
            });
    cooldownPeriod()
        .filter(c -> c < 0)
        .ifPresent(c -> problems.add("cooldownPeriod: must be at least 0, got " + c));
    pollingInterval()
        .filter(p -> p < 1)
        .ifPresent(p -> problems.add("pollingInterval: must be at least 1, got " + p));
    if (triggers().isEmpty()) {
      problems.add("triggers: at least one trigger is required");
    }
    for (int index = 0; index < triggers().size(); index++) {
      final int i = index;
      ScalingTrigger t = triggers().get(i);
      if (t.type().isBlank()) {
        problems.add(String.format("triggers[%d]: type is required", i));
      }
      t.metadata()
          .forEach(
              (k, v) -> {
                dev.rolloutkit.DnsNames.textProblem(k, false)
                    .ifPresent(
                        p -> problems.add(String.format("triggers[%d].metadata: key %s", i, p)));
                if (!k.equals("query")) { // the query is checked as a query below
                  dev.rolloutkit.DnsNames.textProblem(v, false)
                      .ifPresent(
                          p ->
                              problems.add(String.format("triggers[%d].metadata.%s: %s", i, k, p)));
                }
              });
      t.metricType()
          .filter(m -> !List.of("AverageValue", "Value", "Utilization").contains(m))
          .ifPresent(
              m ->
                  problems.add(
                      String.format(
                          "triggers[%d]: metricType '%s' is not one of AverageValue, Value,"
                              + " Utilization",
                          i, m)));
      String query = t.metadata().get("query");
      if (query != null) {
        QueryTemplate template = QueryTemplate.of(query);
        for (String p : template.problems()) {
          problems.add(String.format("triggers[%d]: %s", i, p));
        }
        if (template.filtersOnCanary()) {
          problems.add(
              String.format(
                  "triggers[%d]: ${canary} has no meaning in a KEDA query (it scales stable and"
                      + " canary together)",
                  i));
        }
      }
      if (t.type().equals("prometheus")) {
        for (String key : List.of("serverAddress", "query", "threshold")) {
          if (t.metadata().getOrDefault(key, "").isBlank()) {
            problems.add(
                String.format("triggers[%d]: prometheus trigger needs metadata '%s'", i, key));
          }
        }
        if (t.metadata().containsKey("metricName")) {
          problems.add(
              String.format(
                  "triggers[%d]: metadata 'metricName' was removed in KEDA v2.12 and is ignored;"
                      + " drop it",
                  i));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidSpecException("KEDA scaling", problems);
    }
  }

  /** Builds scaling; {@link #build()} checks it. */
  public static final class Builder extends ImmutableKedaScaling.Builder {}
}
