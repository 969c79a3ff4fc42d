package dev.rolloutkit.profile;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * Run pods of the stable and/or canary pod template beside the rollout for a while, optionally with
 * their own share of traffic, and judge them with analysis gates (Argo step {@code experiment}).
 * Create with {@link CanaryStep#experiment(java.time.Duration, ExperimentTemplate...)} or {@link
 * CanaryStep#experiment(ExperimentTemplate...)}, then add gates with {@link #withAnalysis(String)}
 * or {@link #withRequiredAnalysis(String)}.
 *
 * <pre>{@code
 * CanaryStep.experiment(Duration.ofMinutes(10),
 *         ExperimentTemplate.stable("baseline"), ExperimentTemplate.canary("canary").withWeight(5))
 *     .withAnalysis("canary-health-check");
 * // experiment(baseline=stable, canary=canary 5% for 10m, gate(canary-health-check))
 * }</pre>
 *
 * Each gate's {@code canary-hash} argument is the experiment's canary pods' hash (the Argo variable
 * {@code templates.<t>.podTemplateHash} of the first canary template, in double braces; the
 * rollout's canary hash when the experiment has none), so the gate judges the pods the experiment
 * runs. A failed gate fails the experiment, and Argo aborts the rollout.
 */
@Value.Immutable
public abstract class ExperimentStep implements CanaryStep {

  /**
   * How long the experiment runs (integer seconds or a Go duration); without one it runs until its
   * required analyses complete.
   */
  public abstract Optional<String> duration();

  /** The pods the experiment runs, at least one. */
  public abstract List<ExperimentTemplate> templates();

  /** The gates that judge the experiment, in order. */
  public abstract List<Analysis> analyses();

  /** A copy that also runs {@code gate} during the experiment; the experiment ends at its time. */
  public ExperimentStep withAnalysis(String gate) {
    return ImmutableExperimentStep.builder()
        .from(this)
        .addAnalyses(ImmutableAnalysis.of(gate, false))
        .build();
  }

  /**
   * A copy that also runs {@code gate} and waits for it to finish before the experiment completes
   * (Argo {@code requiredForCompletion}); a gate without a {@code count} never finishes.
   */
  public ExperimentStep withRequiredAnalysis(String gate) {
    return ImmutableExperimentStep.builder()
        .from(this)
        .addAnalyses(ImmutableAnalysis.of(gate, true))
        .build();
  }

  /** The template whose pods the gates judge: the first with the canary's pod spec, if any. */
  public Optional<ExperimentTemplate> judged() {
    return templates().stream()
        .filter(t -> t.specRef() == ExperimentTemplate.SpecRef.CANARY)
        .findFirst();
  }

  /** A gate run by the experiment. */
  @Value.Immutable
  public abstract static class Analysis {
    /** The gate (and AnalysisTemplate) name, also the analysis' name in the experiment. */
    @Value.Parameter
    public abstract String gate();

    /** Whether the experiment waits for it (Argo {@code requiredForCompletion}). */
    @Value.Parameter
    public abstract boolean requiredForCompletion();

    @Override
    public String toString() {
      return "gate(" + gate() + (requiredForCompletion() ? ", required" : "") + ")";
    }
  }

  @Override
  public String describe() {
    return "experiment("
        + templates().stream().map(ExperimentTemplate::toString).collect(Collectors.joining(", "))
        + duration().map(d -> " for " + d).orElse("")
        + analyses().stream().map(a -> ", " + a).collect(Collectors.joining())
        + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
