package dev.rolloutkit.analysis;

import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplateSpec;
import dev.rolloutkit.argo.v1alpha1.analysistemplatespec.Args;
import dev.rolloutkit.argo.v1alpha1.analysistemplatespec.Metrics;
import dev.rolloutkit.argo.v1alpha1.analysistemplatespec.metrics.Provider;
import dev.rolloutkit.argo.v1alpha1.analysistemplatespec.metrics.provider.Prometheus;
import dev.rolloutkit.profile.ArgoDuration;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * AnalysisGate → AnalysisTemplate: the one place where gate intent becomes Argo fields (objects
 * made with setters, see {@code RolloutCompiler}).
 */
final class GateCompiler {

  private GateCompiler() {}

  static AnalysisTemplate compile(AnalysisGate gate, String namespace) {
    Map<String, String> matchers =
        Map.of(
            QueryTemplate.CANARY, QueryTemplate.canaryMatcher(gate.prometheus().canaryHashLabel()),
            QueryTemplate.NAMESPACE, QueryTemplate.namespaceMatcher(namespace));
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(gate.name());
    metadata.setNamespace(namespace);
    Map<String, String> annotations = new LinkedHashMap<>();
    if (gate.strictByDesign()) {
      annotations.put(
          AnalysisGate.MIN_FAILURES_ANNOTATION, Integer.toString(gate.rollbackOnFailure()));
    }
    annotations.put(NoDataPolicy.ANNOTATION, gate.onNoData().toString());
    metadata.setAnnotations(annotations);
    Args hash = new Args();
    hash.setName(AnalysisGate.CANARY_HASH_ARG);
    AnalysisTemplateSpec spec = new AnalysisTemplateSpec();
    spec.setArgs(new ArrayList<>(java.util.List.of(hash)));
    spec.setMetrics(
        gate.checks().stream()
            .map(check -> metric(gate, check, matchers))
            .collect(Collectors.toCollection(ArrayList::new)));
    AnalysisTemplate template = new AnalysisTemplate();
    template.setMetadata(metadata);
    template.setSpec(spec);
    return template;
  }

  private static Metrics metric(
      AnalysisGate gate, MetricCheck check, Map<String, String> matchers) {
    Prometheus prometheus = new Prometheus();
    prometheus.setAddress(gate.prometheus().address());
    String query = check.template().render(matchers);
    long minimum = gate.onNoData().minimumRequests();
    if (minimum > 0) {
      String requests = QueryTemplate.of(gate.requestsQuery().orElseThrow()).render(matchers);
      query = "(" + query + ") and on() (" + requests + " >= " + minimum + ")";
    }
    prometheus.setQuery(query);
    Provider provider = new Provider();
    provider.setPrometheus(prometheus);
    Metrics metric = new Metrics();
    metric.setName(check.name());
    metric.setInterval(ArgoDuration.format(gate.interval()));
    metric.setCount(new IntOrString(gate.measurements()));
    metric.setFailureLimit(new IntOrString(gate.failureLimit()));
    metric.setConsecutiveErrorLimit(new IntOrString(gate.consecutiveErrorLimit()));
    metric.setSuccessCondition(check.condition());
    if (!gate.onNoData().fails()) {
      metric.setFailureCondition(check.failureCondition());
    }
    metric.setProvider(provider);
    return metric;
  }
}
