package dev.rolloutkit.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.InvalidSpecException;
import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.scaledobjectspec.Triggers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KedaScalingTest {

  @Test
  void should_scale_the_rollout_to_zero_when_idle_and_keep_two_while_active() {
    ScaledObject so =
        KedaScaling.mcp().toScaledObject("mcp-server-scaler", "ai-services", "mcp-server");
    assertThat(so.getMetadata().getName()).isEqualTo("mcp-server-scaler");
    assertThat(so.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("argoproj.io/v1alpha1");
    assertThat(so.getSpec().getScaleTargetRef().getKind()).isEqualTo("Rollout");
    assertThat(so.getSpec().getScaleTargetRef().getName()).isEqualTo("mcp-server");
    assertThat(so.getSpec().getIdleReplicaCount()).isZero();
    assertThat(so.getSpec().getMinReplicaCount()).isEqualTo(2);
    assertThat(so.getSpec().getMaxReplicaCount()).isEqualTo(20);
    assertThat(so.getSpec().getCooldownPeriod()).isEqualTo(60);
    assertThat(so.getSpec().getPollingInterval()).isNull();
  }

  @Test
  void should_write_the_mcp_prometheus_triggers_without_metric_name() {
    ScaledObject so =
        KedaScaling.mcp().toScaledObject("mcp-server-scaler", "ai-services", "mcp-server");
    assertThat(so.getSpec().getTriggers())
        .extracting(Triggers::getType)
        .containsExactly("prometheus", "prometheus", "prometheus", "prometheus");
    assertThat(so.getSpec().getTriggers().get(1).getMetadata())
        .containsExactly(
            Map.entry("serverAddress", "http://prometheus.monitoring:9090"),
            Map.entry(
                "query",
                "sum(mcp_active_connections{namespace=\"ai-services\", app=\"mcp-server\"})"),
            Map.entry("threshold", "50"),
            Map.entry("activationThreshold", "0"));
    assertThat(so.getSpec().getTriggers().get(2).getMetadata())
        .containsEntry(
            "query", "sum(mcp_request_queue_depth{namespace=\"ai-services\", app=\"mcp-server\"})")
        .containsEntry("threshold", "100")
        .doesNotContainKey("metricName");
  }

  @Test
  void should_wake_the_mcp_server_from_requests_its_callers_proxies_count() {
    ScaledObject so =
        KedaScaling.mcp().toScaledObject("mcp-server-scaler", "ai-services", "mcp-server");
    assertThat(so.getSpec().getTriggers().get(0).getMetadata())
        .containsEntry(
            "query",
            "sum(rate(istio_requests_total{reporter=\"source\","
                + " destination_service_namespace=\"ai-services\","
                + " destination_service_name=~\"mcp-server|mcp-server-stable|mcp-server-canary\"}[1m]))")
        .containsEntry("activationThreshold", "0");
  }

  @Test
  void should_keep_the_mcp_server_active_while_its_rollout_progresses() {
    ScaledObject so =
        KedaScaling.mcp().toScaledObject("mcp-server-scaler", "ai-services", "mcp-server");
    assertThat(so.getSpec().getTriggers().get(3).getMetadata())
        .containsEntry(
            "query", "max(rollout_info{name=\"mcp-server\", phase=~\"Progressing|Paused\"})")
        .containsEntry("threshold", "1")
        .containsEntry("activationThreshold", "0");
  }

  @Test
  void should_scale_http_services_on_request_rate_without_scaling_to_zero() {
    ScaledObject so = KedaScaling.http().toScaledObject("s", "ml-portfolio", "bankchurn");
    assertThat(so.getSpec().getIdleReplicaCount()).isNull();
    assertThat(so.getSpec().getMinReplicaCount()).isEqualTo(2);
    assertThat(so.getSpec().getTriggers().get(0).getMetadata())
        .containsEntry(
            "query",
            "sum(rate(http_requests_total{namespace=\"ml-portfolio\", app=\"bankchurn\"}[2m]))")
        .containsEntry("threshold", "50");
  }

  @Test
  void should_add_other_trigger_types_with_a_generic_trigger() {
    Map<String, String> cron = new LinkedHashMap<>();
    cron.put("timezone", "Europe/Berlin");
    cron.put("start", "0 8 * * *");
    cron.put("end", "0 18 * * *");
    cron.put("desiredReplicas", "4");
    KedaScaling scaling =
        KedaScaling.builder()
            .minReplicaCount(2)
            .maxReplicaCount(8)
            .addTrigger(ScalingTrigger.of("cron", cron))
            .build();
    Triggers trigger = scaling.toScaledObject("s", "ns", "app").getSpec().getTriggers().get(0);
    assertThat(trigger.getType()).isEqualTo("cron");
    assertThat(trigger.getMetadata()).containsExactlyEntriesOf(cron);
  }

  @Test
  void should_reject_every_problem_of_invalid_scaling_at_once() {
    assertThatThrownBy(
            () ->
                KedaScaling.builder()
                    .idleReplicaCount(1)
                    .minReplicaCount(0)
                    .maxReplicaCount(0)
                    .cooldownPeriod(-1)
                    .addTrigger(ScalingTrigger.of("prometheus", Map.of("metricName", "x")))
                    .addTrigger(
                        ScalingTrigger.prometheus("sum(up{${canary}})", 1, 0)
                            .withMetadata("unused", "y"))
                    .build())
        .isInstanceOf(InvalidSpecException.class)
        .satisfies(
            e ->
                assertThat(((InvalidSpecException) e).problems())
                    .containsExactly(
                        "maxReplicaCount: must be at least 1, got 0",
                        "idleReplicaCount: only 0 works in KEDA (its HPA would scale any other idle"
                            + " count straight back up), got 1",
                        "IdleReplicaCount=1 must be less than MinReplicaCount=0; with"
                            + " idleReplicaCount set, minReplicaCount is the minimum while active"
                            + " and must be at least 1",
                        "cooldownPeriod: must be at least 0, got -1",
                        "triggers[0]: prometheus trigger needs metadata 'serverAddress'",
                        "triggers[0]: prometheus trigger needs metadata 'query'",
                        "triggers[0]: prometheus trigger needs metadata 'threshold'",
                        "triggers[0]: metadata 'metricName' was removed in KEDA v2.12 and is"
                            + " ignored; drop it",
                        "triggers[1]: ${canary} has no meaning in a KEDA query (it scales stable"
                            + " and canary together)"));
  }

  @Test
  void should_reject_min_above_max_with_the_keda_message() {
    assertThatThrownBy(() -> KedaScaling.mcp().withReplicas(5, 3))
        .hasMessageContaining("MinReplicaCount=5 must be less than MaxReplicaCount=3");
  }

  @Test
  void should_reject_unknown_metric_types() {
    assertThatThrownBy(
            () ->
                KedaScaling.builder()
                    .minReplicaCount(2)
                    .maxReplicaCount(3)
                    .addTrigger(
                        ImmutableScalingTrigger.builder()
                            .from(ScalingTrigger.prometheus("sum(x)", 1, 0))
                            .metricType("Average")
                            .build())
                    .build())
        .hasMessageContaining(
            "triggers[0]: metricType 'Average' is not one of AverageValue, Value, Utilization");
  }
}
