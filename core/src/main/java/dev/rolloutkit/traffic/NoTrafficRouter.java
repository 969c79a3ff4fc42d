package dev.rolloutkit.traffic;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/**
 * No traffic router: one Service selects stable and canary pods alike, so the canary's share of traffic is its share
 * of replicas (Argo's replica-ratio canary). With 2 replicas, 10 % means 1 canary pod of 2, i.e. 50 %.
 */
public final class NoTrafficRouter implements TrafficRouter {

  @Override
  public String name() {
    return "none";
  }

  @Override
  public TrafficPlan plan(TrafficTarget target) {
    return TrafficPlan.builder().addServices(service(target, target.name())).build();
  }

  static Service service(TrafficTarget target, String name) {
    return new ServiceBuilder()
        .withNewMetadata().withName(name).withNamespace(target.namespace()).withLabels(Maps.sorted(target.labels())).endMetadata()
        .withNewSpec()
          .withSelector(Maps.sorted(target.selector()))
          .withPorts(target.ports().stream().map(p -> new io.fabric8.kubernetes.api.model.ServicePortBuilder()
              .withName(p.name()).withPort(p.servicePort())
              .withNewTargetPort(p.name())
              .build()).toList())
        .endSpec()
        .build();
  }

  @Override
  public String toString() {
    return name();
  }
}
