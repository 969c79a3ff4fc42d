package dev.rolloutkit.assertj;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.Steps;
import dev.rolloutkit.profile.ArgoDuration;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a Rollout's canary, in canary words.
 *
 * <pre>{@code
 * assertThat(rollout).hasCanaryWeights(10, 30, 60, 100)
 *     .pausesFor(2, MINUTES).afterWeight(10)
 *     .gatesWithTemplate("mcp-success-rate").atWeight(30)
 *     .routesTrafficWithIstio();
 * }</pre>
 */
public class RolloutAssert extends AbstractAssert<RolloutAssert, Rollout> {

  public RolloutAssert(Rollout actual) {
    super(actual, RolloutAssert.class);
  }

  private List<Steps> steps() {
    isNotNull();
    if (actual.getSpec() == null
        || actual.getSpec().getStrategy() == null
        || actual.getSpec().getStrategy().getCanary() == null) {
      failWithMessage(
          "Expected %s to have a canary strategy but spec.strategy.canary is not set",
          Describe.of(actual));
    }
    List<Steps> steps = actual.getSpec().getStrategy().getCanary().getSteps();
    return steps == null ? List.of() : steps;
  }

  private List<Integer> weights() {
    List<Integer> weights = new ArrayList<>();
    steps()
        .forEach(
            s -> {
              if (s.getSetWeight() != null) {
                weights.add(s.getSetWeight());
              }
            });
    return weights;
  }

  /** The canary's setWeight steps are exactly {@code weights}, in order. */
  public RolloutAssert hasCanaryWeights(int... weights) {
    List<Integer> expected = Arrays.stream(weights).boxed().toList();
    if (!weights().equals(expected)) {
      failWithMessage(
          "Expected %s to set canary weights %s but spec.strategy.canary.steps sets %s",
          Describe.of(actual), expected, weights());
    }
    return myself;
  }

  /**
   * Expects a timed pause of {@code amount} {@code unit}; say after which weight with {@link
   * PauseCheck#afterWeight}.
   */
  public PauseCheck pausesFor(long amount, TimeUnit unit) {
    return new PauseCheck(this, unit.toSeconds(amount));
  }

  /**
   * Expects a timed pause of {@code amount} {@code unit}; say after which weight with {@link
   * PauseCheck#afterWeight}.
   */
  public PauseCheck pausesFor(long amount, ChronoUnit unit) {
    return new PauseCheck(this, Duration.of(amount, unit).getSeconds());
  }

  /**
   * Expects a pause until promotion; say after which weight with {@link PauseCheck#afterWeight}.
   */
  public PauseCheck pausesUntilPromoted() {
    return new PauseCheck(this, -1);
  }

  /**
   * Expects an analysis step running template {@code template}; say at which weight with {@link
   * GateCheck#atWeight}.
   */
  public GateCheck gatesWithTemplate(String template) {
    return new GateCheck(this, template);
  }

  /**
   * After weight {@code weight} and before the next weight, there is a pause of {@code seconds}
   * (-1: until promoted).
   */
  public RolloutAssert hasPauseAfterWeight(int weight, long seconds) {
    List<Steps> steps = steps();
    int at = indexOfWeight(steps, weight);
    String wanted = seconds < 0 ? "until promoted" : "for " + Describe.seconds(seconds);
    List<String> found = new ArrayList<>();
    for (int i = at + 1; i < steps.size() && steps.get(i).getSetWeight() == null; i++) {
      if (steps.get(i).getPause() != null) {
        var duration = steps.get(i).getPause().getDuration();
        if (duration == null) {
          if (seconds < 0) {
            return myself;
          }
          found.add("steps[" + i + "] pauses until promoted");
          continue;
        }
        OptionalLong actualSeconds =
            ArgoDuration.seconds(
                duration.getStrVal() != null ? duration.getStrVal() : duration.getIntVal() + "");
        if (seconds >= 0 && actualSeconds.isPresent() && actualSeconds.getAsLong() == seconds) {
          return myself;
        }
        found.add(
            "spec.strategy.canary.steps["
                + i
                + "] pauses for "
                + (duration.getStrVal() != null
                    ? duration.getStrVal()
                    : duration.getIntVal() + "s"));
      }
    }
    failWithMessage(
        "Expected %s to pause %s after weight %d but %s",
        Describe.of(actual),
        wanted,
        weight,
        found.isEmpty()
            ? "no pause follows weight "
                + weight
                + " (spec.strategy.canary.steps["
                + at
                + "]) before the next weight"
            : String.join(", ", found));
    return myself;
  }

  /** An analysis step runs {@code template} while the canary is at {@code weight}. */
  public RolloutAssert hasGateAtWeight(String template, int weight) {
    List<Steps> steps = steps();
    int current = 0;
    List<String> found = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Steps s = steps.get(i);
      if (s.getSetWeight() != null) {
        current = s.getSetWeight();
      }
      if (s.getAnalysis() != null
          && s.getAnalysis().getTemplates() != null
          && s.getAnalysis().getTemplates().stream()
              .anyMatch(t -> template.equals(t.getTemplateName()))) {
        if (current == weight) {
          return myself;
        }
        found.add("at weight " + current + " (spec.strategy.canary.steps[" + i + "])");
      }
    }
    failWithMessage(
        "Expected %s to run analysis template %s at weight %d but %s",
        Describe.of(actual),
        template,
        weight,
        found.isEmpty() ? "no analysis step runs it" : "it runs " + String.join(", ", found));
    return myself;
  }

  /**
   * The canary steps are, in order, of these Argo kinds: {@code setWeight}, {@code pause}, {@code
   * analysis}, {@code setCanaryScale}, {@code setHeaderRoute}, {@code setMirrorRoute}, {@code
   * experiment}, {@code plugin}.
   */
  public RolloutAssert hasStepKinds(String... kinds) {
    isNotNull();
    var canary = actual.getSpec().getStrategy().getCanary();
    java.util.List<String> found = new java.util.ArrayList<>();
    if (canary != null && canary.getSteps() != null) {
      for (var step : canary.getSteps()) {
        found.add(
            step.getSetWeight() != null
                ? "setWeight"
                : step.getPause() != null
                    ? "pause"
                    : step.getAnalysis() != null
                        ? "analysis"
                        : step.getSetCanaryScale() != null
                            ? "setCanaryScale"
                            : step.getSetHeaderRoute() != null
                                ? "setHeaderRoute"
                                : step.getSetMirrorRoute() != null
                                    ? "setMirrorRoute"
                                    : step.getExperiment() != null
                                        ? "experiment"
                                        : step.getPlugin() != null ? "plugin" : "unknown");
      }
    }
    if (!found.equals(java.util.Arrays.asList(kinds))) {
      failWithMessage(
          "Expected %s to have steps %s but it has %s",
          Describe.of(actual), java.util.Arrays.asList(kinds), found);
    }
    return myself;
  }

  /**
   * A setHeaderRoute step sends requests whose {@code header} is exactly {@code value} to the
   * canary on route {@code route}, and the route is one of the Rollout's managedRoutes.
   */
  public RolloutAssert routesHeaderToCanary(String route, String header, String value) {
    List<String> found = new ArrayList<>();
    for (Steps step : steps()) {
      var h = step.getSetHeaderRoute();
      if (h != null && h.getMatch() != null) {
        for (var m : h.getMatch()) {
          String exact = m.getHeaderValue() == null ? null : m.getHeaderValue().getExact();
          if (route.equals(h.getName())
              && header.equals(m.getHeaderName())
              && value.equals(exact)) {
            return managesRoute(route);
          }
          found.add(h.getName() + ": " + m.getHeaderName() + "=" + exact);
        }
      }
    }
    failWithMessage(
        "Expected %s to route header %s=%s to the canary on route '%s' but its header routes are"
            + " %s",
        Describe.of(actual), header, value, route, found);
    return myself;
  }

  /** A setMirrorRoute step mirrors {@code percent} % of requests to the canary on {@code route}. */
  public RolloutAssert mirrorsToCanary(String route, int percent) {
    List<String> found = new ArrayList<>();
    for (Steps step : steps()) {
      var m = step.getSetMirrorRoute();
      if (m != null && m.getPercentage() != null) {
        if (route.equals(m.getName()) && m.getPercentage() == percent) {
          return managesRoute(route);
        }
        found.add(m.getName() + ": " + m.getPercentage() + " %");
      }
    }
    failWithMessage(
        "Expected %s to mirror %d %% to the canary on route '%s' but its mirror routes are %s",
        Describe.of(actual), percent, route, found);
    return myself;
  }

  private RolloutAssert managesRoute(String route) {
    var routing = actual.getSpec().getStrategy().getCanary().getTrafficRouting();
    List<String> managed = new ArrayList<>();
    if (routing != null && routing.getManagedRoutes() != null) {
      routing.getManagedRoutes().forEach(m -> managed.add(m.getName()));
    }
    if (!managed.contains(route)) {
      failWithMessage(
          "Expected %s to declare route '%s' in"
              + " spec.strategy.canary.trafficRouting.managedRoutes, as Argo requires, but they"
              + " are %s",
          Describe.of(actual), route, managed);
    }
    return myself;
  }

  /**
   * An experiment step runs pods of the canary's pod template, judged by the AnalysisTemplate
   * {@code template}.
   */
  public RolloutAssert runsExperimentJudgedBy(String template) {
    List<String> found = new ArrayList<>();
    for (Steps step : steps()) {
      var e = step.getExperiment();
      if (e != null) {
        boolean canary =
            e.getTemplates() != null
                && e.getTemplates().stream().anyMatch(t -> "canary".equals(t.getSpecRef()));
        if (e.getAnalyses() != null) {
          for (var a : e.getAnalyses()) {
            if (canary && template.equals(a.getTemplateName())) {
              return myself;
            }
            found.add(a.getTemplateName() + (canary ? "" : " (no canary template)"));
          }
        }
      }
    }
    failWithMessage(
        "Expected %s to run an experiment with the canary's pods judged by %s but its experiments"
            + " are judged by %s",
        Describe.of(actual), template, found);
    return myself;
  }

  private dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.BlueGreen blueGreen() {
    isNotNull();
    var strategy = actual.getSpec() == null ? null : actual.getSpec().getStrategy();
    if (strategy == null || strategy.getBlueGreen() == null) {
      failWithMessage(
          "Expected %s to release blue-green but spec.strategy.blueGreen is not set",
          Describe.of(actual));
    }
    return strategy.getBlueGreen();
  }

  /** It releases blue-green, switching Service {@code active} after validating {@code preview}. */
  public RolloutAssert releasesBlueGreen(String active, String preview) {
    var bg = blueGreen();
    if (!active.equals(bg.getActiveService()) || !preview.equals(bg.getPreviewService())) {
      failWithMessage(
          "Expected %s to switch active Service %s after preview Service %s but"
              + " spec.strategy.blueGreen has activeService %s and previewService %s",
          Describe.of(actual), active, preview, bg.getActiveService(), bg.getPreviewService());
    }
    return myself;
  }

  /** Blue-green: AnalysisTemplate {@code template} judges the preview before the switch. */
  public RolloutAssert validatesBeforePromotionWith(String template) {
    var pre = blueGreen().getPrePromotionAnalysis();
    List<String> found = new ArrayList<>();
    if (pre != null && pre.getTemplates() != null) {
      pre.getTemplates().forEach(t -> found.add(t.getTemplateName()));
    }
    if (!found.contains(template)) {
      failWithMessage(
          "Expected %s to validate the preview with %s before promotion but"
              + " spec.strategy.blueGreen.prePromotionAnalysis runs %s",
          Describe.of(actual), template, found);
    }
    return myself;
  }

  /** Blue-green: AnalysisTemplate {@code template} judges the new version after the switch. */
  public RolloutAssert validatesAfterPromotionWith(String template) {
    var post = blueGreen().getPostPromotionAnalysis();
    List<String> found = new ArrayList<>();
    if (post != null && post.getTemplates() != null) {
      post.getTemplates().forEach(t -> found.add(t.getTemplateName()));
    }
    if (!found.contains(template)) {
      failWithMessage(
          "Expected %s to validate the new version with %s after promotion but"
              + " spec.strategy.blueGreen.postPromotionAnalysis runs %s",
          Describe.of(actual), template, found);
    }
    return myself;
  }

  /** A background analysis runs {@code template} from step {@code startingStep}. */
  public RolloutAssert hasBackgroundGate(String template, int startingStep) {
    isNotNull();
    var analysis = actual.getSpec().getStrategy().getCanary().getAnalysis();
    boolean ok =
        analysis != null
            && analysis.getTemplates() != null
            && analysis.getTemplates().stream().anyMatch(t -> template.equals(t.getTemplateName()))
            && java.util.Objects.equals(
                analysis.getStartingStep() == null ? 0 : analysis.getStartingStep(), startingStep);
    if (!ok) {
      failWithMessage(
          "Expected %s to run %s in the background from step %d but strategy.canary.analysis is"
              + " %s",
          Describe.of(actual), template, startingStep, analysis);
    }
    return myself;
  }

  public RolloutAssert routesTrafficWithIstio() {
    return routesTrafficWith(
        "istio", trafficRouting() != null && trafficRouting().getIstio() != null);
  }

  /** Traffic is split by NGINX Ingress ({@code trafficRouting.nginx}). */
  public RolloutAssert routesTrafficWithNginx() {
    return routesTrafficWith(
        "nginx", trafficRouting() != null && trafficRouting().getNginx() != null);
  }

  /** No traffic router: the canary's share is its share of replicas. */
  public RolloutAssert splitsTrafficByReplicas() {
    steps();
    if (trafficRouting() != null) {
      failWithMessage(
          "Expected %s to split traffic by replicas but spec.strategy.canary.trafficRouting is set",
          Describe.of(actual));
    }
    return myself;
  }

  private RolloutAssert routesTrafficWith(String router, boolean ok) {
    steps();
    if (!ok) {
      failWithMessage(
          "Expected %s to route traffic with %s but spec.strategy.canary.trafficRouting.%s is not"
              + " set",
          Describe.of(actual), router, router);
    }
    return myself;
  }

  private dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.TrafficRouting trafficRouting() {
    return actual.getSpec().getStrategy().getCanary().getTrafficRouting();
  }

  private int indexOfWeight(List<Steps> steps, int weight) {
    for (int i = 0; i < steps.size(); i++) {
      if (Integer.valueOf(weight).equals(steps.get(i).getSetWeight())) {
        return i;
      }
    }
    failWithMessage(
        "Expected %s to have a setWeight step with weight %d but its weights are %s",
        Describe.of(actual), weight, weights());
    return -1;
  }

  /** The second half of {@code pausesFor(…)}. */
  public static final class PauseCheck {
    private final RolloutAssert owner;
    private final long seconds;

    PauseCheck(RolloutAssert owner, long seconds) {
      this.owner = owner;
      this.seconds = seconds;
    }

    /** …after the step that sets {@code weight}, before the next weight. */
    public RolloutAssert afterWeight(int weight) {
      return owner.hasPauseAfterWeight(weight, seconds);
    }
  }

  /** The second half of {@code gatesWithTemplate(…)}. */
  public static final class GateCheck {
    private final RolloutAssert owner;
    private final String template;

    GateCheck(RolloutAssert owner, String template) {
      this.owner = owner;
      this.template = template;
    }

    /** …while the canary is at {@code weight}. */
    public RolloutAssert atWeight(int weight) {
      return owner.hasGateAtWeight(template, weight);
    }
  }
}
