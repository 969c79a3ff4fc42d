package dev.rolloutkit.assertj;

import static dev.rolloutkit.assertj.RolloutKitAssertions.assertThat;
import static java.util.concurrent.TimeUnit.MINUTES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.analysis.AnalysisGate;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectBuilder;
import dev.rolloutkit.lint.Lint;
import dev.rolloutkit.profile.CanaryProfile;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.traffic.TrafficRouter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class RolloutKitAssertionsTest {

  static final CanaryStack MCP =
      CanaryStack.mcp("mcp-server")
          .namespace("ai-services")
          .image("ghcr.io/acme/mcp-server:1.4.0")
          .build();
  static final CanaryStack ML =
      CanaryStack.ml("bankchurn").namespace("ml").image("bankchurn:1").build();

  static <T> T first(CanaryStack stack, Class<T> type) {
    return stack.resources().stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }

  static final Rollout ROLLOUT = first(MCP, Rollout.class);
  static final AnalysisTemplate TEMPLATE = first(MCP, AnalysisTemplate.class);
  static final ScaledObject SCALED = first(MCP, ScaledObject.class);

  // Rollout

  @Test
  void rollout_assertions_pass_on_the_mcp_stack() {
    assertThat(ROLLOUT)
        .hasCanaryWeights(10, 30, 60, 100)
        .pausesFor(2, MINUTES)
        .afterWeight(10)
        .pausesFor(120, ChronoUnit.SECONDS)
        .afterWeight(60)
        .gatesWithTemplate("mcp-success-rate")
        .atWeight(30)
        .routesTrafficWithIstio();
    assertThat(first(ML, Rollout.class))
        .routesTrafficWithNginx()
        .pausesFor(60, SECONDS)
        .afterWeight(20);
    Rollout manual =
        first(
            CanaryStack.builder()
                .from(ML)
                .profile(
                    CanaryProfile.of(
                        "manual",
                        dev.rolloutkit.profile.CanaryStep.setWeight(50),
                        dev.rolloutkit.profile.CanaryStep.pauseUntilPromoted(),
                        dev.rolloutkit.profile.CanaryStep.setWeight(100)))
                .traffic(TrafficRouter.none())
                .gates(java.util.List.of())
                .build(),
            Rollout.class);
    assertThat(manual).pausesUntilPromoted().afterWeight(50).splitsTrafficByReplicas();
  }

  @Test
  void has_canary_weights_says_what_the_rollout_sets() {
    assertThatThrownBy(() -> assertThat(ROLLOUT).hasCanaryWeights(20, 50, 100))
        .hasMessage(
            "Expected Rollout ai-services/mcp-server to set canary weights [20, 50, 100] but"
                + " spec.strategy.canary.steps sets [10, 30, 60, 100]");
  }

  @Test
  void pauses_for_says_which_step_pauses_how_long() {
    assertThatThrownBy(() -> assertThat(ROLLOUT).pausesFor(5, MINUTES).afterWeight(10))
        .hasMessage(
            "Expected Rollout ai-services/mcp-server to pause for 5m after weight 10 but"
                + " spec.strategy.canary.steps[1] pauses for 2m");
    assertThatThrownBy(() -> assertThat(ROLLOUT).pausesFor(2, MINUTES).afterWeight(30))
        .hasMessage(
            "Expected Rollout ai-services/mcp-server to pause for 2m after weight 30 but no pause"
                + " follows weight 30 (spec.strategy.canary.steps[2]) before the next weight");
    assertThatThrownBy(() -> assertThat(ROLLOUT).pausesFor(2, MINUTES).afterWeight(20))
        .hasMessage(
            "Expected Rollout ai-services/mcp-server to have a setWeight step with weight 20 but"
                + " its weights are [10, 30, 60, 100]");
    assertThatThrownBy(() -> assertThat(ROLLOUT).pausesUntilPromoted().afterWeight(10))
        .hasMessage(
            "Expected Rollout ai-services/mcp-server to pause until promoted after weight 10 but"
                + " spec.strategy.canary.steps[1] pauses for 2m");
  }

  @Test
  void gates_with_template_says_where_the_gate_runs() {
    assertThatThrownBy(() -> assertThat(ROLLOUT).gatesWithTemplate("mcp-success-rate").atWeight(60))
        .hasMessage(
            "Expected Rollout ai-services/mcp-server to run analysis template mcp-success-rate at"
                + " weight 60 but it runs at weight 30 (spec.strategy.canary.steps[3])");
    assertThatThrownBy(() -> assertThat(ROLLOUT).gatesWithTemplate("error-budget").atWeight(30))
        .hasMessage(
            "Expected Rollout ai-services/mcp-server to run analysis template error-budget at"
                + " weight 30 but no analysis step runs it");
  }

  @Test
  void traffic_assertions_name_the_missing_field() {
    assertThatThrownBy(() -> assertThat(ROLLOUT).routesTrafficWithNginx())
        .hasMessage(
            "Expected Rollout ai-services/mcp-server to route traffic with nginx but"
                + " spec.strategy.canary.trafficRouting.nginx is not set");
    assertThatThrownBy(() -> assertThat(ROLLOUT).splitsTrafficByReplicas())
        .hasMessage(
            "Expected Rollout ai-services/mcp-server to split traffic by replicas but"
                + " spec.strategy.canary.trafficRouting is set");
  }

  // AnalysisTemplate

  @Test
  void analysis_template_assertions_pass_on_the_mcp_gate() {
    assertThat(TEMPLATE)
        .rollsBackOnFailure(3)
        .measuresEvery(60, SECONDS)
        .times(5)
        .filtersOnCanaryHash();
    assertThat(first(ML, AnalysisTemplate.class))
        .rollsBackOnFailure(2)
        .measuresEvery(30, ChronoUnit.SECONDS)
        .times(3);
  }

  @Test
  void rolls_back_on_failure_explains_the_failure_limit_arithmetic() {
    AnalysisTemplate article =
        AnalysisGate.mcpSuccessRate().withRollbackOnFailure(4).toAnalysisTemplate("ai-services");
    assertThatThrownBy(() -> assertThat(article).rollsBackOnFailure(3))
        .hasMessage(
            "Expected AnalysisTemplate ai-services/mcp-success-rate to roll back on failed"
                + " measurement #3 (failureLimit 2; Argo fails when failures > failureLimit) but"
                + " spec.metrics[0] (success-rate) has failureLimit 3, which rolls back on failure"
                + " #4");
  }

  @Test
  void measures_every_names_the_metric_and_its_interval_and_count() {
    assertThatThrownBy(() -> assertThat(TEMPLATE).measuresEvery(30, SECONDS).times(5))
        .hasMessage(
            "Expected AnalysisTemplate ai-services/mcp-success-rate to measure every 30s, 5 times,"
                + " but spec.metrics[0] (success-rate) has interval 1m and count 5");
  }

  @Test
  void filters_on_canary_hash_shows_the_unfiltered_query() {
    AnalysisTemplate unfiltered = AnalysisGate.mcpSuccessRate().toAnalysisTemplate("ai-services");
    unfiltered
        .getSpec()
        .getMetrics()
        .get(1)
        .getProvider()
        .getPrometheus()
        .setQuery("sum(rate(mcp_requests_total[2m]))");
    assertThatThrownBy(() -> assertThat(unfiltered).filtersOnCanaryHash())
        .hasMessage(
            "Expected AnalysisTemplate ai-services/mcp-success-rate to filter on the canary hash"
                + " but spec.metrics[1].provider.prometheus.query (error-rate) does not use"
                + " {{args.canary-hash}}: sum(rate(mcp_requests_total[2m]))");
  }

  // ScaledObject

  @Test
  void scaled_object_assertions_pass_on_the_mcp_scaling() {
    assertThat(SCALED).scalesToZeroWhenIdle().keepsAtLeast(2).whileActive().targets(ROLLOUT);
  }

  @Test
  void scaled_object_assertions_say_what_keda_would_do() {
    ScaledObject article =
        new ScaledObjectBuilder()
            .withNewMetadata()
            .withName("mcp-server-scaler")
            .withNamespace("ai-services")
            .endMetadata()
            .withNewSpec()
            .withNewScaleTargetRef()
            .withApiVersion("argoproj.io/v1alpha1")
            .withName("mcp-server")
            .endScaleTargetRef()
            .withMinReplicaCount(2)
            .endSpec()
            .build();
    assertThatThrownBy(() -> assertThat(article).scalesToZeroWhenIdle())
        .hasMessage(
            "Expected ScaledObject ai-services/mcp-server-scaler to scale to zero when idle but"
                + " spec.idleReplicaCount is not set and spec.minReplicaCount is 2");
    assertThatThrownBy(() -> assertThat(article).keepsAtLeast(3).whileActive())
        .hasMessage(
            "Expected ScaledObject ai-services/mcp-server-scaler to keep at least 3 replicas while"
                + " active but spec.minReplicaCount is 2");
    assertThatThrownBy(() -> assertThat(article).targets(ROLLOUT))
        .hasMessage(
            "Expected ScaledObject ai-services/mcp-server-scaler to scale argoproj.io/v1alpha1"
                + " Rollout mcp-server but spec.scaleTargetRef is argoproj.io/v1alpha1 (kind not"
                + " set: Deployment) mcp-server");
  }

  // Stack and reports

  @Test
  void stack_assertions_navigate_to_its_objects() {
    assertThat(MCP)
        .hasResources(
            "Service/mcp-server",
            "DestinationRule/mcp-server-destrule",
            "VirtualService/mcp-server-vsvc",
            "AnalysisTemplate/mcp-success-rate",
            "Rollout/mcp-server",
            "ScaledObject/mcp-server-scaler")
        .passesAllRules();
    assertThat(MCP).rollout().hasCanaryWeights(10, 30, 60, 100);
    assertThat(MCP).analysisTemplate("mcp-success-rate").rollsBackOnFailure(3);
    assertThat(MCP).scaledObject().targets(ROLLOUT);
    assertThatThrownBy(() -> assertThat(ML).scaledObject())
        .hasMessage("Expected stack bankchurn to have a ScaledObject but it has no KEDA scaling");
    assertThatThrownBy(() -> assertThat(ML).analysisTemplate("mcp-success-rate"))
        .hasMessage(
            "Expected stack bankchurn to have AnalysisTemplate mcp-success-rate but its gates are"
                + " [canary-health-check]");
    assertThatThrownBy(() -> assertThat(ML).hasResources("Rollout/bankchurn"))
        .hasMessageStartingWith(
            "Expected stack bankchurn to produce [Rollout/bankchurn] but it produces"
                + " [Service/bankchurn-stable,");
  }

  @Test
  void report_assertions_find_findings_by_rule_and_path() {
    var vs = MCP.resources().get(2);
    var broken = new java.util.ArrayList<>(MCP.resources());
    broken.remove(1);
    var report =
        RuleSet.all()
            .evaluate(
                ResourceSet.of(broken)
                    .withThresholds(
                        dev.rolloutkit.rules.Thresholds.defaults().withAssumeComplete(true)));
    assertThat(report)
        .hasFinding("ISTIO-SUBSET-NOT-FOUND")
        .at("spec.http[0].route[0].destination.subset");
    assertThatThrownBy(() -> assertThat(report).hasNoErrors())
        .hasMessageStartingWith(
            "Expected no error findings but found 3:\n"
                + "  error [ISTIO-SUBSET-NOT-FOUND] VirtualService ai-services/mcp-server-vsvc");
    assertThatThrownBy(
            () -> assertThat(report).hasFinding("ISTIO-SUBSET-NOT-FOUND").at("spec.http[1]"))
        .hasMessage(
            "Expected a finding of rule ISTIO-SUBSET-NOT-FOUND at spec.http[1] but it is at"
                + " spec.http[0].route[0].destination.subset,"
                + " spec.http[0].route[1].destination.subset");
    assertThatThrownBy(
            () ->
                assertThat(RuleSet.all().evaluate(ResourceSet.of(MCP.resources())))
                    .hasFinding("ISTIO-HOST-NOT-FOUND"))
        .hasMessage("Expected a finding of rule ISTIO-HOST-NOT-FOUND but there are no findings");
    assertThat(Lint.yaml(MCP.toYaml())).hasNoFindings();
    org.assertj.core.api.Assertions.assertThat(vs.getKind()).isEqualTo("VirtualService");
  }

  /**
   * Istio objects routing to a Service that is not in the set, which holds no Service:
   * ISTIO-HOST-NOT-FOUND warns that it must exist in the cluster.
   */
  static final String ROUTES_TO_MISSING_SERVICE =
      """
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: checkout, namespace: shop}
      spec:
        hosts: [checkout]
        http:
        - name: primary
          route: [{destination: {host: checkout}}]
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: checkout, namespace: shop}
      spec: {host: checkout}
      """;

  @Test
  void has_no_findings_lists_what_was_found() {
    assertThatThrownBy(() -> assertThat(Lint.yaml(ROUTES_TO_MISSING_SERVICE)).hasNoFindings())
        .hasMessageStartingWith(
            "Expected no findings but found 2:\n"
                + "  warning [ISTIO-HOST-NOT-FOUND] VirtualService shop/checkout");
  }

  @Test
  void passes_all_rules_accepts_an_adopted_stack_whose_service_lives_in_the_cluster() {
    var objects =
        dev.rolloutkit.testing.Manifests.documents(ROUTES_TO_MISSING_SERVICE).stream()
            .map(dev.rolloutkit.testing.Manifests::read)
            .toList();
    var adoption = dev.rolloutkit.istio.AdoptExistingRouting.of(objects.get(0), objects.get(1));
    CanaryStack adopted =
        CanaryStack.ml("checkout")
            .namespace("shop")
            .image("checkout:1")
            .traffic(dev.rolloutkit.istio.IstioTrafficRouter.adopting(adoption))
            .build();
    assertThat(adopted).passesAllRules();
    assertThatThrownBy(
            () ->
                assertThat(RuleSet.all().evaluate(ResourceSet.of(adopted.resources())))
                    .hasNoFindings())
        .hasMessageContaining(
            "warning [ISTIO-HOST-NOT-FOUND] VirtualService shop/checkout"
                + " spec.http[0].route[0].destination.host");
  }

  @Test
  void soft_assertions_collect_every_failure() {
    RolloutKitSoftAssertions softly = new RolloutKitSoftAssertions();
    softly.assertThat(ROLLOUT).hasCanaryWeights(20, 50, 100);
    softly.assertThat(ROLLOUT).pausesFor(5, MINUTES).afterWeight(10);
    softly.assertThat(TEMPLATE).rollsBackOnFailure(1);
    softly.assertThat(SCALED).keepsAtLeast(3).whileActive();
    softly.assertThat(MCP).passesAllRules();
    assertThatThrownBy(softly::assertAll)
        .hasMessageContaining("Multiple Failures (4 failures)")
        .hasMessageContaining("to set canary weights [20, 50, 100]")
        .hasMessageContaining("to pause for 5m after weight 10")
        .hasMessageContaining("to roll back on failed measurement #1")
        .hasMessageContaining("to keep at least 3 replicas while active");
  }

  @Test
  void should_pass_an_adopted_istio_stack_alone_and_with_the_services_it_routes_to() {
    var existing =
        dev.rolloutkit.manifest.Manifests.read(
            "existing.yaml",
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: checkout, namespace: shop}
            spec:
              hosts: [checkout]
              http:
              - name: admin
                match: [{uri: {prefix: /admin}}]
                route: [{destination: {host: admin}}]
              - name: primary
                route: [{destination: {host: checkout}}]
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: checkout, namespace: shop}
            spec: {host: checkout}
            """);
    var adoption =
        dev.rolloutkit.istio.AdoptExistingRouting.of(
                existing.get(0).object().orElseThrow(), existing.get(1).object().orElseThrow())
            .route("primary");
    CanaryStack adopted =
        CanaryStack.ml("checkout")
            .namespace("shop")
            .image("ghcr.io/acme/checkout:2.1.0")
            .traffic(dev.rolloutkit.istio.IstioTrafficRouter.adopting(adoption))
            .build();
    assertThat(adopted).passesAllRules();
    io.fabric8.kubernetes.api.model.Service checkout =
        new io.fabric8.kubernetes.api.model.ServiceBuilder()
            .withNewMetadata()
            .withName("checkout")
            .withNamespace("shop")
            .endMetadata()
            .withNewSpec()
            .addToSelector("app", "checkout")
            .addNewPort()
            .withName("http")
            .withPort(80)
            .endPort()
            .endSpec()
            .build();
    io.fabric8.kubernetes.api.model.Service admin =
        new io.fabric8.kubernetes.api.model.ServiceBuilder(checkout)
            .editMetadata()
            .withName("admin")
            .endMetadata()
            .editSpec()
            .withSelector(java.util.Map.of("app", "admin"))
            .endSpec()
            .build();
    assertThat(adopted).passesAllRulesWith(checkout, admin);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> assertThat(adopted).passesAllRulesWith(checkout))
        .as("the admin route's host is missing from a set taken as complete")
        .hasMessageContaining("ISTIO-HOST-NOT-FOUND");
  }

  @Test
  void should_state_a_gates_thresholds_tolerance_and_no_data_policy() {
    var gate = dev.rolloutkit.analysis.AnalysisGate.mcpSuccessRate();
    assertThat(gate)
        .checks("success-rate", dev.rolloutkit.analysis.Direction.AT_LEAST, 0.95)
        .checks("error-rate", dev.rolloutkit.analysis.Direction.AT_MOST, 0.05)
        .rollsBackOnFailure(3)
        .treatsNoDataAs(dev.rolloutkit.analysis.NoDataPolicy.requireRequests(100))
        .toleratesAPrometheusOutageOf(java.time.Duration.ofSeconds(60));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> assertThat(gate).treatsNoDataAs(dev.rolloutkit.analysis.NoDataPolicy.FAIL))
        .hasMessage(
            "Expected gate mcp-success-rate to treat no data as fail but it treats it as"
                + " requireRequests(100)");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> assertThat(gate).toleratesAPrometheusOutageOf(java.time.Duration.ofMinutes(5)))
        .hasMessageContaining("31 Errors 10 s apart exceed its consecutiveErrorLimit 12");
  }

  @Test
  void should_collect_every_failure_softly_across_gates_steps_and_lint() {
    RolloutKitSoftAssertions softly = new RolloutKitSoftAssertions();
    var gate = dev.rolloutkit.analysis.AnalysisGate.canaryHealthCheck();
    softly.assertThat(gate).rollsBackOnFailure(3);
    softly.assertThat(gate).treatsNoDataAs(dev.rolloutkit.analysis.NoDataPolicy.INCONCLUSIVE);
    var rollout =
        CanaryStack.ml("bankchurn").namespace("ml").image("b:1").build().resources().stream()
            .filter(dev.rolloutkit.argo.v1alpha1.Rollout.class::isInstance)
            .map(dev.rolloutkit.argo.v1alpha1.Rollout.class::cast)
            .findFirst()
            .orElseThrow();
    softly.assertThat(rollout).hasStepKinds("setWeight", "pause", "analysis");
    softly
        .assertThat(
            dev.rolloutkit.lint.Lint.yaml("apiVersion: v1\nkind: Service\nmetadata: {name: x}\n"))
        .hasNoErrors();
    org.assertj.core.api.Assertions.assertThatThrownBy(softly::assertAll)
        .hasMessageContaining("roll back on failed measurement #3 but it rolls back on #2")
        .hasMessageContaining("treat no data as inconclusive")
        .hasMessageContaining(
            "[setWeight, pause, analysis, setWeight, pause, analysis, setWeight]");
    assertThat(rollout)
        .hasStepKinds(
            "setWeight", "pause", "analysis", "setWeight", "pause", "analysis", "setWeight");
  }
}
