package dev.rolloutkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.testing.Golden;
import dev.rolloutkit.testing.Manifests;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The examples render what their golden files hold; {@code -Drolloutkit.golden.update=true}
 * rewrites them.
 */
class ExamplesTest {

  private static void assertGolden(String actual, String name) throws IOException {
    Golden.assertMatches(actual, name);
  }

  @Test
  void mcp_server_canary_renders_its_golden_yaml() throws IOException {
    assertGolden(McpServerCanary.stack().toYaml(), "mcp-server-canary.yaml");
  }

  @Test
  void mcp_server_canary_corrects_the_article() {
    CanaryStack stack = McpServerCanary.stack();
    AnalysisTemplate template =
        (AnalysisTemplate)
            stack.resources().stream()
                .filter(AnalysisTemplate.class::isInstance)
                .findFirst()
                .orElseThrow();
    template
        .getSpec()
        .getMetrics()
        .forEach(
            m -> {
              assertThat(m.getFailureLimit().getIntVal())
                  .as("roll back on the 3rd failure")
                  .isEqualTo(2);
              assertThat(m.getCount().getIntVal()).isEqualTo(5);
              assertThat(m.getSuccessCondition())
                  .startsWith("len(result) > 0 && !isNaN(result[0])");
              assertThat(m.getProvider().getPrometheus().getQuery())
                  .contains("rollouts_pod_template_hash=\"{{args.canary-hash}}\"");
            });
    ScaledObject so = (ScaledObject) stack.resources().get(stack.resources().size() - 1);
    assertThat(so.getSpec().getIdleReplicaCount()).isZero();
    assertThat(so.getSpec().getMinReplicaCount()).isEqualTo(2);
    so.getSpec()
        .getTriggers()
        .forEach(
            t ->
                assertThat(t.getMetadata())
                    .doesNotContainKey("metricName")
                    .containsKey("activationThreshold"));
  }

  @Test
  void mcp_server_canary_splits_traffic_with_istio_subsets_and_passes_every_rule() {
    CanaryStack stack = McpServerCanary.stack();
    assertThat(stack.resources())
        .extracting(r -> r.getKind() + "/" + r.getMetadata().getName())
        .containsExactly(
            "Service/mcp-server",
            "DestinationRule/mcp-server-destrule",
            "VirtualService/mcp-server-vsvc",
            "AnalysisTemplate/mcp-success-rate",
            "Rollout/mcp-server",
            "ScaledObject/mcp-server-scaler");
    assertThat(RuleSet.all().evaluate(ResourceSet.of(stack.resources())).findings()).isEmpty();
    assertThat(RuleSet.all().evaluate(ResourceSet.of(MlPortfolio.stacks().resources())).findings())
        .isEmpty();
  }

  @Test
  void ml_portfolio_renders_its_golden_yaml() throws IOException {
    assertGolden(MlPortfolio.stacks().toYaml(), "ml-portfolio.yaml");
  }

  @Test
  void ml_portfolio_shares_both_templates_and_reads_back_typed() {
    String yaml = MlPortfolio.stacks().toYaml();
    long templates =
        Manifests.documents(yaml).stream()
            .filter(d -> d.path("kind").asText().equals("AnalysisTemplate"))
            .count();
    assertThat(templates).isEqualTo(2);
    for (JsonNode doc : Manifests.documents(yaml)) {
      Manifests.assertRoundTrip(
          doc, doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText());
    }
  }

  @Test
  void ml_portfolio_switches_a_service_to_the_strict_gate_for_a_major_version() {
    CanaryStack major = MlPortfolio.majorVersion(MlPortfolio.stacks().stacks().get(0));
    Rollout rollout =
        (Rollout)
            major.resources().stream().filter(Rollout.class::isInstance).findFirst().orElseThrow();
    assertThat(
            rollout
                .getSpec()
                .getStrategy()
                .getCanary()
                .getSteps()
                .get(2)
                .getAnalysis()
                .getTemplates()
                .get(0)
                .getTemplateName())
        .isEqualTo("bluegreen-validation");
  }

  @Test
  void ml_portfolio_releases_a_major_version_blue_green_behind_the_strict_gate() {
    CanaryStack major = MlPortfolio.blueGreenRelease(MlPortfolio.stacks().stacks().get(0));
    dev.rolloutkit.assertj.RolloutKitAssertions.assertThat(major)
        .passesAllRules()
        .hasResources(
            "Service/bankchurn-predictor",
            "Service/bankchurn-predictor-preview",
            "AnalysisTemplate/bluegreen-validation",
            "Rollout/bankchurn-predictor")
        .rollout()
        .releasesBlueGreen("bankchurn-predictor", "bankchurn-predictor-preview")
        .validatesBeforePromotionWith("bluegreen-validation");
  }
}
