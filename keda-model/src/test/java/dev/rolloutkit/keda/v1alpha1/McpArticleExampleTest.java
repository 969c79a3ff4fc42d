package dev.rolloutkit.keda.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplateBuilder;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.RolloutBuilder;
import dev.rolloutkit.testing.Manifests;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated builders express the MCP article's resources (../shared/seeds/000_*.txt, examples 2
 * to 4) as written there, field for field. The article's mistakes (failureLimit: 3 for "3
 * failures", minReplicaCount: 2 with no idleReplicaCount, the removed metricName) are kept here on
 * purpose: this is the wire model, which must be able to say anything upstream accepts. The policy
 * layer is where they get corrected.
 */
class McpArticleExampleTest {

  private static final String PROMETHEUS = "http://prometheus.monitoring:9090";

  @Test
  void should_build_the_article_rollout() throws Exception {
    Rollout rollout =
        new RolloutBuilder()
            .withNewMetadata()
            .withName("mcp-server")
            .withNamespace("ai-services")
            .endMetadata()
            .withNewSpec()
            .withReplicas(2)
            .withNewSelector()
            .addToMatchLabels("app", "mcp-server")
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", "mcp-server")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("mcp-server")
            .withImage("ghcr.io/acme/mcp-server:1.4.0")
            .addNewPort()
            .withName("http")
            .withContainerPort(8080)
            .endPort()
            .endContainer()
            .endSpec()
            .endTemplate()
            .withNewStrategy()
            .withNewCanary()
            .withNewTrafficRouting()
            .withNewIstio()
            .withNewVirtualService()
            .withName("mcp-server-vsvc")
            .withRoutes("primary")
            .endVirtualService()
            .withNewDestinationRule()
            .withName("mcp-server-destrule")
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
            .withSetWeight(30)
            .endStep()
            .addNewStep()
            .withNewAnalysis()
            .addNewTemplate()
            .withTemplateName("mcp-success-rate")
            .endTemplate()
            .addNewArg()
            .withName("canary-hash")
            .withNewValueFrom()
            .withPodTemplateHashValue("Latest")
            .endValueFrom()
            .endArg()
            .endAnalysis()
            .endStep()
            .addNewStep()
            .withSetWeight(60)
            .endStep()
            .addNewStep()
            .withNewPause()
            .withDuration(new IntOrString("2m"))
            .endPause()
            .endStep()
            .addNewStep()
            .withSetWeight(100)
            .endStep()
            .endCanary()
            .endStrategy()
            .endSpec()
            .build();

    assertSameAs(rollout, "rollout.yaml");
  }

  @Test
  void should_build_the_article_analysis_template() throws Exception {
    String total = "sum(rate(mcp_requests_total{version=\"{{args.canary-hash}}\"}[2m]))";
    AnalysisTemplate template =
        new AnalysisTemplateBuilder()
            .withNewMetadata()
            .withName("mcp-success-rate")
            .withNamespace("ai-services")
            .endMetadata()
            .withNewSpec()
            .addNewArg()
            .withName("canary-hash")
            .endArg()
            .addNewMetric()
            .withName("success-rate")
            .withInterval("60s")
            .withFailureLimit(new IntOrString(3))
            .withSuccessCondition("result[0] >= 0.95")
            .withNewProvider()
            .withNewPrometheus()
            .withAddress(PROMETHEUS)
            .withQuery(
                "sum(rate(mcp_requests_total{status=\"success\","
                    + " version=\"{{args.canary-hash}}\"}[2m])) / "
                    + total
                    + "\n")
            .endPrometheus()
            .endProvider()
            .endMetric()
            .addNewMetric()
            .withName("error-rate")
            .withInterval("60s")
            .withFailureLimit(new IntOrString(2))
            .withSuccessCondition("result[0] <= 0.05")
            .withNewProvider()
            .withNewPrometheus()
            .withAddress(PROMETHEUS)
            .withQuery(
                "sum(rate(mcp_requests_total{status=\"error\","
                    + " version=\"{{args.canary-hash}}\"}[2m])) / "
                    + total
                    + "\n")
            .endPrometheus()
            .endProvider()
            .endMetric()
            .endSpec()
            .build();

    assertSameAs(template, "analysis-template.yaml");
  }

  @Test
  void should_build_the_article_scaled_object_targeting_the_rollout() throws Exception {
    ScaledObject scaledObject =
        new ScaledObjectBuilder()
            .withNewMetadata()
            .withName("mcp-server-scaler")
            .withNamespace("ai-services")
            .endMetadata()
            .withNewSpec()
            .withNewScaleTargetRef()
            .withApiVersion("argoproj.io/v1alpha1")
            .withKind("Rollout")
            .withName("mcp-server")
            .endScaleTargetRef()
            .withMinReplicaCount(2)
            .withMaxReplicaCount(20)
            .withCooldownPeriod(60)
            .addNewTrigger()
            .withType("prometheus")
            .withMetadata(
                trigger(
                    "mcp_active_connections",
                    "sum(mcp_active_connections{namespace=\"ai-services\"})",
                    "50"))
            .endTrigger()
            .addNewTrigger()
            .withType("prometheus")
            .withMetadata(
                trigger(
                    "mcp_request_queue_depth",
                    "sum(mcp_request_queue_depth{namespace=\"ai-services\"})",
                    "100"))
            .endTrigger()
            .endSpec()
            .build();

    assertSameAs(scaledObject, "scaled-object.yaml");
    assertThat(scaledObject.getSpec().getScaleTargetRef().getName()).isEqualTo("mcp-server");
  }

  private static Map<String, String> trigger(String metricName, String query, String threshold) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("serverAddress", PROMETHEUS);
    metadata.put("metricName", metricName);
    metadata.put("query", query);
    metadata.put("threshold", threshold);
    return metadata;
  }

  private static void assertSameAs(Object built, String expectedFile) throws Exception {
    Path file =
        Paths.get(McpArticleExampleTest.class.getResource("/mcp-article/" + expectedFile).toURI());
    JsonNode expected = Manifests.documents(file).get(0);
    // Reading the expected manifest typed must give an object equal to the built one, and the trees
    // must match.
    assertThat(Manifests.read(expected)).isEqualTo(built);
    assertThat(Manifests.written(built)).isEqualTo(expected);
  }
}
