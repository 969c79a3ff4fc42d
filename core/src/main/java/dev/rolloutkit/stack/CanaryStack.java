package dev.rolloutkit.stack;

import dev.rolloutkit.DnsNames;
import dev.rolloutkit.analysis.AnalysisGate;
import dev.rolloutkit.manifest.Manifests;
import dev.rolloutkit.profile.CanaryProfile;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.rules.ValidationReport;
import dev.rolloutkit.scaling.KedaScaling;
import dev.rolloutkit.traffic.MissingTrafficRouter;
import dev.rolloutkit.traffic.Port;
import dev.rolloutkit.traffic.TrafficPlan;
import dev.rolloutkit.traffic.TrafficRouter;
import dev.rolloutkit.traffic.TrafficTarget;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Everything one service needs for a canary, from intent: the Services and routing objects, the
 * AnalysisTemplates of its gates, the Rollout, and its ScaledObject — complete, consistent, and in
 * apply order.
 *
 * <pre>{@code
 * CanaryStack stack = CanaryStack.mcp("mcp-server")
 *     .namespace("ai-services")
 *     .image("ghcr.io/acme/mcp-server:1.4.0")
 *     .traffic(TrafficRouter.nginx())
 *     .build();
 * stack.toYaml();                       // multi-document YAML, the same bytes for the same input
 * stack.writeTo(Path.of("deploy"));     // one file per resource + kustomization.yaml
 * }</pre>
 *
 * <p>{@code build()} checks the whole stack and throws {@link InvalidStackException} with every
 * problem (names that are not DNS labels, a ScaledObject name over 54 characters, a missing image,
 * ports out of range, gates the profile names but the stack does not define, a traffic router that
 * is not available …); it never returns a half-built stack. Then the objects it would produce are
 * checked with every error-level rule that can judge a stack on its own (see {@code
 * Rule.assumesCompleteSet()}); a violation is a problem too, so what is built passes the rules.
 */
@Value.Immutable
public abstract class CanaryStack {

  /** The selector label every object and pod carries: {@code app: <name>}. */
  public static final String APP_LABEL = "app";

  /** The application's name; the Rollout's name and the stem of every derived name. */
  public abstract String name();

  /** The namespace of every object; default {@code default}. */
  @Value.Default
  public String namespace() {
    return "default";
  }

  /** The container image (required). */
  public abstract Optional<String> image();

  /** The application's ports; default {@link Port#http(int) http} on 8080. */
  public abstract List<Port> ports();

  /**
   * Extra labels for every object and pod (the selector label {@code app} is set from the name).
   */
  public abstract Map<String, String> labels();

  /**
   * Replicas when there is no KEDA scaling (with scaling, the Rollout starts at its minimum);
   * default 2.
   */
  @Value.Default
  public int replicas() {
    return 2;
  }

  /** The canary steps; not used when the stack releases {@link #blueGreen()}. */
  public abstract CanaryProfile profile();

  /**
   * Release blue-green instead of by the canary steps of {@link #profile()} (the preset's or your
   * own): an active Service {@code <name>} and a preview Service {@code <name>-preview}, the
   * profile's gates before and after the switch. Blue-green switches Services, not weights, so it
   * takes {@link TrafficRouter#none()}; route your Ingress or VirtualService to the active Service.
   */
  public abstract Optional<dev.rolloutkit.profile.BlueGreenProfile> blueGreen();

  /** The preview Service's name under blue-green: {@code <name>-preview}. */
  public String previewServiceName() {
    return name() + "-preview";
  }

  /**
   * Gates defined by this stack; a gate the profile names and the stack does not define is taken
   * from the presets.
   */
  public abstract List<AnalysisGate> gates();

  /** KEDA autoscaling of the Rollout, if any. */
  public abstract Optional<KedaScaling> scaling();

  /**
   * The pod as you want it, as fabric8 objects ({@code new PodTemplateSpecBuilder()…}): env,
   * volumes, sidecars, service account, annotations, affinity, topology spread, probes, resources.
   * rolloutkit puts in what it owns: the labels ({@code app} and {@link #labels()}), and in the app
   * container (the one named after the stack, added first if there is none) the name, image and
   * ports. A pod that contradicts them, and every invalid probe, quantity or container, is an error
   * at {@code build()}, where the rules then run on the final Rollout.
   */
  public abstract Optional<io.fabric8.kubernetes.api.model.PodTemplateSpec> pod();

  /**
   * Requests and limits of the app container. Argo and KEDA's cpu/memory triggers need requests;
   * requests must not exceed limits.
   */
  public abstract Optional<io.fabric8.kubernetes.api.model.ResourceRequirements>
      containerResources();

  /**
   * The app container's readiness probe: Argo counts available pods, so without one a pod still
   * loading its model takes canary traffic.
   */
  public abstract Optional<io.fabric8.kubernetes.api.model.Probe> readinessProbe();

  /** The app container's startup probe, for slow starts (a model loading). */
  public abstract Optional<io.fabric8.kubernetes.api.model.Probe> startupProbe();

  /**
   * A PodDisruptionBudget for the stack's pods ({@code <name>-pdb}, policy/v1) with this {@code
   * minAvailable}: a number of pods below the replicas (KEDA's minimum when scaled), or a
   * percentage below 100 %.
   */
  public abstract Optional<io.fabric8.kubernetes.api.model.IntOrString> minAvailable();

  /** How traffic is split; default none (replica ratio). */
  @Value.Default
  public TrafficRouter traffic() {
    return TrafficRouter.none();
  }

  /** A stack with no presets. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The MCP server stack of the article, corrected ({@link Preset#MCP}): profile {@link
   * CanaryProfile#mcp()}, gate {@link AnalysisGate#mcpSuccessRate()}, {@link KedaScaling#mcp()},
   * and Istio traffic (from {@code rolloutkit-istio-bridge}; choose {@code
   * .traffic(TrafficRouter.nginx())} without it).
   */
  public static Builder mcp(String name) {
    return Preset.MCP.stack(name);
  }

  /**
   * An ML model service (ADR-008, {@link Preset#ML}): profile {@link CanaryProfile#ml()}, gate
   * {@code canary-health-check}, NGINX.
   */
  public static Builder ml(String name) {
    return Preset.ML.stack(name);
  }

  /**
   * An NLP model service (ADR-008, {@link Preset#NLP}): profile {@link CanaryProfile#nlp()}, gate
   * {@code canary-health-check}, NGINX.
   */
  public static Builder nlp(String name) {
    return Preset.NLP.stack(name);
  }

  /** The preset stack {@code profile} ({@link Preset#ids()}) for {@code name}. */
  public static Builder preset(String profile, String name) {
    return Preset.of(profile).stack(name);
  }

  /** The ScaledObject's name: {@code <name>-scaler}. */
  public String scaledObjectName() {
    return name() + "-scaler";
  }

  /** The ports, with the default when none were given. */
  public List<Port> effectivePorts() {
    return ports().isEmpty() ? List.of(Port.http(8080)) : ports();
  }

  /**
   * The gates the profile runs, in order of first use: the stack's own, else the preset of that
   * name.
   */
  public List<AnalysisGate> effectiveGates() {
    Map<String, AnalysisGate> byName = new LinkedHashMap<>();
    for (String name : releaseGates()) {
      byName.put(
          name,
          gates().stream()
              .filter(g -> g.name().equals(name))
              .findFirst()
              .orElseGet(() -> AnalysisGate.preset(name)));
    }
    gates().forEach(g -> byName.putIfAbsent(g.name(), g));
    return List.copyOf(byName.values());
  }

  /** The gates the release runs: the blue-green profile's, else the canary profile's. */
  private List<String> releaseGates() {
    return blueGreen()
        .map(dev.rolloutkit.profile.BlueGreenProfile::gates)
        .orElse(profile().gates());
  }

  /** {@code app: <name>}. */
  public Map<String, String> selector() {
    return Map.of(APP_LABEL, name());
  }

  /** The labels of every object: {@code app: <name>} and {@link #labels()}, sorted. */
  public Map<String, String> objectLabels() {
    Map<String, String> all = new TreeMap<>(labels());
    all.put(APP_LABEL, name());
    return all;
  }

  /** What the traffic router needs to know. */
  public TrafficTarget trafficTarget() {
    return TrafficTarget.builder()
        .name(name())
        .namespace(namespace())
        .selector(selector())
        .labels(objectLabels())
        .ports(effectivePorts())
        .build();
  }

  /**
   * The typed objects in apply order: Services → routing → AnalysisTemplates → Rollout →
   * ScaledObject.
   */
  @Value.Lazy
  public List<HasMetadata> resources() {
    return stages().stream().flatMap(List::stream).toList();
  }

  /**
   * The objects grouped by apply stage: Services, routing objects, AnalysisTemplates, the Rollout,
   * the ScaledObject (an empty list where a stage has nothing). AnalysisTemplates carry only {@link
   * #labels()}, not {@code app}: a gate is shared by every stack in its namespace that runs it.
   */
  @Value.Lazy
  public List<List<HasMetadata>> stages() {
    TrafficPlan plan = traffic().plan(trafficTarget());
    List<HasMetadata> templates =
        effectiveGates().stream()
            .<HasMetadata>map(
                g ->
                    RolloutCompiler.labelled(
                        g.toAnalysisTemplate(namespace()), new TreeMap<>(labels())))
            .toList();
    List<HasMetadata> scaled =
        scaling()
            .<HasMetadata>map(
                s ->
                    RolloutCompiler.labelled(
                        s.toScaledObject(scaledObjectName(), namespace(), name()), objectLabels()))
            .map(List::of)
            .orElse(List.of());
    List<HasMetadata> workload = new ArrayList<>();
    workload.add(RolloutCompiler.rollout(this, plan));
    minAvailable().ifPresent(m -> workload.add(RolloutCompiler.podDisruptionBudget(this, m)));
    List<HasMetadata> services = new ArrayList<>(plan.services());
    if (blueGreen().isPresent()) {
      services.add(trafficTarget().service(previewServiceName()));
    }
    return List.of(
        List.copyOf(services),
        List.copyOf(plan.routing()),
        templates,
        List.copyOf(workload),
        scaled);
  }

  /**
   * Multi-document YAML of {@link #resources()}: the same bytes for the same stack, whatever the
   * locale or time zone.
   */
  public String toYaml() {
    return Manifests.write(resources()).text();
  }

  /**
   * Writes one file per resource ({@code 01-service-<name>-stable.yaml}, …) and a {@code
   * kustomization.yaml} listing them in apply order into {@code directory}, creating it if needed.
   *
   * @return the files written, kustomization last
   */
  public List<Path> writeTo(Path directory) {
    return Manifests.write(resources()).toFolder(directory);
  }

  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>();
    DnsNames.serviceNameProblem(name())
        .ifPresentOrElse(
            p -> problems.add("name: " + p),
            () -> {
              int room = 63 - "-canary".length();
              if (name().length() > room) {
                problems.add(
                    String.format(
                        "name: '%s' is %d characters; derived Service names such as '%s-canary'"
                            + " must fit in 63, so at most %d",
                        name(), name().length(), name(), room));
              }
            });
    DnsNames.labelProblem(namespace()).ifPresent(p -> problems.add("namespace: " + p));
    if (image().isEmpty() || image().get().isBlank()) {
      problems.add("image: a container image is required, e.g. ghcr.io/acme/mcp-server:1.4.0");
    } else if (image().get().chars().anyMatch(Character::isWhitespace)) {
      problems.add("image: '" + image().get() + "' contains white space");
    } else {
      DnsNames.textProblem(image().get(), false).ifPresent(p -> problems.add("image: " + p));
    }
    checkPorts(problems);
    labels()
        .forEach(
            (k, v) -> {
              if (k.equals(APP_LABEL) && !v.equals(name())) {
                problems.add(
                    "labels: 'app' is the selector label and is always the name '"
                        + name()
                        + "', not '"
                        + v
                        + "'");
              }
              DnsNames.labelKeyProblem(k).ifPresent(p -> problems.add("labels: key " + p));
              DnsNames.labelValueProblem(v).ifPresent(p -> problems.add("labels." + k + ": " + p));
            });
    if (replicas() < 1) {
      problems.add("replicas: must be at least 1, got " + replicas());
    }
    for (String gate : releaseGates()) {
      if (gates().stream().noneMatch(g -> g.name().equals(gate)) && !AnalysisGate.isPreset(gate)) {
        problems.add(
            "gates: the profile runs gate '"
                + gate
                + "', which this stack does not define and which is no preset");
      }
    }
    Set<String> gateNames = new HashSet<>();
    gates().stream()
        .map(AnalysisGate::name)
        .filter(n -> !gateNames.add(n))
        .forEach(n -> problems.add("gates: '" + n + "' is defined twice"));
    scaling()
        .ifPresent(
            s -> {
              if (scaledObjectName().length() > 54) {
                problems.add(
                    String.format(
                        "scaling: the ScaledObject name '%s' is %d characters; KEDA allows at most"
                            + " 54 (its HPA is named keda-hpa-<name>), so the name may have at most"
                            + " 47",
                        scaledObjectName(), scaledObjectName().length()));
              }
              if (s.minReplicaCount() < 2) {
                problems.add(
                    "scaling.minReplicaCount: "
                        + s.minReplicaCount()
                        + " leaves no room for a canary beside the stable pods while active; use at"
                        + " least 2 (and idleReplicaCount 0 to scale to zero when idle)");
              }
            });
    if (traffic() instanceof MissingTrafficRouter missing) {
      problems.add("traffic: " + missing.problem());
    }
    PodTemplates.check(this, problems);
    if (blueGreen().isPresent() && !traffic().name().equals("none")) {
      problems.add(
          "traffic: blue-green switches the active Service '"
              + name()
              + "' and the preview Service '"
              + previewServiceName()
              + "', not weights, so it takes no traffic router, not "
              + traffic().name()
              + " (choose TrafficRouter.none() and route your Ingress or VirtualService to '"
              + name()
              + "')");
    }
    if (traffic().name().equals("none") && blueGreen().isEmpty()) {
      List<dev.rolloutkit.profile.CanaryStep> steps = profile().steps();
      for (int i = 0; i < steps.size(); i++) {
        if (steps.get(i) instanceof dev.rolloutkit.profile.SetCanaryScaleStep) {
          problems.add(
              "profile.steps["
                  + i
                  + "]: setCanaryScale needs traffic routing; without it Argo ignores the step"
                  + " (choose a traffic router)");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidStackException(name(), problems);
    }
    // What is built must pass every error-level rule that can judge a stack on its own (warnings
    // cannot stop a build,
    // so they are not run here; lint and RuleSet.all() report them).
    ValidationReport report = StackRules.SET.evaluate(ResourceSet.of(resources()));
    report.errors().forEach(f -> problems.add("rule " + f));
    if (!problems.isEmpty()) {
      throw new InvalidStackException(name(), problems);
    }
  }

  /**
   * The rules a stack's build runs: error-level ones that can judge a stack without the rest of the
   * cluster. Unknown fields are left to lint and {@code RuleSet.all()}: a stack's objects come from
   * typed builders, where a field the schema lacks takes an explicit {@code setAdditionalProperty},
   * and looking for one walks every model class a render would otherwise never load (about a tenth
   * of a cold render).
   */
  private static final class StackRules {
    static final RuleSet SET =
        RuleSet.of(
            RuleSet.all().rules().stream()
                .filter(
                    r ->
                        !r.assumesCompleteSet()
                            && r.severity() == dev.rolloutkit.rules.Severity.ERROR
                            && !r.id().equals(dev.rolloutkit.rules.CoreRules.UNKNOWN_FIELD.id()))
                .toList());
  }

  private static final Pattern IANA_SERVICE_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private void checkPorts(List<String> problems) {
    Set<String> names = new HashSet<>();
    List<Port> ports = effectivePorts();
    for (int i = 0; i < ports.size(); i++) {
      Port p = ports.get(i);
      if (p.servicePort() < 1 || p.servicePort() > 65535) {
        problems.add(
            String.format("ports[%d]: service port %d is outside 1..65535", i, p.servicePort()));
      }
      if (p.containerPort() < 1 || p.containerPort() > 65535) {
        problems.add(
            String.format(
                "ports[%d]: container port %d is outside 1..65535", i, p.containerPort()));
      }
      if (!IANA_SERVICE_NAME.matcher(p.name()).matches()
          || p.name().length() > 15
          || p.name().chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
        problems.add(
            String.format(
                "ports[%d]: name '%s' must be an IANA service name: at most 15 lower-case letters,"
                    + " digits and '-', with a letter",
                i, p.name()));
      }
      if (!names.add(p.name())) {
        problems.add(String.format("ports[%d]: name '%s' is used twice", i, p.name()));
      }
    }
  }

  @Override
  public String toString() {
    return "CanaryStack "
        + namespace()
        + "/"
        + name()
        + " ["
        + image().orElse("no image")
        + "] "
        + blueGreen().map(Object::toString).orElseGet(() -> profile().toString())
        + ", gates "
        + effectiveGates().stream().map(AnalysisGate::name).toList()
        + ", traffic "
        + traffic().name()
        + scaling()
            .map(s -> ", KEDA " + s.minReplicaCount() + ".." + s.maxReplicaCount())
            .orElse("");
  }

  /** Builds stacks; {@link #build()} checks the whole stack. */
  public static final class Builder extends ImmutableCanaryStack.Builder {}
}
