package dev.rolloutkit.argo.v1alpha1;

import dev.rolloutkit.testing.KindContract;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Identity and YAML round trip of every generated Argo Rollouts kind, built with its builder. */
class ArgoKindsTest {

  static Stream<KindContract> kinds() {
    return Stream.of(
        new KindContract(
            Rollout.class, "argoproj.io/v1alpha1", "Rollout", "rollouts", true, rollout()),
        new KindContract(
            AnalysisTemplate.class,
            "argoproj.io/v1alpha1",
            "AnalysisTemplate",
            "analysistemplates",
            true,
            analysisTemplate()),
        new KindContract(
            ClusterAnalysisTemplate.class,
            "argoproj.io/v1alpha1",
            "ClusterAnalysisTemplate",
            "clusteranalysistemplates",
            false,
            clusterAnalysisTemplate()),
        new KindContract(
            AnalysisRun.class,
            "argoproj.io/v1alpha1",
            "AnalysisRun",
            "analysisruns",
            true,
            analysisRun()),
        new KindContract(
            Experiment.class,
            "argoproj.io/v1alpha1",
            "Experiment",
            "experiments",
            true,
            experiment()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void should_have_upstream_identity_and_survive_yaml(KindContract kind) {
    kind.verify();
  }

  static Rollout rollout() {
    return new RolloutBuilder()
        .withNewMetadata()
        .withName("checkout")
        .withNamespace("shop")
        .addToLabels("app", "checkout")
        .endMetadata()
        .withNewSpec()
        .withReplicas(3)
        .withNewSelector()
        .addToMatchLabels("app", "checkout")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "checkout")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("ghcr.io/acme/checkout:1.0.0")
        .addNewPort()
        .withName("http")
        .withContainerPort(8080)
        .endPort()
        .endContainer()
        .endSpec()
        .endTemplate()
        .withNewStrategy()
        .withNewCanary()
        .withCanaryService("checkout-canary")
        .withStableService("checkout-stable")
        .withMaxSurge(new IntOrString("25%"))
        .withMaxUnavailable(new IntOrString(0))
        .withNewTrafficRouting()
        .withNewIstio()
        .withNewVirtualService()
        .withName("checkout-vsvc")
        .withRoutes("primary")
        .endVirtualService()
        .withNewDestinationRule()
        .withName("checkout-destrule")
        .withCanarySubsetName("canary")
        .withStableSubsetName("stable")
        .endDestinationRule()
        .endIstio()
        .endTrafficRouting()
        .addNewStep()
        .withSetWeight(10)
        .endStep()
        .addNewStep()
        .withNewPause()
        .withDuration(new IntOrString("2m"))
        .endPause()
        .endStep()
        .addNewStep()
        .withNewAnalysis()
        .addNewTemplate()
        .withTemplateName("success-rate")
        .endTemplate()
        .endAnalysis()
        .endStep()
        .addNewStep()
        .withSetWeight(100)
        .endStep()
        .endCanary()
        .endStrategy()
        .endSpec()
        .build();
  }

  static AnalysisTemplate analysisTemplate() {
    return new AnalysisTemplateBuilder()
        .withNewMetadata()
        .withName("success-rate")
        .withNamespace("shop")
        .endMetadata()
        .withNewSpec()
        .addNewArg()
        .withName("canary-hash")
        .endArg()
        .addNewMetric()
        .withName("success-rate")
        .withInterval("60s")
        .withCount(new IntOrString(5))
        .withFailureLimit(new IntOrString(2))
        .withSuccessCondition("len(result) > 0 && !isNaN(result[0]) && result[0] >= 0.95")
        .withNewProvider()
        .withNewPrometheus()
        .withAddress("http://prometheus.monitoring:9090")
        .withQuery(
            "sum(rate(http_requests_total{rollouts_pod_template_hash=\"{{args.canary-hash}}\"}[2m]))")
        .endPrometheus()
        .endProvider()
        .endMetric()
        .endSpec()
        .build();
  }

  static ClusterAnalysisTemplate clusterAnalysisTemplate() {
    return new ClusterAnalysisTemplateBuilder()
        .withNewMetadata()
        .withName("shared-latency")
        .endMetadata()
        .withNewSpec()
        .addNewMetric()
        .withName("p99")
        .withInterval("1m")
        .withCount(new IntOrString(5))
        .withSuccessCondition("len(result) > 0 && result[0] < 1")
        .withNewProvider()
        .withNewPrometheus()
        .withAddress("http://prometheus.monitoring:9090")
        .withQuery("vector(0.2)")
        .endPrometheus()
        .endProvider()
        .endMetric()
        .endSpec()
        .build();
  }

  static AnalysisRun analysisRun() {
    return new AnalysisRunBuilder()
        .withNewMetadata()
        .withName("checkout-6f9c7d-3")
        .withNamespace("shop")
        .endMetadata()
        .withNewSpec()
        .addNewArg()
        .withName("canary-hash")
        .withValue("6f9c7d")
        .endArg()
        .addNewMetric()
        .withName("smoke")
        .withNewProvider()
        .withNewJob()
        .withNewSpec()
        .withBackoffLimit(1)
        .withNewTemplate()
        .withNewSpec()
        .withRestartPolicy("Never")
        .addNewContainer()
        .withName("smoke")
        .withImage("curlimages/curl:8.8.0")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .endJob()
        .endProvider()
        .endMetric()
        .endSpec()
        .build();
  }

  static Experiment experiment() {
    return new ExperimentBuilder()
        .withNewMetadata()
        .withName("checkout-compare")
        .withNamespace("shop")
        .endMetadata()
        .withNewSpec()
        .withDuration("10m")
        .addNewTemplate()
        .withName("baseline")
        .withReplicas(1)
        .withNewSelector()
        .addToMatchLabels("variant", "baseline")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("variant", "baseline")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("checkout")
        .withImage("ghcr.io/acme/checkout:2.0.0")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endTemplate()
        .addNewAnalysis()
        .withName("compare")
        .withTemplateName("success-rate")
        .endAnalysis()
        .endSpec()
        .build();
  }
}
