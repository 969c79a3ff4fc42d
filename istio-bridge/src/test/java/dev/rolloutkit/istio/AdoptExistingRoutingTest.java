package dev.rolloutkit.istio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.trafficrouting.Istio;
import dev.rolloutkit.rules.Finding;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.testing.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdoptExistingRoutingTest {

  static final String EXISTING =
      """
      apiVersion: networking.istio.io/v1beta1
      kind: VirtualService
      metadata:
        name: checkout
        namespace: shop
        labels: {owner: payments}
        annotations: {note: keep me}
      spec:
        hosts: [checkout, checkout.example.com]
        gateways: [istio-system/public, mesh]
        http:
        - name: admin
          match:
          - uri: {prefix: /admin}
            headers:
              x-role: {exact: admin}
          route:
          - destination: {host: admin, port: {number: 8080}}
          timeout: 5s
        - name: primary
          match:
          - uri: {prefix: /}
          route:
          - destination: {host: checkout}
          retries: {attempts: 3, perTryTimeout: 2s, retryOn: "5xx,reset"}
          timeout: 10s
          corsPolicy:
            allowOrigins:
            - exact: https://shop.example.com
            allowMethods: [GET, POST]
          headers:
            request:
              set: {x-canary-aware: "true"}
        tcp:
        - match:
          - port: 5432
          route:
          - destination: {host: db}
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: DestinationRule
      metadata: {name: checkout, namespace: shop}
      spec:
        host: checkout
        trafficPolicy:
          loadBalancer: {simple: LEAST_REQUEST}
          connectionPool:
            http: {http1MaxPendingRequests: 100}
        subsets:
        - name: legacy
          labels: {app: checkout, track: legacy}
          trafficPolicy:
            loadBalancer: {simple: ROUND_ROBIN}
      """;

  static final Map<String, String> PODS = Map.of("app", "checkout");

  private static HasMetadata doc(int index) {
    return Manifests.read(Manifests.documents(EXISTING).get(index));
  }

  @Test
  void should_keep_every_original_route_and_field_and_add_only_the_canary_wiring() {
    HasMetadata vs = doc(0);
    HasMetadata dr = doc(1);
    JsonNode vsBefore = Manifests.written(vs);
    JsonNode drBefore = Manifests.written(dr);

    AdoptExistingRouting.Adopted adopted =
        AdoptExistingRouting.of(vs, dr).route("primary").adopt("shop", PODS);

    ObjectNode expectedVs = (ObjectNode) Manifests.documents(EXISTING).get(0).deepCopy();
    ArrayNode route = (ArrayNode) expectedVs.at("/spec/http/1/route");
    ((ObjectNode) route.get(0)).with("destination").put("subset", "stable");
    ((ObjectNode) route.get(0)).put("weight", 100);
    route
        .addObject()
        .put("weight", 0)
        .putObject("destination")
        .put("host", "checkout")
        .put("subset", "canary");
    assertThat(Manifests.written(adopted.virtualService())).isEqualTo(expectedVs);

    ObjectNode expectedDr = (ObjectNode) Manifests.documents(EXISTING).get(1).deepCopy();
    ArrayNode subsets = (ArrayNode) expectedDr.at("/spec/subsets");
    subsets.addObject().put("name", "stable").putObject("labels").put("app", "checkout");
    subsets.addObject().put("name", "canary").putObject("labels").put("app", "checkout");
    assertThat(Manifests.written(adopted.destinationRule())).isEqualTo(expectedDr);

    assertThat(Manifests.written(vs)).as("the input is not modified").isEqualTo(vsBefore);
    assertThat(Manifests.written(dr)).as("the input is not modified").isEqualTo(drBefore);
    assertThat(adopted.virtualService().getApiVersion()).isEqualTo("networking.istio.io/v1beta1");

    Istio istio = adopted.trafficRouting().getIstio();
    assertThat(istio.getVirtualService().getName()).isEqualTo("checkout");
    assertThat(istio.getVirtualService().getRoutes()).containsExactly("primary");
    assertThat(istio.getDestinationRule().getName()).isEqualTo("checkout");
    assertThat(istio.getDestinationRule().getCanarySubsetName()).isEqualTo("canary");
  }

  @Test
  void should_keep_existing_stable_and_canary_wiring_as_it_is() {
    AdoptExistingRouting.Adopted once =
        AdoptExistingRouting.of(doc(0), doc(1)).route("primary").adopt("shop", PODS);
    AdoptExistingRouting.Adopted twice =
        AdoptExistingRouting.of(once.virtualService(), once.destinationRule())
            .route("primary")
            .adopt("shop", PODS);
    assertThat(Manifests.written(twice.virtualService()))
        .isEqualTo(Manifests.written(once.virtualService()));
    assertThat(Manifests.written(twice.destinationRule()))
        .isEqualTo(Manifests.written(once.destinationRule()));
  }

  @Test
  void should_ask_which_route_to_manage_when_there_are_several() {
    assertThatThrownBy(() -> AdoptExistingRouting.of(doc(0), doc(1)).adopt("shop", PODS))
        .hasMessage(
            "VirtualService shop/checkout has 2 http routes [admin, primary]; name the one the"
                + " Rollout manages with route(name)");
    assertThatThrownBy(
            () -> AdoptExistingRouting.of(doc(0), doc(1)).route("main").adopt("shop", PODS))
        .hasMessage(
            "VirtualService shop/checkout has no http route 'main'; its http routes are [admin,"
                + " primary]");
  }

  @Test
  void should_manage_a_single_unnamed_route_without_naming_it() {
    String yaml =
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: web, namespace: web}
        spec:
          hosts: [web]
          http:
          - route:
            - destination: {host: web}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: web, namespace: web}
        spec: {host: web}
        """;
    List<JsonNode> docs = Manifests.documents(yaml);
    AdoptExistingRouting.Adopted adopted =
        AdoptExistingRouting.of(Manifests.read(docs.get(0)), Manifests.read(docs.get(1)))
            .adopt("web", Map.of("app", "web"));
    assertThat(adopted.trafficRouting().getIstio().getVirtualService().getRoutes()).isNull();
    assertThat(Manifests.written(adopted.virtualService()).at("/spec/http/0/route").toString())
        .isEqualTo(
            "[{\"destination\":{\"host\":\"web\",\"subset\":\"stable\"},\"weight\":100},"
                + "{\"destination\":{\"host\":\"web\",\"subset\":\"canary\"},\"weight\":0}]");
  }

  @Test
  void should_refer_to_a_virtual_service_in_another_namespace_by_name_and_namespace() {
    AdoptExistingRouting.Adopted adopted =
        AdoptExistingRouting.of(doc(0), doc(1)).route("primary").adopt("payments", PODS);
    assertThat(adopted.trafficRouting().getIstio().getVirtualService().getName())
        .isEqualTo("checkout.shop");
  }

  @Test
  void
      should_wire_a_stack_to_adopted_objects_that_pass_the_rules_but_for_the_extra_subset_warning() {
    AdoptExistingRouting adoption = AdoptExistingRouting.of(doc(0), doc(1)).route("primary");
    CanaryStack stack =
        CanaryStack.ml("checkout")
            .namespace("shop")
            .image("ghcr.io/acme/checkout:2.1.0")
            .traffic(IstioTrafficRouter.adopting(adoption))
            .build();
    assertThat(stack.resources())
        .extracting(r -> r.getKind() + "/" + r.getMetadata().getName())
        .containsExactly(
            "DestinationRule/checkout",
            "VirtualService/checkout",
            "AnalysisTemplate/canary-health-check",
            "Rollout/checkout");

    List<HasMetadata> applied = new ArrayList<>(stack.resources());
    for (String service : List.of("checkout", "admin", "db")) {
      applied.add(
          new io.fabric8.kubernetes.api.model.ServiceBuilder()
              .withNewMetadata()
              .withName(service)
              .withNamespace("shop")
              .endMetadata()
              .withNewSpec()
              .addToSelector("app", service)
              .endSpec()
              .build());
    }
    List<Finding> findings = RuleSet.all().evaluate(ResourceSet.of(applied)).findings();
    assertThat(findings)
        .extracting(Finding::rule)
        .containsExactly("ARGO-ISTIO-MANAGED-DR-EXTRA-SUBSETS");
    assertThat(findings.get(0).path()).isEqualTo("spec.subsets[0]");
  }
}
