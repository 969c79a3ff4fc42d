package dev.rolloutkit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.trafficrouting.Istio;
import dev.rolloutkit.istio.internal.IstioObjects;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.testing.Golden;
import dev.rolloutkit.testing.Manifests;
import dev.rolloutkit.traffic.Port;
import dev.rolloutkit.traffic.TrafficRouter;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRetryBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class IstioTrafficRouterTest {

  static CanaryStack mcp(TrafficRouter traffic) {
    return CanaryStack.mcp("mcp-server")
        .namespace("ai-services")
        .image("ghcr.io/acme/mcp-server:1.4.0")
        .traffic(traffic)
        .build();
  }

  private static List<String> kinds(CanaryStack stack) {
    return stack.resources().stream()
        .map(r -> r.getKind() + "/" + r.getMetadata().getName())
        .toList();
  }

  private static Rollout rollout(CanaryStack stack) {
    return stack.resources().stream()
        .filter(Rollout.class::isInstance)
        .map(Rollout.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private static VirtualService vs(CanaryStack stack) {
    return stack.resources().stream()
        .map(IstioObjects::virtualServiceSpec)
        .flatMap(java.util.Optional::stream)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void should_be_found_by_name_so_the_mcp_preset_uses_istio() {
    assertThat(TrafficRouter.find("istio")).get().isInstanceOf(IstioRouterService.class);
    CanaryStack stack =
        CanaryStack.mcp("mcp-server")
            .namespace("ai-services")
            .image("ghcr.io/acme/mcp-server:1.4.0")
            .build();
    assertThat(kinds(stack))
        .containsExactly(
            "Service/mcp-server",
            "DestinationRule/mcp-server-destrule",
            "VirtualService/mcp-server-vsvc",
            "AnalysisTemplate/mcp-success-rate",
            "Rollout/mcp-server",
            "ScaledObject/mcp-server-scaler");
  }

  @Test
  void should_render_the_article_subset_level_stack_as_golden_yaml() throws Exception {
    Golden.assertMatches(
        mcp(IstioTrafficRouter.subsetLevel()).toYaml(), "mcp-server-istio-subset.yaml");
  }

  @Test
  void should_derive_every_name_from_one_declaration_at_subset_level() {
    CanaryStack stack = mcp(IstioTrafficRouter.subsetLevel());
    Istio istio = rollout(stack).getSpec().getStrategy().getCanary().getTrafficRouting().getIstio();
    assertThat(istio.getVirtualService().getName()).isEqualTo("mcp-server-vsvc");
    assertThat(istio.getVirtualService().getRoutes()).containsExactly("primary");
    assertThat(istio.getDestinationRule().getName()).isEqualTo("mcp-server-destrule");
    assertThat(istio.getDestinationRule().getCanarySubsetName()).isEqualTo("canary");
    assertThat(istio.getDestinationRule().getStableSubsetName()).isEqualTo("stable");
    assertThat(rollout(stack).getSpec().getStrategy().getCanary().getCanaryService()).isNull();
    HTTPRoute primary = vs(stack).getHttp().get(0);
    assertThat(primary.getName()).isEqualTo("primary");
    assertThat(primary.getRoute())
        .extracting(
            d ->
                d.getDestination().getHost()
                    + "/"
                    + d.getDestination().getSubset()
                    + "="
                    + d.getWeight())
        .containsExactly("mcp-server/stable=100", "mcp-server/canary=0");
  }

  @Test
  void should_render_host_level_splitting_as_golden_yaml() throws Exception {
    CanaryStack stack =
        CanaryStack.ml("checkout")
            .namespace("shop")
            .image("ghcr.io/acme/checkout:2.1.0")
            .traffic(IstioTrafficRouter.hostLevel())
            .build();
    assertThat(kinds(stack))
        .containsExactly(
            "Service/checkout-stable",
            "Service/checkout-canary",
            "VirtualService/checkout-vsvc",
            "AnalysisTemplate/canary-health-check",
            "Rollout/checkout");
    assertThat(rollout(stack).getSpec().getStrategy().getCanary().getStableService())
        .isEqualTo("checkout-stable");
    assertThat(
            rollout(stack)
                .getSpec()
                .getStrategy()
                .getCanary()
                .getTrafficRouting()
                .getIstio()
                .getDestinationRule())
        .isNull();
    assertThat(vs(stack).getHttp().get(0).getRoute())
        .extracting(d -> d.getDestination().getHost() + "=" + d.getWeight())
        .containsExactly("checkout-stable=100", "checkout-canary=0");
    Golden.assertMatches(stack.toYaml(), "checkout-istio-host.yaml");
  }

  @ParameterizedTest
  @EnumSource(IstioApiVersion.class)
  void should_write_the_chosen_istio_api_version(IstioApiVersion version) {
    CanaryStack stack = mcp(IstioTrafficRouter.subsetLevel().withApiVersion(version));
    List<HasMetadata> istio =
        stack.resources().stream()
            .filter(r -> r.getApiVersion().startsWith("networking.istio.io"))
            .toList();
    assertThat(istio)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.getApiVersion()).isEqualTo(version.apiVersion()));
    for (JsonNode doc : Manifests.documents(stack.toYaml())) {
      Manifests.assertRoundTrip(doc, version + " " + doc.path("kind").asText());
    }
  }

  @Test
  void should_pass_gateways_hosts_timeouts_and_retries_through() {
    IstioTrafficRouter router =
        IstioTrafficRouter.builder()
            .from(IstioTrafficRouter.subsetLevel())
            .gateways(List.of("istio-system/public", "mesh"))
            .extraHosts(List.of("mcp.example.com"))
            .timeout("10s")
            .retries(
                new HTTPRetryBuilder()
                    .withAttempts(3)
                    .withPerTryTimeout("2s")
                    .withRetryOn("5xx")
                    .build())
            .build();
    VirtualService spec = vs(mcp(router));
    assertThat(spec.getGateways()).containsExactly("istio-system/public", "mesh");
    assertThat(spec.getHosts()).containsExactly("mcp-server", "mcp.example.com");
    assertThat(spec.getHttp().get(0).getTimeout()).isEqualTo("10s");
    assertThat(spec.getHttp().get(0).getRetries().getAttempts()).isEqualTo(3);
  }

  @Test
  void should_route_tcp_services_with_a_tcp_route() {
    CanaryStack stack =
        CanaryStack.ml("ledger")
            .namespace("bank")
            .image("ledger:1")
            .addPorts(Port.of("grpc", 9000, 9000))
            .traffic(IstioTrafficRouter.subsetLevel().tcp(9000))
            .build();
    VirtualService spec = vs(stack);
    assertThat(spec.getHttp()).isNullOrEmpty();
    assertThat(spec.getTcp().get(0).getMatch().get(0).getPort()).isEqualTo(9000L);
    assertThat(spec.getTcp().get(0).getRoute())
        .extracting(
            d -> d.getDestination().getSubset() + ":" + d.getDestination().getPort().getNumber())
        .containsExactly("stable:9000", "canary:9000");
    var managed =
        rollout(stack)
            .getSpec()
            .getStrategy()
            .getCanary()
            .getTrafficRouting()
            .getIstio()
            .getVirtualService();
    assertThat(managed.getRoutes()).isNullOrEmpty();
    assertThat(managed.getTcpRoutes()).extracting(t -> t.getPort()).containsExactly(9000L);
    assertThat(RuleSet.all().evaluate(ResourceSet.of(stack.resources())).findings()).isEmpty();
  }

  @Test
  void should_route_tls_services_with_a_tls_route() {
    CanaryStack stack =
        CanaryStack.ml("vault")
            .namespace("sec")
            .image("vault:1")
            .addPorts(Port.of("https", 443, 8443))
            .traffic(IstioTrafficRouter.subsetLevel().tls(443, "vault.example.com"))
            .build();
    VirtualService spec = vs(stack);
    assertThat(spec.getTls().get(0).getMatch().get(0).getSniHosts())
        .containsExactly("vault.example.com");
    var managed =
        rollout(stack)
            .getSpec()
            .getStrategy()
            .getCanary()
            .getTrafficRouting()
            .getIstio()
            .getVirtualService();
    assertThat(managed.getTlsRoutes())
        .extracting(t -> t.getPort() + " " + t.getSniHosts())
        .containsExactly("443 [vault.example.com]");
    assertThat(RuleSet.all().evaluate(ResourceSet.of(stack.resources())).findings()).isEmpty();
  }

  @Test
  void should_set_destination_ports_when_the_service_has_several() {
    CanaryStack stack =
        CanaryStack.ml("api")
            .namespace("shop")
            .image("api:1")
            .addPorts(Port.http(8080), Port.of("metrics", 9090, 9090))
            .traffic(IstioTrafficRouter.subsetLevel())
            .build();
    assertThat(vs(stack).getHttp().get(0).getRoute())
        .allSatisfy(d -> assertThat(d.getDestination().getPort().getNumber()).isEqualTo(80L));
  }

  static Stream<CanaryStack> generated() {
    return Stream.of(
        mcp(IstioTrafficRouter.subsetLevel()),
        mcp(IstioTrafficRouter.hostLevel()),
        mcp(
            IstioTrafficRouter.subsetLevel()
                .withGateways("istio-system/public")
                .withExtraHosts("mcp.example.com")),
        mcp(IstioTrafficRouter.subsetLevel().withApiVersion(IstioApiVersion.V1ALPHA3)),
        CanaryStack.nlp("nlpinsight")
            .namespace("ml")
            .image("nlp:1")
            .traffic(IstioTrafficRouter.hostLevel())
            .putLabel("team", "nlp")
            .build());
  }

  @ParameterizedTest
  @MethodSource("generated")
  void should_generate_stacks_that_pass_every_rule(CanaryStack stack) {
    assertThat(RuleSet.all().evaluate(ResourceSet.of(stack.resources())).findings()).isEmpty();
  }
}
