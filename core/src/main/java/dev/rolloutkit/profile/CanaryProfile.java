package dev.rolloutkit.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * An ordered list of canary steps — set weight, pause, analysis gate, and every other step type
 * Argo has (see {@link CanaryStep}) — checked as a whole when built.
 *
 * <p>Presets come from practice: {@link #mcp()} (10 → 30 → 60 → 100 %), {@link #ml()} (20 → 50 →
 * 100 %, ADR-008) and {@link #nlp()} (10 → 40 → 100 % with longer pauses). Derive from them or
 * build your own with the same API:
 *
 * <pre>{@code
 * CanaryProfile.mcp().withPause(Duration.ofMinutes(5));
 * CanaryProfile.builder().name("cautious")
 *     .addStep(CanaryStep.setWeight(5)).addStep(CanaryStep.pauseUntilPromoted())
 *     .addStep(CanaryStep.analysis("mcp-success-rate")).addStep(CanaryStep.setWeight(100))
 *     .build();   // toString(): cautious: 5% → pause(until promoted) → gate(mcp-success-rate) → 100%
 * }</pre>
 *
 * Building an invalid profile throws {@link InvalidProfileException} listing <em>every</em> problem
 * with its step index: weights outside 0..100 or not increasing, a last weight other than 100
 * (unless {@link #allowPartialFinalWeight()}), pause durations Argo cannot parse or that are
 * negative ({@code 1d} is not a Go duration), and analysis steps that name no gate.
 */
@Value.Immutable
public abstract class CanaryProfile {

  /** The profile's name, e.g. {@code mcp}. */
  public abstract String name();

  /** The steps, in order. */
  public abstract List<CanaryStep> steps();

  /**
   * Whether the last weight may be below 100. Off by default: after the last step Argo promotes to
   * 100 % with no gate in between, so a profile that stops at 60 % silently skips its last checks.
   */
  @Value.Default
  public boolean allowPartialFinalWeight() {
    return false;
  }

  /**
   * A gate run in the background from {@link #backgroundStartingStep()} until the rollout ends
   * (Argo {@code strategy.canary.analysis}): a failure aborts at whatever step the rollout is.
   */
  public abstract Optional<String> backgroundGate();

  /** The step at which the background gate starts; default 0, the first. */
  public abstract Optional<Integer> backgroundStartingStep();

  /**
   * Scale the stable down as the canary takes traffic, and back up step by step on an abort (Argo
   * {@code dynamicStableScale}; needs traffic routing and no {@link #scaleDownDelaySeconds()}).
   */
  @Value.Default
  public boolean dynamicStableScale() {
    return false;
  }

  /** Seconds the old stable keeps its pods after a promotion (Argo's default with routing: 30). */
  public abstract Optional<Integer> scaleDownDelaySeconds();

  /** Seconds the canary keeps its pods after an abort (default 30 with routing; 0 keeps them). */
  public abstract Optional<Integer> abortScaleDownDelaySeconds();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A profile from its steps. */
  public static CanaryProfile of(String name, CanaryStep... steps) {
    return builder().name(name).addSteps(steps).build();
  }

  /** MCP server: 10 % → 2m → 30 % → gate {@code mcp-success-rate} → 60 % → 2m → 100 %. */
  public static CanaryProfile mcp() {
    return of(
        "mcp",
        CanaryStep.setWeight(10),
        CanaryStep.pause("2m"),
        CanaryStep.setWeight(30),
        CanaryStep.analysis("mcp-success-rate"),
        CanaryStep.setWeight(60),
        CanaryStep.pause("2m"),
        CanaryStep.setWeight(100));
  }

  /**
   * ML model (ADR-008): 20 % → 60s → gate {@code canary-health-check} → 50 % → 120s → gate → 100 %.
   */
  public static CanaryProfile ml() {
    return of(
        "ml",
        CanaryStep.setWeight(20),
        CanaryStep.pause("60s"),
        CanaryStep.analysis("canary-health-check"),
        CanaryStep.setWeight(50),
        CanaryStep.pause("120s"),
        CanaryStep.analysis("canary-health-check"),
        CanaryStep.setWeight(100));
  }

  /**
   * NLP model: 10 % → 3m → gate → 40 % → 5m → gate → 100 %; longer pauses for transformer inference
   * latency.
   */
  public static CanaryProfile nlp() {
    return of(
        "nlp",
        CanaryStep.setWeight(10),
        CanaryStep.pause("3m"),
        CanaryStep.analysis("canary-health-check"),
        CanaryStep.setWeight(40),
        CanaryStep.pause("5m"),
        CanaryStep.analysis("canary-health-check"),
        CanaryStep.setWeight(100));
  }

  /**
   * A copy in which every timed pause lasts {@code duration}; pauses until promotion stay as they
   * are.
   */
  public CanaryProfile withPause(Duration duration) {
    return withPause(ArgoDuration.format(duration));
  }

  /**
   * A copy in which every timed pause lasts {@code duration} (integer seconds or a Go duration).
   */
  public CanaryProfile withPause(String duration) {
    return builder()
        .from(this)
        .steps(
            steps().stream()
                .map(
                    s ->
                        s instanceof PauseStep p && !p.untilPromoted()
                            ? CanaryStep.pause(duration)
                            : s)
                .toList())
        .build();
  }

  /** A copy in which every analysis step and experiment runs the gate {@code gate}. */
  public CanaryProfile withGate(String gate) {
    return builder()
        .from(this)
        .steps(
            steps().stream()
                .map(
                    s ->
                        s instanceof AnalysisStep
                            ? CanaryStep.analysis(gate)
                            : s instanceof ExperimentStep e
                                ? ImmutableExperimentStep.builder()
                                    .from(e)
                                    .analyses(
                                        e.analyses().stream()
                                            .map(
                                                a ->
                                                    ImmutableAnalysis.of(
                                                        gate, a.requiredForCompletion()))
                                            .toList())
                                    .build()
                                : s)
                .toList())
        .build();
  }

  /**
   * The names of the header and mirror routes the steps set, each once, in order: Argo's
   * managedRoutes.
   */
  public List<String> managedRoutes() {
    return List.copyOf(
        steps().stream()
            .map(
                s ->
                    s instanceof SetHeaderRouteStep h
                        ? h.name()
                        : s instanceof SetMirrorRouteStep m ? m.name() : null)
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  /** The weights of the setWeight steps, in order. */
  public List<Integer> weights() {
    return steps().stream()
        .filter(SetWeightStep.class::isInstance)
        .map(s -> ((SetWeightStep) s).weight())
        .toList();
  }

  /**
   * The names of the gates the analysis steps, the experiments and the background gate run, each
   * once, in order of first use.
   */
  public List<String> gates() {
    LinkedHashSet<String> gates = new LinkedHashSet<>();
    for (CanaryStep step : steps()) {
      if (step instanceof AnalysisStep a) {
        gates.add(a.gate());
      } else if (step instanceof ExperimentStep e) {
        e.analyses().forEach(a -> gates.add(a.gate()));
      }
    }
    backgroundGate().ifPresent(gates::add);
    return List.copyOf(gates);
  }

  /** A copy that runs {@code gate} in the background from step {@code startingStep}. */
  public CanaryProfile withBackgroundGate(String gate, int startingStep) {
    return builder().from(this).backgroundGate(gate).backgroundStartingStep(startingStep).build();
  }

  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>();
    if (name().isBlank()) {
      problems.add("name: a profile needs a name");
    }
    if (steps().isEmpty()) {
      problems.add("steps: a profile needs at least one step");
    }
    Integer previousWeight = null;
    int previousIndex = -1;
    int lastWeightIndex = -1;
    for (int i = 0; i < steps().size(); i++) {
      CanaryStep step = steps().get(i);
      if (step instanceof SetWeightStep s) {
        int weight = s.weight();
        lastWeightIndex = i;
        if (weight < 0 || weight > 100) {
          problems.add(String.format("steps[%d]: weight %d is outside 0..100", i, weight));
          continue;
        }
        if (previousWeight != null && weight <= previousWeight) {
          problems.add(
              String.format(
                  "steps[%d]: weight %d does not increase on weight %d at steps[%d]",
                  i, weight, previousWeight, previousIndex));
        }
        previousWeight = weight;
        previousIndex = i;
      } else if (step instanceof PauseStep p && p.duration().isPresent()) {
        String duration = p.duration().get();
        OptionalLong seconds = ArgoDuration.seconds(duration);
        if (seconds.isEmpty()) {
          problems.add(
              String.format(
                  "steps[%d]: pause duration '%s' is neither integer seconds nor a Go duration such"
                      + " as 90s, 2m or 1h30m (there is no d or w unit)",
                  i, duration));
        } else if (seconds.getAsLong() < 0) {
          problems.add(String.format("steps[%d]: pause duration '%s' is negative", i, duration));
        }
      } else if (step instanceof AnalysisStep a && a.gate().isBlank()) {
        problems.add(String.format("steps[%d]: analysis step names no gate", i));
      } else if (step instanceof SetMirrorRouteStep mirror) {
        if (mirror.name().isBlank()) {
          problems.add(String.format("steps[%d]: setMirrorRoute needs a route name", i));
        }
        if (mirror.percentage().filter(p -> p < 0 || p > 100).isPresent()) {
          problems.add(
              String.format(
                  "steps[%d]: setMirrorRoute percentage %d is outside 0..100",
                  i, mirror.percentage().get()));
        }
      } else if (step instanceof SetHeaderRouteStep h) {
        if (h.name().isBlank()) {
          problems.add(String.format("steps[%d]: setHeaderRoute needs a route name", i));
        }
        if (h.header().isPresent()
            && (h.header().get().isBlank() || h.value().orElse("").isEmpty())) {
          problems.add(
              String.format("steps[%d]: setHeaderRoute needs a header name and a value", i));
        }
      } else if (step instanceof ExperimentStep e) {
        checkExperiment(i, e, problems);
      } else if (step instanceof PluginStep plugin && plugin.name().isBlank()) {
        problems.add(String.format("steps[%d]: plugin step names no plugin", i));
      } else if (step instanceof SetCanaryScaleStep scs) {
        final int at = i;
        if (scs.replicas().isPresent() && scs.weight().isPresent()) {
          problems.add(
              String.format("steps[%d]: setCanaryScale takes replicas or weight, not both", i));
        }
        scs.replicas()
            .filter(r -> r < 0)
            .ifPresent(
                r ->
                    problems.add(
                        String.format(
                            "steps[%d]: setCanaryScale replicas must be 0 or more, got %d",
                            at, r)));
        scs.weight()
            .filter(w -> w < 0 || w > 100)
            .ifPresent(
                w ->
                    problems.add(
                        String.format(
                            "steps[%d]: setCanaryScale weight %d is outside 0..100", at, w)));
      }
    }
    if (!steps().isEmpty() && !allowPartialFinalWeight()) {
      if (lastWeightIndex < 0) {
        problems.add("steps: no setWeight step; a profile ends by setting the weight to 100");
      } else {
        int last = ((SetWeightStep) steps().get(lastWeightIndex)).weight();
        if (last != 100) {
          problems.add(
              String.format(
                  "steps[%d]: the last weight is %d, not 100; Argo then promotes to 100%% with no"
                      + " step in between (end at 100, or set allowPartialFinalWeight)",
                  lastWeightIndex, last));
        }
      }
    }
    scaleDownDelaySeconds()
        .filter(d -> d < 0)
        .ifPresent(d -> problems.add("scaleDownDelaySeconds: must be 0 or more, got " + d));
    abortScaleDownDelaySeconds()
        .filter(d -> d < 0)
        .ifPresent(d -> problems.add("abortScaleDownDelaySeconds: must be 0 or more, got " + d));
    if (dynamicStableScale() && scaleDownDelaySeconds().isPresent()) {
      problems.add(
          "dynamicStableScale: Canary dynamicStableScale cannot be used with"
              + " scaleDownDelaySeconds");
    }
    backgroundGate()
        .filter(String::isBlank)
        .ifPresent(g -> problems.add("backgroundGate: names no gate"));
    backgroundStartingStep()
        .ifPresent(
            start -> {
              if (backgroundGate().isEmpty()) {
                problems.add("backgroundStartingStep: there is no backgroundGate to start");
              } else if (start < 0 || start >= steps().size()) {
                problems.add(
                    String.format(
                        "backgroundStartingStep: %d is not a step (0..%d)",
                        start, steps().size() - 1));
              }
            });
    if (!problems.isEmpty()) {
      throw new InvalidProfileException(name(), problems);
    }
  }

  /**
   * What Argo's rollout and experiment controllers would refuse, or what would never end: no
   * templates, a template without a name or with a repeated one (VerifyExperimentSpec), replicas
   * below 0, weights outside 0..100 or together above 100, a duration Argo cannot parse, a gate
   * without a name, and neither a duration nor a required gate.
   */
  private static void checkExperiment(int i, ExperimentStep e, List<String> problems) {
    String at = String.format("steps[%d]: experiment", i);
    if (e.templates().isEmpty()) {
      problems.add(at + " runs no templates; add ExperimentTemplate.stable or .canary");
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    int weights = 0;
    for (int j = 0; j < e.templates().size(); j++) {
      ExperimentTemplate t = e.templates().get(j);
      if (t.name().isBlank()) {
        problems.add(String.format("%s templates[%d] has no name", at, j));
      } else if (!names.add(t.name())) {
        problems.add(String.format("%s repeats template name '%s'", at, t.name()));
      }
      if (t.replicas().filter(r -> r < 0).isPresent()) {
        problems.add(
            String.format(
                "%s templates[%d] replicas must be 0 or more, got %d", at, j, t.replicas().get()));
      }
      if (t.weight().filter(w -> w < 0 || w > 100).isPresent()) {
        problems.add(
            String.format("%s templates[%d] weight %d is outside 0..100", at, j, t.weight().get()));
      }
      weights += t.weight().orElse(0);
    }
    if (weights > 100) {
      problems.add(
          String.format("%s weights add up to %d%%, more than all the traffic", at, weights));
    }
    e.duration()
        .ifPresent(
            d -> {
              OptionalLong seconds = ArgoDuration.goSeconds(d);
              if (seconds.isEmpty() || seconds.getAsLong() <= 0) {
                problems.add(
                    String.format(
                        "%s duration '%s' is not a positive Go duration such as 90s, 10m or 1h"
                            + " (Argo reads it with time.ParseDuration: no bare seconds)",
                        at, d));
              }
            });
    java.util.Set<String> analyses = new java.util.HashSet<>();
    for (ExperimentStep.Analysis a : e.analyses()) {
      if (a.gate().isBlank()) {
        problems.add(at + " analysis names no gate");
      } else if (!analyses.add(a.gate())) {
        problems.add(String.format("%s runs gate '%s' twice", at, a.gate()));
      }
    }
    if (e.duration().isEmpty()
        && e.analyses().stream().noneMatch(ExperimentStep.Analysis::requiredForCompletion)) {
      problems.add(
          at
              + " has neither a duration nor a required gate, so it never ends and the rollout"
              + " waits forever (give a duration or use withRequiredAnalysis)");
    }
  }

  /**
   * {@code mcp: 10% → 2m → 30% → gate(mcp-success-rate) → 60% → 2m → 100%}, then {@code ,
   * background gate(x) from step 1} when there is one.
   */
  @Override
  public String toString() {
    return name()
        + ": "
        + steps().stream().map(CanaryStep::describe).collect(Collectors.joining(" → "))
        + backgroundGate()
            .map(
                g -> ", background gate(" + g + ") from step " + backgroundStartingStep().orElse(0))
            .orElse("")
        + (dynamicStableScale() ? ", dynamic stable scale" : "")
        + scaleDownDelaySeconds().map(d -> ", scale-down delay " + d + "s").orElse("")
        + abortScaleDownDelaySeconds().map(d -> ", abort scale-down delay " + d + "s").orElse("");
  }

  /** Builds profiles; {@link #build()} checks the whole profile. */
  public static final class Builder extends ImmutableCanaryProfile.Builder {}
}
