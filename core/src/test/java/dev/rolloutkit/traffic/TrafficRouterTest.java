package dev.rolloutkit.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.TrafficRouting;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficRouterTest {

  private static final TrafficTarget TARGET =
      TrafficTarget.builder()
          .name("bankchurn")
          .namespace("ml-portfolio")
          .selector(Map.of("app", "bankchurn"))
          .labels(Map.of("app", "bankchurn", "team", "ml"))
          .ports(List.of(Port.of("http", 80, 8000), Port.of("metrics", 9090, 9090)))
          .build();

  @Test
  void should_wire_nginx_with_stable_and_canary_services_and_the_stable_ingress() {
    TrafficPlan plan = TrafficRouter.nginx().plan(TARGET);

    assertThat(plan.services())
        .extracting(s -> s.getMetadata().getName())
        .containsExactly("bankchurn-stable", "bankchurn-canary");
    for (Service s : plan.services()) {
      assertThat(s.getSpec().getSelector()).isEqualTo(Map.of("app", "bankchurn"));
      assertThat(s.getSpec().getPorts())
          .extracting(p -> p.getName() + ":" + p.getPort() + "->" + p.getTargetPort().getStrVal())
          .containsExactly("http:80->http", "metrics:9090->metrics");
    }
    assertThat(plan.canaryService()).contains("bankchurn-canary");
    assertThat(plan.stableService()).contains("bankchurn-stable");

    Ingress ingress = (Ingress) plan.routing().get(0);
    assertThat(ingress.getMetadata().getName()).isEqualTo("bankchurn");
    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    HTTPIngressPath path = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0);
    assertThat(path.getBackend().getService().getName())
        .as("the stable Ingress routes to the stable Service")
        .isEqualTo("bankchurn-stable");
    assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");

    TrafficRouting routing = plan.trafficRouting().orElseThrow();
    assertThat(routing.getNginx().getStableIngress()).isEqualTo("bankchurn");
    assertThat(routing.getIstio()).isNull();
  }

  @Test
  void should_take_host_path_and_class_for_nginx() {
    Ingress ingress =
        (Ingress)
            TrafficRouter.nginx()
                .withHost("predict.example.com")
                .withPath("/churn")
                .withIngressClassName("internal")
                .plan(TARGET)
                .routing()
                .get(0);
    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("internal");
    assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("predict.example.com");
    assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getPath())
        .isEqualTo("/churn");
  }

  @Test
  void should_split_by_replicas_without_a_router() {
    TrafficPlan plan = TrafficRouter.none().plan(TARGET);
    assertThat(plan.services())
        .extracting(s -> s.getMetadata().getName())
        .containsExactly("bankchurn");
    assertThat(plan.routing()).isEmpty();
    assertThat(plan.trafficRouting()).isEmpty();
    assertThat(plan.canaryService()).isEmpty();
  }

  @Test
  void should_find_built_in_routers_and_report_missing_ones() {
    assertThat(TrafficRouter.find("nginx"))
        .get()
        .extracting(TrafficRouter::name)
        .isEqualTo("nginx");
    assertThat(TrafficRouter.find("none")).isPresent();
    TrafficRouter missing = TrafficRouter.named("linkerd");
    assertThat(missing).isInstanceOf(MissingTrafficRouter.class);
    assertThat(((MissingTrafficRouter) missing).problem())
        .startsWith("no traffic router named 'linkerd' is available; available: nginx, none");
    assertThatThrownBy(() -> missing.plan(TARGET)).isInstanceOf(IllegalStateException.class);
  }
}
