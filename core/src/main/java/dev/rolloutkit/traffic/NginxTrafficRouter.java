package dev.rolloutkit.traffic;

import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.TrafficRouting;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.TrafficRoutingBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * NGINX Ingress traffic splitting (ADR-008): a stable and a canary Service, the stable Ingress
 * whose rule points at the stable Service, and {@code trafficRouting.nginx.stableIngress}. Argo
 * creates and re-weights the canary Ingress ({@code <rollout>-<ingress>-canary}) itself.
 *
 * <pre>{@code
 * TrafficRouter.nginx().withHost("predict.example.com").withIngressClassName("nginx-internal")
 * }</pre>
 */
@Value.Immutable
public abstract class NginxTrafficRouter implements TrafficRouter {

  /** {@code spec.ingressClassName} of the stable Ingress; default {@code nginx}. */
  @Value.Default
  public String ingressClassName() {
    return "nginx";
  }

  /** The host of the Ingress rule; none by default (every host). */
  public abstract Optional<String> host();

  /** The path prefix routed to the application; default {@code /}. */
  @Value.Default
  public String path() {
    return "/";
  }

  /**
   * The host is what an Ingress rule accepts: a DNS-1123 subdomain, optionally {@code *.} first,
   * not an IP address (networking.k8s.io/v1 validation).
   */
  @Value.Check
  protected void checkHost() {
    host()
        .ifPresent(
            h -> {
              String name = h.startsWith("*.") ? h.substring(2) : h;
              dev.rolloutkit.DnsNames.subdomainProblem(name)
                  .ifPresent(
                      p -> {
                        throw new IllegalArgumentException("host: " + p);
                      });
              if (name.matches("[0-9.]+")) {
                throw new IllegalArgumentException(
                    "host: '" + h + "' is an IP address; an Ingress rule's host must be a name");
              }
            });
  }

  /** The defaults. */
  public static NginxTrafficRouter defaults() {
    return ImmutableNginxTrafficRouter.builder().build();
  }

  /** A copy routing only {@code host}. */
  public NginxTrafficRouter withHost(String host) {
    return ImmutableNginxTrafficRouter.builder().from(this).host(host).build();
  }

  /** A copy with another ingress class. */
  public NginxTrafficRouter withIngressClassName(String ingressClassName) {
    return ImmutableNginxTrafficRouter.builder()
        .from(this)
        .ingressClassName(ingressClassName)
        .build();
  }

  /** A copy routing {@code path}. */
  public NginxTrafficRouter withPath(String path) {
    return ImmutableNginxTrafficRouter.builder().from(this).path(path).build();
  }

  @Override
  public String name() {
    return "nginx";
  }

  /** {@code <name>-stable}. */
  public static String stableServiceName(String rollout) {
    return rollout + "-stable";
  }

  /** {@code <name>-canary}. */
  public static String canaryServiceName(String rollout) {
    return rollout + "-canary";
  }

  @Override
  public TrafficPlan plan(TrafficTarget target) {
    String stable = stableServiceName(target.name());
    String canary = canaryServiceName(target.name());
    TrafficRouting routing =
        new TrafficRoutingBuilder()
            .withNewNginx()
            .withStableIngress(target.name())
            .endNginx()
            .build();
    return TrafficPlan.builder()
        .addServices(target.service(stable), target.service(canary))
        .addRouting(ingress(target, stable))
        .canaryService(canary)
        .stableService(stable)
        .trafficRouting(routing)
        .build();
  }

  private Ingress ingress(TrafficTarget target, String stableService) {
    String portName = target.ports().get(0).name();
    return new IngressBuilder()
        .withNewMetadata()
        .withName(target.name())
        .withNamespace(target.namespace())
        .withLabels(target.objectLabels())
        .endMetadata()
        .withNewSpec()
        .withIngressClassName(ingressClassName())
        .addNewRule()
        .withHost(host().orElse(null))
        .withNewHttp()
        .addNewPath()
        .withPath(path())
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName(stableService)
        .withNewPort()
        .withName(portName)
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }

  @Override
  public String toString() {
    return name()
        + "(class "
        + ingressClassName()
        + host().map(h -> ", host " + h).orElse("")
        + ", path "
        + path()
        + ")";
  }
}
