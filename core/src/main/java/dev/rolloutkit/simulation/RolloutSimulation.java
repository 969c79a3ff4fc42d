package dev.rolloutkit.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.manifest.Manifest;
import dev.rolloutkit.manifest.Manifests;
import dev.rolloutkit.profile.ArgoDuration;
import dev.rolloutkit.simulation.AnalysisRunSimulation.Metric;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a canary Rollout will do in a {@link Scenario}, before it runs: its steps in Argo's order,
 * each analysis run by the controller's rules with measurements judged by Argo's condition
 * evaluation, background analysis beside the steps, the replicas per ReplicaSet, and the outcome:
 * promoted, aborted at a step and weight, or paused.
 *
 * <pre>{@code
 * RolloutSimulation.Report report =
 *     RolloutSimulation.of(stack.resources()).with(Scenario.read(Path.of("healthy.yaml"))).run();
 * report.outcome();   // PROMOTED
 * }</pre>
 *
 * Simplifications, stated: measurements and pod start-up take no time, reconciles happen exactly
 * when due, traffic moves to a setWeight at once, and an indefinite pause is where a person would
 * have to promote (the outcome is then paused).
 */
public final class RolloutSimulation {

  /** How the rollout ends. */
  public enum Outcome {
    PROMOTED("promoted"),
    ABORTED("aborted"),
    PAUSED("paused");

    private final String json;

    Outcome(String json) {
      this.json = json;
    }

    /** The name the JSON report uses. */
    public String json() {
      return json;
    }
  }

  /** One measurement: metric, time, the value the query returned, its phase and any message. */
  public record Measurement(
      String metric, double seconds, String value, MeasurementPhase phase, String message) {}

  /** The state from {@code seconds} on: step, canary weight, pods per ReplicaSet. */
  public record Point(
      double seconds, int step, int weight, int canaryReplicas, int stableReplicas) {}

  /** The simulation's answer. */
  public record Report(
      Outcome outcome,
      Integer abortedAtStep,
      Integer abortedAtWeight,
      double seconds,
      double canaryRequestShare,
      String reason,
      List<Measurement> measurements,
      List<Point> timeline,
      List<String> warnings) {}

  private final JsonNode rollout;
  private final JsonNode scaledObject;
  private final String rolloutName;
  private final Map<String, JsonNode> templates;
  private final Scenario scenario;
  private Live live;

  /** Measurements from a real Prometheus: the server, the time of step 0, the arguments. */
  private record Live(
      PrometheusClient prometheus, java.time.Instant start, Map<String, String> args) {}

  private RolloutSimulation(
      JsonNode rollout,
      JsonNode scaledObject,
      String name,
      Map<String, JsonNode> templates,
      Scenario scenario) {
    this.rollout = rollout;
    this.scaledObject = scaledObject;
    this.rolloutName = name;
    this.templates = templates;
    this.scenario = scenario;
  }

  /** The Rollout among {@code resources} (exactly one) with its analysis templates. */
  public static RolloutSimulation of(List<? extends HasMetadata> resources) {
    List<JsonNode> trees = new ArrayList<>();
    for (HasMetadata r : resources) {
      trees.add(Manifests.toTree(r));
    }
    return fromTrees(trees);
  }

  /** The Rollout among the read {@code manifests} (exactly one) with its analysis templates. */
  public static RolloutSimulation read(List<Manifest> manifests) {
    List<JsonNode> trees = new ArrayList<>();
    for (Manifest m : manifests) {
      if (m.error().isPresent()) {
        throw new TemplateMetrics.InputException(m.error().get().toString());
      }
      m.tree().ifPresent(trees::add);
    }
    return fromTrees(trees);
  }

  private static RolloutSimulation fromTrees(List<JsonNode> trees) {
    JsonNode rollout = null;
    List<JsonNode> scaledObjects = new ArrayList<>();
    Map<String, JsonNode> templates = new LinkedHashMap<>();
    for (JsonNode t : trees) {
      String kind = t.path("kind").asText();
      String name = t.path("metadata").path("name").asText();
      if (kind.equals("Rollout")) {
        if (rollout != null) {
          throw new TemplateMetrics.InputException(
              "several Rollouts ("
                  + rollout.path("metadata").path("name").asText()
                  + ", "
                  + name
                  + "): simulate one at a time");
        }
        rollout = t;
      } else if (kind.equals("AnalysisTemplate") || kind.equals("ClusterAnalysisTemplate")) {
        templates.put(kind + "/" + name, t);
      } else if (kind.equals("ScaledObject")) {
        scaledObjects.add(t);
      }
    }
    if (rollout == null) {
      throw new TemplateMetrics.InputException("no Rollout to simulate");
    }
    if (rollout.path("spec").path("strategy").path("canary").isMissingNode()) {
      throw new CannotSimulateException("cannot simulate: only canary Rollouts are simulated");
    }
    String name = rollout.path("metadata").path("name").asText();
    JsonNode scaler =
        scaledObjects.stream()
            .filter(
                so ->
                    so.path("spec").path("scaleTargetRef").path("kind").asText().equals("Rollout")
                        && so.path("spec")
                            .path("scaleTargetRef")
                            .path("name")
                            .asText()
                            .equals(name))
            .findFirst()
            .orElse(null);
    return new RolloutSimulation(rollout, scaler, name, templates, null);
  }

  /** This simulation in {@code scenario}. */
  public RolloutSimulation with(Scenario scenario) {
    RolloutSimulation copy =
        new RolloutSimulation(rollout, scaledObject, rolloutName, templates, scenario);
    copy.live = live;
    return copy;
  }

  /**
   * This simulation with every measurement taken on a real Prometheus: the metric's query, with
   * {@code args} substituted for {@code {{args.name}}} as Argo does, runs at {@code start} plus the
   * measurement's time, and its result goes through Argo's condition evaluation. The scenario still
   * gives the request rate, the outages (measurements then are Errors without a query) and KEDA's
   * triggers; its {@code metrics} are not used.
   */
  public RolloutSimulation against(
      PrometheusClient prometheus, java.time.Instant start, Map<String, String> args) {
    RolloutSimulation copy =
        new RolloutSimulation(rollout, scaledObject, rolloutName, templates, scenario);
    copy.live = new Live(prometheus, start, Map.copyOf(args));
    return copy;
  }

  /**
   * The Rollout's pod-hours over the first day of the scenario's request rate, scaled by its
   * ScaledObject, against a fixed number of pods all day ({@link DailyCost}, with its stated
   * assumptions).
   */
  public DailyCost.Report dailyCost() {
    if (scenario == null) {
      throw new IllegalStateException("give a scenario with with(Scenario)");
    }
    if (scaledObject == null) {
      throw new TemplateMetrics.InputException(
          "the daily cost needs a ScaledObject scaling Rollout " + rolloutName);
    }
    return DailyCost.of(scaledObject, scenario);
  }

  /** Runs the rollout to its outcome. */
  public Report run() {
    if (scenario == null) {
      throw new IllegalStateException("give a scenario with with(Scenario)");
    }
    JsonNode canary = rollout.path("spec").path("strategy").path("canary");
    JsonNode steps = canary.path("steps");
    // without spec.replicas, a ScaledObject's HPA brings the Rollout to its minimum
    int replicas =
        rollout.path("spec").has("replicas")
            ? rollout.path("spec").path("replicas").asInt(1)
            : scaledObject != null
                ? Math.max(1, scaledObject.path("spec").path("minReplicaCount").asInt(0))
                : 1;
    boolean routed = canary.has("trafficRouting");
    scales = canaryScales(steps);
    List<Point> timeline = new ArrayList<>();
    List<Measurement> measurements = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(scenario.seed);
    double t = 0;
    int weight = 0;
    timeline.add(point(0, 0, 0, replicas, routed, canary, Scale.NONE));
    Outcome outcome = Outcome.PROMOTED;
    Integer abortedAtStep = null;
    String reason = "every step completed";
    List<double[]> stepStarts = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      JsonNode step = steps.get(i);
      stepStarts.add(new double[] {t, i, weight});
      if (step.has("setWeight")) {
        weight = step.get("setWeight").asInt();
        timeline.add(point(t, i, weight, replicas, routed, canary, scales.get(i)));
      } else if (step.has("setCanaryScale") && routed) {
        timeline.add(point(t, i, weight, replicas, routed, canary, scales.get(i)));
      } else if (step.has("pause")) {
        JsonNode duration = step.get("pause").path("duration");
        if (duration.isMissingNode() || duration.isNull()) {
          outcome = Outcome.PAUSED;
          reason = "step " + i + " pauses until a person promotes the rollout";
          break;
        }
        t += seconds(duration.asText(), "steps[" + i + "].pause.duration");
      } else if (step.has("analysis")) {
        List<Metric> metrics = metrics(step.get("analysis"), "steps[" + i + "].analysis");
        var run = runAnalysis(metrics, t, measurements, random);
        if (run.phase() == AnalysisRunSimulation.Phase.SUCCESSFUL) {
          t += run.seconds();
          continue;
        }
        t += run.seconds();
        if (run.phase() == AnalysisRunSimulation.Phase.RUNNING) {
          outcome = Outcome.PAUSED;
          reason = "the analysis of step " + i + " was still running at the scenario's horizon";
        } else if (run.reaction() == AnalysisRunSimulation.Reaction.PAUSE) {
          outcome = Outcome.PAUSED;
          reason = "Step-based analysis phase Inconclusive: " + run.message();
        } else {
          outcome = Outcome.ABORTED;
          abortedAtStep = i;
          reason =
              "Step-based analysis phase "
                  + (run.phase() == AnalysisRunSimulation.Phase.ERROR ? "error" : "failed")
                  + ": "
                  + run.message();
        }
        break;
      } else if (step.has("experiment")) {
        throw new CannotSimulateException("cannot simulate: experiment steps (step " + i + ")");
      } else if (step.has("plugin")) {
        throw new CannotSimulateException(
            "cannot simulate: plugin steps (step "
                + i
                + "): how long they take and whether they pass is the plugin's own");
      }
      // setCanaryScale, setHeaderRoute and setMirrorRoute steps take no simulated time
    }
    // background analysis, from its starting step to the steps' outcome
    JsonNode background = canary.path("analysis");
    if (background.has("templates") && !stepStarts.isEmpty()) {
      int starting = background.path("startingStep").asInt(0);
      if (starting < stepStarts.size()) {
        double from = stepStarts.get(starting)[0];
        List<Measurement> bg = new ArrayList<>();
        var run = runBackground(metrics(background, "analysis"), from, t, bg, random);
        if (run != null
            && run.phase().completed()
            && run.phase() != AnalysisRunSimulation.Phase.SUCCESSFUL
            && from + run.seconds() <= t) {
          double at = from + run.seconds();
          int step = 0;
          int w = 0;
          for (double[] s : stepStarts) {
            if (s[0] <= at) {
              step = (int) s[1];
              w = (int) s[2];
            }
          }
          for (Point p : timeline) {
            if (p.seconds() <= at) {
              w = p.weight();
            }
          }
          t = at;
          weight = w;
          if (run.reaction() == AnalysisRunSimulation.Reaction.PAUSE) {
            outcome = Outcome.PAUSED;
            reason = "Background analysis phase Inconclusive: " + run.message();
          } else {
            outcome = Outcome.ABORTED;
            abortedAtStep = step;
            reason =
                "Background analysis phase "
                    + (run.phase() == AnalysisRunSimulation.Phase.ERROR ? "error" : "failed")
                    + ": "
                    + run.message();
          }
          double cut = at;
          timeline.removeIf(p -> p.seconds() > cut);
          measurements.removeIf(m -> m.seconds() > cut);
        }
        final double until = t;
        bg.stream().filter(m -> m.seconds() <= until).forEach(measurements::add);
        measurements.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
      }
    }
    final double end = t;
    List<String> warnings = new ArrayList<>();
    List<double[]> scale = kedaReplicas(replicas, end, random, warnings, timeline, routed, canary);
    if (scale.size() > 1) {
      timeline = rescaled(timeline, scale, routed, canary);
    }
    double share = share(timeline, end, replicas, routed);
    Integer abortedAtWeight = outcome == Outcome.ABORTED ? weight : null;
    int last = replicasAt(scale, end);
    Point before = timeline.get(timeline.size() - 1);
    boolean dynamic = canary.path("dynamicStableScale").asBoolean(false);
    if (outcome == Outcome.ABORTED && routed) {
      // the weight goes to 0 at once; the canary's pods stay until abortScaleDownDelaySeconds
      // (30 s by default; 0 keeps them) after the stable is fully available again
      timeline.add(new Point(end, abortedAtStep, 0, before.canaryReplicas(), last));
      double delay = canary.path("abortScaleDownDelaySeconds").asDouble(30);
      if (delay > 0) {
        timeline.add(new Point(end + delay, abortedAtStep, 0, 0, last));
      }
    } else if (outcome == Outcome.ABORTED) {
      timeline.add(point(end, abortedAtStep, 0, last, routed, canary, Scale.NONE));
    } else if (outcome == Outcome.PROMOTED && routed && !dynamic) {
      // the old stable keeps its pods for scaleDownDelaySeconds (30 s by default)
      timeline.add(new Point(end, steps.size(), 100, last, last));
      timeline.add(
          new Point(
              end + canary.path("scaleDownDelaySeconds").asDouble(30), steps.size(), 100, last, 0));
    } else if (outcome == Outcome.PROMOTED) {
      timeline.add(new Point(end, steps.size(), 100, last, 0));
    }
    return new Report(
        outcome,
        abortedAtStep,
        abortedAtWeight,
        end,
        share,
        reason,
        List.copyOf(measurements),
        List.copyOf(timeline),
        List.copyOf(warnings));
  }

  /** The setCanaryScale in force: a replica count, a weight, or neither (matchTrafficWeight). */
  private record Scale(Integer replicas, Integer weight) {
    static final Scale NONE = new Scale(null, null);
  }

  private List<Scale> scales = List.of();

  /** The setCanaryScale in force after each step (it applies only with traffic routing). */
  private static List<Scale> canaryScales(JsonNode steps) {
    List<Scale> out = new ArrayList<>();
    Scale current = Scale.NONE;
    for (JsonNode step : steps) {
      JsonNode scs = step.path("setCanaryScale");
      if (!scs.isMissingNode()) {
        current =
            scs.has("replicas")
                ? new Scale(scs.get("replicas").asInt(), null)
                : scs.has("weight") ? new Scale(null, scs.get("weight").asInt()) : Scale.NONE;
      }
      out.add(current);
    }
    return out;
  }

  /** The setCanaryScale each point of the timeline was computed with. */
  private final java.util.IdentityHashMap<Point, Scale> scaleOf = new java.util.IdentityHashMap<>();

  private Point point(
      double t, int step, int weight, int replicas, boolean routed, JsonNode canary, Scale scale) {
    Point p = pointOf(t, step, weight, replicas, routed, canary, scale);
    scaleOf.put(p, scale);
    return p;
  }

  private Point pointOf(
      double t, int step, int weight, int replicas, boolean routed, JsonNode canary, Scale scale) {
    if (routed) {
      var counts =
          ReplicaSplit.trafficRouted(
              replicas,
              scale.weight() != null ? scale.weight() : weight,
              scale.replicas(),
              canary.has("minPodsPerReplicaSet")
                  ? canary.get("minPodsPerReplicaSet").asInt()
                  : null,
              canary.path("dynamicStableScale").asBoolean(false),
              weight,
              100 - weight,
              false);
      return new Point(t, step, weight, counts.canary(), counts.stable());
    }
    var settled =
        ReplicaSplit.settled(
            replicas,
            weight,
            canary.path("maxSurge").asText("25%"),
            canary.path("maxUnavailable").asText("25%"));
    return new Point(t, step, weight, settled.canary(), settled.stable());
  }

  /**
   * spec.replicas over time as the Rollout's ScaledObject sets it on its poll loop ({@link
   * KedaExecutor}: from zero or idle to minReplicaCount, to idle or zero after the cooldown), as
   * (time, replicas) changes; one entry when there is no ScaledObject. Between the polls its HPA
   * syncs every 15 s on the triggers' values, seeing status.HPAReplicas (the canary's pods
   * included).
   */
  private List<double[]> kedaReplicas(
      int replicas,
      double end,
      SplittableRandom random,
      List<String> warnings,
      List<Point> timeline,
      boolean routed,
      JsonNode canary) {
    List<double[]> changes = new ArrayList<>();
    changes.add(new double[] {0, replicas});
    if (scaledObject == null) {
      return changes;
    }
    String name = scaledObject.path("metadata").path("name").asText();
    JsonNode triggers = scaledObject.path("spec").path("triggers");
    if (scenario.kedaTriggers.isEmpty()) {
      warnings.add(
          "ScaledObject "
              + name
              + " scales this Rollout, but the scenario gives no kedaTriggers:"
              + " its replicas stay at "
              + replicas);
      return changes;
    }
    if (scenario.kedaTriggers.size() != triggers.size()) {
      throw new TemplateMetrics.InputException(
          scenario.name
              + ": kedaTriggers: ScaledObject "
              + name
              + " has "
              + triggers.size()
              + " triggers, the scenario gives "
              + scenario.kedaTriggers.size());
    }
    JsonNode spec = scaledObject.path("spec");
    KedaExecutor keda =
        new KedaExecutor(
            new KedaExecutor.Settings(
                spec.path("pollingInterval").asDouble(30),
                spec.path("cooldownPeriod").asDouble(300),
                spec.path("initialCooldownPeriod").asDouble(0),
                spec.path("minReplicaCount").asInt(0),
                spec.has("idleReplicaCount") ? spec.get("idleReplicaCount").asInt() : null,
                0));
    int current = replicas;
    int k = 0;
    double polling = spec.path("pollingInterval").asDouble(30);
    int min = spec.path("minReplicaCount").asInt(0);
    Hpa hpa =
        new Hpa(
            Math.max(1, min), Math.max(Math.max(1, min), spec.path("maxReplicaCount").asInt(100)));
    double[] values = new double[triggers.size()];
    double nextPoll = 0;
    double nextSync = 0;
    while (Math.min(nextPoll, nextSync) <= end) {
      double t = Math.min(nextPoll, nextSync);
      if (t == nextPoll) {
        k++;
        boolean active = false;
        for (int i = 0; i < triggers.size(); i++) {
          Object result = Scenario.resultOf(value(scenario.kedaTriggers.get(i), k, random));
          values[i] = result instanceof double[] xs ? KedaExecutor.prometheusValue(xs) : 0;
          double threshold =
              triggers.get(i).path("metadata").path("activationThreshold").asDouble(0);
          active |= values[i] > threshold;
        }
        int next = keda.poll(t, active ? 1 : 0, current);
        if (next != current) {
          changes.add(new double[] {t, next});
          warnings.add(
              "ScaledObject "
                  + name
                  + " scaled the Rollout from "
                  + current
                  + " to "
                  + next
                  + " replicas at "
                  + ArgoDuration.format(java.time.Duration.ofSeconds(Math.round(t)))
                  + (next == 0 ? ", mid-canary: neither the canary nor the stable has a pod" : ""));
          current = next;
        }
        nextPoll += polling;
      }
      if (t == nextSync) {
        if (current > 0) {
          // the HPA KEDA made: every trigger's proposal, the largest wins; status.HPAReplicas
          // counts the pods of every ReplicaSet, the canary's too
          int pods = podsAt(timeline, t, current, routed, canary);
          int proposal = 0;
          for (int i = 0; i < triggers.size(); i++) {
            double target = triggers.get(i).path("metadata").path("threshold").asDouble(0);
            if (!(target > 0)) {
              continue;
            }
            proposal =
                Math.max(
                    proposal,
                    "Value".equals(triggers.get(i).path("metricType").asText("AverageValue"))
                        ? Hpa.value(values[i], target, current, pods, Hpa.TOLERANCE)
                        : Hpa.averageValue(values[i], target, pods, Hpa.TOLERANCE));
          }
          int next = hpa.sync(t, current, proposal);
          if (next != current) {
            changes.add(new double[] {t, next});
            warnings.add(
                "the HPA of ScaledObject "
                    + name
                    + " scaled the Rollout from "
                    + current
                    + " to "
                    + next
                    + " replicas at "
                    + ArgoDuration.format(java.time.Duration.ofSeconds(Math.round(t)))
                    + " (status.HPAReplicas "
                    + pods
                    + ", the canary's pods included)");
            current = next;
          }
        }
        nextSync += DailyCost.SYNC;
      }
    }
    return changes;
  }

  /** Every pod of the Rollout at {@code t} with spec.replicas {@code replicas}. */
  private int podsAt(
      List<Point> timeline, double t, int replicas, boolean routed, JsonNode canary) {
    Point at = timeline.get(0);
    for (Point p : timeline) {
      if (p.seconds() <= t) {
        at = p;
      }
    }
    Point now =
        pointOf(
            t,
            at.step(),
            at.weight(),
            replicas,
            routed,
            canary,
            scaleOf.getOrDefault(at, Scale.NONE));
    return now.canaryReplicas() + now.stableReplicas();
  }

  private static int replicasAt(List<double[]> changes, double t) {
    int r = (int) changes.get(0)[1];
    for (double[] c : changes) {
      if (c[0] <= t) {
        r = (int) c[1];
      }
    }
    return r;
  }

  /** The timeline with pods recomputed from spec.replicas as KEDA changes it. */
  private List<Point> rescaled(
      List<Point> timeline, List<double[]> changes, boolean routed, JsonNode canary) {
    java.util.TreeMap<Double, Point> points = new java.util.TreeMap<>();
    for (Point p : timeline) {
      points.put(
          p.seconds(),
          point(
              p.seconds(),
              p.step(),
              p.weight(),
              replicasAt(changes, p.seconds()),
              routed,
              canary,
              scaleOf.getOrDefault(p, Scale.NONE)));
    }
    for (double[] c : changes) {
      var before = points.floorEntry(c[0]);
      Point at = before == null ? timeline.get(0) : before.getValue();
      points.put(
          c[0],
          point(
              c[0],
              at.step(),
              at.weight(),
              (int) c[1],
              routed,
              canary,
              scaleOf.getOrDefault(at, Scale.NONE)));
    }
    return new ArrayList<>(points.values());
  }

  /** The share of requests the canary served until {@code end}, weighted by the request rate. */
  private double share(List<Point> timeline, double end, int replicas, boolean routed) {
    double canary = 0;
    double total = 0;
    double dt = 1;
    for (double s = 0; s < end; s += dt) {
      Point p = timeline.get(0);
      for (Point q : timeline) {
        if (q.seconds() <= s) {
          p = q;
        }
      }
      double fraction =
          routed
              ? p.weight() / 100.0
              : p.canaryReplicas() + p.stableReplicas() == 0
                  ? 0
                  : (double) p.canaryReplicas() / (p.canaryReplicas() + p.stableReplicas());
      double requests = scenario.rate(s) * Math.min(dt, end - s);
      canary += requests * fraction;
      total += requests;
    }
    return total == 0 ? 0 : canary / total;
  }

  private AnalysisRunSimulation.Outcome runAnalysis(
      List<Metric> metrics, double start, List<Measurement> out, SplittableRandom random) {
    return AnalysisRunSimulation.of(metrics)
        .run(source(start, out, random), scenario.horizon - start);
  }

  private AnalysisRunSimulation.Outcome runBackground(
      List<Metric> metrics,
      double start,
      double end,
      List<Measurement> out,
      SplittableRandom random) {
    if (end <= start) {
      return null;
    }
    return AnalysisRunSimulation.of(metrics).run(source(start, out, random), end - start);
  }

  private final Map<String, JsonNode> conditions = new LinkedHashMap<>();

  private AnalysisRunSimulation.Measurements source(
      double start, List<Measurement> out, SplittableRandom random) {
    Conditions evaluate = Conditions.of(scenario.version);
    return (metric, k, seconds) -> {
      double at = start + seconds;
      if (scenario.prometheusDown(at)) {
        String message = "Post \"/api/v1/query\": dial tcp: connect: connection refused";
        out.add(new Measurement(metric.name(), at, "", MeasurementPhase.ERROR, message));
        return MeasurementPhase.ERROR;
      }
      if (live != null) {
        JsonNode node = conditions.get(metric.name());
        String query = node.path("provider").path("prometheus").path("query").asText("");
        String sent =
            LiveAnalysis.resolveArgs(
                query,
                live.args(),
                missing ->
                    new TemplateMetrics.InputException(
                        "metric "
                            + metric.name()
                            + ": no value for argument "
                            + String.join(", ", missing)));
        try {
          PrometheusClient.Result r =
              live.prometheus().query(sent, live.start().plusMillis(Math.round(at * 1000)));
          Conditions.Verdict verdict =
              evaluate.evaluate(
                  node.path("successCondition").asText(""),
                  node.path("failureCondition").asText(""),
                  r.result());
          out.add(
              new Measurement(metric.name(), at, r.value(), verdict.phase(), verdict.message()));
          return verdict.phase();
        } catch (PrometheusClient.QueryException e) {
          out.add(new Measurement(metric.name(), at, "", MeasurementPhase.ERROR, e.getMessage()));
          return MeasurementPhase.ERROR;
        }
      }
      Scenario.Source source = scenario.metrics.get(metric.name());
      if (source == null) {
        throw new TemplateMetrics.InputException(
            scenario.name
                + ": metrics."
                + metric.name()
                + ": the scenario gives no value for"
                + " metric "
                + metric.name());
      }
      String value = value(source, k, random);
      JsonNode node = conditions.get(metric.name());
      Conditions.Verdict verdict =
          evaluate.evaluate(
              node.path("successCondition").asText(""),
              node.path("failureCondition").asText(""),
              Scenario.resultOf(value));
      out.add(new Measurement(metric.name(), at, value, verdict.phase(), verdict.message()));
      return verdict.phase();
    };
  }

  /** The k-th (1-based) value of {@code source}. */
  private static String value(Scenario.Source source, int k, SplittableRandom random) {
    if (source instanceof Scenario.Constant c) {
      return c.value();
    }
    if (source instanceof Scenario.Sequence s) {
      return s.values().get(Math.min(k, s.values().size()) - 1);
    }
    Scenario.Noise n = (Scenario.Noise) source;
    return Double.toString(n.mean() + n.sd() * gaussian(random));
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller, from the seeded generator
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private List<Metric> metrics(JsonNode analysis, String at) {
    List<Metric> metrics = new ArrayList<>();
    for (JsonNode ref : analysis.path("templates")) {
      String kind =
          ref.path("clusterScope").asBoolean(false)
              ? "ClusterAnalysisTemplate"
              : "AnalysisTemplate";
      String name = ref.path("templateName").asText();
      JsonNode template = templates.get(kind + "/" + name);
      if (template == null) {
        throw new TemplateMetrics.InputException(
            at + ": " + kind + " '" + name + "' is not among the files given");
      }
      JsonNode list = template.path("spec").path("metrics");
      for (TemplateMetrics.Read read :
          TemplateMetrics.of(template, name, path -> kind + " " + name)) {
        metrics.add(read.metric());
      }
      for (JsonNode m : list) {
        conditions.put(m.path("name").asText(), m);
      }
    }
    if (metrics.isEmpty()) {
      throw new TemplateMetrics.InputException(at + ": no templates with metrics");
    }
    return metrics;
  }

  private static double seconds(String text, String where) {
    var s = ArgoDuration.seconds(text);
    if (s.isEmpty()) {
      throw new TemplateMetrics.InputException(
          where + ": expected a duration, got \"" + text + "\"");
    }
    return s.getAsLong();
  }
}
