package dev.rolloutkit.internal;

import dev.rolloutkit.analysis.AnalysisGate;
import dev.rolloutkit.analysis.MetricCheck;
import dev.rolloutkit.analysis.QueryTemplate;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplateBuilder;
import dev.rolloutkit.argo.v1alpha1.analysistemplatespec.Metrics;
import dev.rolloutkit.argo.v1alpha1.analysistemplatespec.MetricsBuilder;
import dev.rolloutkit.profile.ArgoDuration;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;
import java.util.Map;

/** AnalysisGate → AnalysisTemplate: the one place where gate intent becomes Argo fields. */
public final class GateCompiler {

  private GateCompiler() {}

  public static AnalysisTemplate compile(AnalysisGate gate, String namespace) {
    Map<String, String> matchers = Map.of(
        QueryTemplate.CANARY, QueryTemplate.canaryMatcher(gate.prometheus().canaryHashLabel()),
        QueryTemplate.NAMESPACE, QueryTemplate.namespaceMatcher(namespace));
    List<Metrics> metrics = gate.checks().stream().map(check -> metric(gate, check, matchers)).toList();
    return new AnalysisTemplateBuilder()
        .withNewMetadata().withName(gate.name()).withNamespace(namespace)
          .withAnnotations(gate.strictByDesign() ? Map.of(AnalysisGate.MIN_FAILURES_ANNOTATION, Integer.toString(gate.rollbackOnFailure())) : null)
        .endMetadata()
        .withNewSpec()
          .addNewArg().withName(AnalysisGate.CANARY_HASH_ARG).endArg()
          .withMetrics(metrics)
        .endSpec()
        .build();
  }

  private static Metrics metric(AnalysisGate gate, MetricCheck check, Map<String, String> matchers) {
    return new MetricsBuilder()
        .withName(check.name())
        .withInterval(ArgoDuration.format(gate.interval()))
        .withCount(new IntOrString(gate.measurements()))
        .withFailureLimit(new IntOrString(gate.failureLimit()))
        .withSuccessCondition(check.condition())
        .withNewProvider().withNewPrometheus()
          .withAddress(gate.prometheus().address())
          .withQuery(check.template().render(matchers))
        .endPrometheus().endProvider()
        .build();
  }
}
