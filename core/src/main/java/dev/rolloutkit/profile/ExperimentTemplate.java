package dev.rolloutkit.profile;

import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Pods an {@link ExperimentStep} runs: a name, whose pod template they copy (the stable's or the
 * canary's), how many, and optionally a share of the traffic (Argo {@code experiment.templates[]}).
 * Create with {@link #stable(String)} or {@link #canary(String)}.
 */
@Value.Immutable
public abstract class ExperimentTemplate {

  /** Whose pod template the experiment's pods copy (Argo {@code specRef}). */
  public enum SpecRef {
    /** The stable ReplicaSet's pod template. */
    STABLE,
    /** The canary (new) ReplicaSet's pod template. */
    CANARY;

    /** As Argo writes it: {@code stable} or {@code canary}. */
    public String argo() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The template's name, unique in its experiment. */
  @Value.Parameter
  public abstract String name();

  /** Whose pod template it copies. */
  @Value.Parameter
  public abstract SpecRef specRef();

  /** How many pods; Argo's default is 1. */
  public abstract Optional<Integer> replicas();

  /**
   * The share of traffic, in percent, its pods get through their own Service while the experiment
   * runs (taken from the stable); needs a router that can route to it (Istio here).
   */
  public abstract Optional<Integer> weight();

  /** Pods with the stable's pod template. */
  public static ExperimentTemplate stable(String name) {
    return ImmutableExperimentTemplate.of(name, SpecRef.STABLE);
  }

  /** Pods with the canary's pod template. */
  public static ExperimentTemplate canary(String name) {
    return ImmutableExperimentTemplate.of(name, SpecRef.CANARY);
  }

  /** A copy that runs {@code replicas} pods. */
  public ExperimentTemplate withReplicas(int replicas) {
    return ImmutableExperimentTemplate.copyOf(this).withReplicas(replicas);
  }

  /** A copy whose pods get {@code percent} of the traffic. */
  public ExperimentTemplate withWeight(int percent) {
    return ImmutableExperimentTemplate.copyOf(this).withWeight(percent);
  }

  /** {@code canary=canary ×2 5%}. */
  @Override
  public String toString() {
    return name()
        + "="
        + specRef().argo()
        + replicas().map(r -> " ×" + r).orElse("")
        + weight().map(w -> " " + w + "%").orElse("");
  }
}
