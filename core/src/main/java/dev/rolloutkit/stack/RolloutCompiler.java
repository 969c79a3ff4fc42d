package dev.rolloutkit.stack;

import dev.rolloutkit.analysis.AnalysisGate;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.RolloutSpec;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.Strategy;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.Steps;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps.Analysis;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps.Pause;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps.analysis.Args;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps.analysis.Templates;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps.analysis.args.ValueFrom;
import dev.rolloutkit.profile.AnalysisStep;
import dev.rolloutkit.profile.CanaryStep;
import dev.rolloutkit.profile.PauseStep;
import dev.rolloutkit.profile.SetWeightStep;
import dev.rolloutkit.traffic.TrafficPlan;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CanaryStack → Rollout: profile steps become Argo steps, the traffic plan fills the canary's
 * routing fields.
 *
 * <p>The objects are made with their constructors and setters, not the fluent builders: a builder
 * copies every nested object each time a nested builder ends and again on {@code build()}, which
 * made the Rollout the costliest part of a stack's build. Lists and maps are mutable, as the
 * builders' are. The YAML is the same (the golden files of every preset are the test).
 */
final class RolloutCompiler {

  private RolloutCompiler() {}

  static Rollout rollout(CanaryStack stack, TrafficPlan plan) {
    Map<String, String> labels = stack.objectLabels();

    List<ContainerPort> ports = new ArrayList<>();
    stack
        .effectivePorts()
        .forEach(
            p -> {
              ContainerPort port = new ContainerPort();
              port.setName(p.name());
              port.setContainerPort(p.containerPort());
              ports.add(port);
            });
    PodTemplateSpec template = PodTemplates.merged(stack, ports);

    Canary canary = new Canary();
    canary.setCanaryService(plan.canaryService().orElse(null));
    canary.setStableService(plan.stableService().orElse(null));
    canary.setTrafficRouting(plan.trafficRouting().orElse(null));
    if (canary.getTrafficRouting() != null && !stack.profile().managedRoutes().isEmpty()) {
      // the header and mirror routes the steps set, which Argo adds to and removes from the
      // router's objects
      canary
          .getTrafficRouting()
          .setManagedRoutes(
              stack.profile().managedRoutes().stream()
                  .map(
                      name -> {
                        var m =
                            new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary
                                .trafficrouting.ManagedRoutes();
                        m.setName(name);
                        return m;
                      })
                  .collect(Collectors.toCollection(ArrayList::new)));
    }
    canary.setSteps(
        stack.profile().steps().stream()
            .map(RolloutCompiler::step)
            .collect(Collectors.toCollection(ArrayList::new)));
    stack
        .profile()
        .backgroundGate()
        .ifPresent(
            gate -> {
              var ref =
                  new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.analysis.Templates();
              ref.setTemplateName(gate);
              var hash =
                  new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.analysis.args
                      .ValueFrom();
              hash.setPodTemplateHashValue("Latest");
              var arg =
                  new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.analysis.Args();
              arg.setName(AnalysisGate.CANARY_HASH_ARG);
              arg.setValueFrom(hash);
              var background =
                  new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.Analysis();
              background.setTemplates(list(ref));
              background.setArgs(list(arg));
              background.setStartingStep(stack.profile().backgroundStartingStep().orElse(null));
              canary.setAnalysis(background);
            });
    if (stack.profile().dynamicStableScale()) {
      canary.setDynamicStableScale(true);
    }
    canary.setScaleDownDelaySeconds(stack.profile().scaleDownDelaySeconds().orElse(null));
    canary.setAbortScaleDownDelaySeconds(stack.profile().abortScaleDownDelaySeconds().orElse(null));
    Strategy strategy = new Strategy();
    stack
        .blueGreen()
        .ifPresentOrElse(
            bg -> strategy.setBlueGreen(blueGreen(stack, bg)), () -> strategy.setCanary(canary));

    LabelSelector selector = new LabelSelector();
    selector.setMatchLabels(new TreeMap<>(stack.selector()));
    RolloutSpec spec = new RolloutSpec();
    // under KEDA the ScaledObject's HPA owns spec.replicas: writing it would make every GitOps
    // sync reset what the HPA set
    spec.setReplicas(stack.scaling().isPresent() ? null : stack.replicas());
    spec.setSelector(selector);
    spec.setTemplate(template);
    spec.setStrategy(strategy);

    Rollout rollout = new Rollout();
    rollout.setMetadata(metadata(stack.name(), stack.namespace(), labels));
    rollout.setSpec(spec);
    return rollout;
  }

  /**
   * The blue-green strategy: the active and preview Services, each gate with the canary-hash
   * argument of the new ReplicaSet (the preview's pods before the switch, the active ones after).
   */
  private static dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.BlueGreen blueGreen(
      CanaryStack stack, dev.rolloutkit.profile.BlueGreenProfile profile) {
    var bg = new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.BlueGreen();
    bg.setActiveService(stack.name());
    bg.setPreviewService(stack.previewServiceName());
    bg.setAutoPromotionEnabled(profile.autoPromotionEnabled() ? null : false);
    bg.setAutoPromotionSeconds(profile.autoPromotionSeconds().orElse(null));
    bg.setPreviewReplicaCount(profile.previewReplicaCount().orElse(null));
    bg.setScaleDownDelaySeconds(profile.scaleDownDelaySeconds().orElse(null));
    bg.setAbortScaleDownDelaySeconds(profile.abortScaleDownDelaySeconds().orElse(null));
    profile
        .prePromotionGate()
        .ifPresent(
            gate -> {
              var ref =
                  new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.bluegreen
                      .prepromotionanalysis.Templates();
              ref.setTemplateName(gate);
              var hash =
                  new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.bluegreen
                      .prepromotionanalysis.args.ValueFrom();
              hash.setPodTemplateHashValue("Latest");
              var arg =
                  new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.bluegreen
                      .prepromotionanalysis.Args();
              arg.setName(AnalysisGate.CANARY_HASH_ARG);
              arg.setValueFrom(hash);
              var pre =
                  new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.bluegreen
                      .PrePromotionAnalysis();
              pre.setTemplates(list(ref));
              pre.setArgs(list(arg));
              bg.setPrePromotionAnalysis(pre);
            });
    profile
        .postPromotionGate()
        .ifPresent(
            gate -> {
              var ref =
                  new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.bluegreen
                      .postpromotionanalysis.Templates();
              ref.setTemplateName(gate);
              var hash =
                  new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.bluegreen
                      .postpromotionanalysis.args.ValueFrom();
              hash.setPodTemplateHashValue("Latest");
              var arg =
                  new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.bluegreen
                      .postpromotionanalysis.Args();
              arg.setName(AnalysisGate.CANARY_HASH_ARG);
              arg.setValueFrom(hash);
              var post =
                  new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.bluegreen
                      .PostPromotionAnalysis();
              post.setTemplates(list(ref));
              post.setArgs(list(arg));
              bg.setPostPromotionAnalysis(post);
            });
    return bg;
  }

  /** {@code <name>-pdb}: a PodDisruptionBudget for the stack's pods. */
  static io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget podDisruptionBudget(
      CanaryStack stack, IntOrString minAvailable) {
    LabelSelector selector = new LabelSelector();
    selector.setMatchLabels(new TreeMap<>(stack.selector()));
    var spec = new io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec();
    spec.setMinAvailable(minAvailable);
    spec.setSelector(selector);
    var pdb = new io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget();
    pdb.setMetadata(metadata(stack.name() + "-pdb", stack.namespace(), stack.objectLabels()));
    pdb.setSpec(spec);
    return pdb;
  }

  /**
   * The experiment step: each gate's canary-hash argument is the hash of the experiment's first
   * canary template ({@code {{templates.<t>.podTemplateHash}}}, resolved by the experiment
   * controller), or the rollout's canary hash when it runs none.
   */
  private static dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps.Experiment
      experiment(dev.rolloutkit.profile.ExperimentStep e) {
    var experiment =
        new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps.Experiment();
    experiment.setDuration(e.duration().orElse(null));
    experiment.setTemplates(
        e.templates().stream()
            .map(
                t -> {
                  var template =
                      new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps.experiment
                          .Templates();
                  template.setName(t.name());
                  template.setSpecRef(t.specRef().argo());
                  template.setReplicas(t.replicas().orElse(null));
                  template.setWeight(t.weight().orElse(null));
                  return template;
                })
            .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
    if (!e.analyses().isEmpty()) {
      experiment.setAnalyses(
          e.analyses().stream()
              .map(
                  a -> {
                    var arg =
                        new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps
                            .experiment.analyses.Args();
                    arg.setName(AnalysisGate.CANARY_HASH_ARG);
                    e.judged()
                        .ifPresentOrElse(
                            t -> arg.setValue("{{templates." + t.name() + ".podTemplateHash}}"),
                            () -> {
                              var from =
                                  new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps
                                      .experiment.analyses.args.ValueFrom();
                              from.setPodTemplateHashValue("Latest");
                              arg.setValueFrom(from);
                            });
                    var analysis =
                        new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps
                            .experiment.Analyses();
                    analysis.setName(a.gate());
                    analysis.setTemplateName(a.gate());
                    analysis.setArgs(list(arg));
                    analysis.setRequiredForCompletion(a.requiredForCompletion() ? true : null);
                    return analysis;
                  })
              .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
    }
    return experiment;
  }

  static Steps step(CanaryStep step) {
    Steps steps = new Steps();
    if (step instanceof SetWeightStep s) {
      steps.setSetWeight(s.weight());
    } else if (step instanceof PauseStep p) {
      Pause pause = new Pause();
      pause.setDuration(p.duration().map(IntOrString::new).orElse(null));
      steps.setPause(pause);
    } else if (step instanceof AnalysisStep a) {
      Templates template = new Templates();
      template.setTemplateName(a.gate());
      ValueFrom hash = new ValueFrom();
      hash.setPodTemplateHashValue("Latest");
      Args arg = new Args();
      arg.setName(AnalysisGate.CANARY_HASH_ARG);
      arg.setValueFrom(hash);
      Analysis analysis = new Analysis();
      analysis.setTemplates(list(template));
      analysis.setArgs(list(arg));
      steps.setAnalysis(analysis);
    } else if (step instanceof dev.rolloutkit.profile.SetMirrorRouteStep m) {
      var route =
          new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps.SetMirrorRoute();
      route.setName(m.name());
      route.setPercentage(m.percentage().orElse(null));
      m.pathPrefix()
          .filter(x -> m.percentage().isPresent())
          .ifPresent(
              prefix -> {
                var path =
                    new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps
                        .setmirrorroute.match.Path();
                path.setPrefix(prefix);
                var match =
                    new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps
                        .setmirrorroute.Match();
                match.setPath(path);
                route.setMatch(list(match));
              });
      steps.setSetMirrorRoute(route);
    } else if (step instanceof dev.rolloutkit.profile.SetHeaderRouteStep h) {
      var route =
          new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps.SetHeaderRoute();
      route.setName(h.name());
      h.header()
          .ifPresent(
              header -> {
                var value =
                    new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps
                        .setheaderroute.match.HeaderValue();
                value.setExact(h.value().orElseThrow());
                var match =
                    new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps
                        .setheaderroute.Match();
                match.setHeaderName(header);
                match.setHeaderValue(value);
                route.setMatch(list(match));
              });
      steps.setSetHeaderRoute(route);
    } else if (step instanceof dev.rolloutkit.profile.SetCanaryScaleStep scs) {
      var scale =
          new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps.SetCanaryScale();
      scale.setReplicas(scs.replicas().orElse(null));
      scale.setWeight(scs.weight().orElse(null));
      scale.setMatchTrafficWeight(scs.matchTrafficWeight() ? Boolean.TRUE : null);
      steps.setSetCanaryScale(scale);
    } else if (step instanceof dev.rolloutkit.profile.ExperimentStep e) {
      steps.setExperiment(experiment(e));
    } else if (step instanceof dev.rolloutkit.profile.PluginStep p) {
      var plugin = new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps.Plugin();
      plugin.setName(p.name());
      var config =
          new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.steps.plugin.Config();
      p.config().forEach(config::setAdditionalProperty);
      plugin.setConfig(p.config().isEmpty() ? null : config);
      steps.setPlugin(plugin);
    } else {
      throw new IllegalArgumentException(
          "unknown canary step type " + step.getClass().getName() + ": " + step);
    }
    return steps;
  }

  /** A mutable list (as the builders make), so users may edit what a stack produced. */
  @SafeVarargs
  static <T> List<T> list(T... items) {
    return new ArrayList<>(List.of(items));
  }

  /** Metadata with the given name, namespace and labels (each may be null). */
  static ObjectMeta metadata(String name, String namespace, Map<String, String> labels) {
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name);
    metadata.setNamespace(namespace);
    metadata.setLabels(labels);
    return metadata;
  }

  /** {@code resource} with {@code labels} added to its metadata (sorted). */
  static <T extends HasMetadata> T labelled(T resource, Map<String, String> labels) {
    Map<String, String> all = new TreeMap<>(labels);
    if (resource.getMetadata().getLabels() != null) {
      all.putAll(resource.getMetadata().getLabels());
    }
    resource.getMetadata().setLabels(all.isEmpty() ? null : all);
    return resource;
  }
}
