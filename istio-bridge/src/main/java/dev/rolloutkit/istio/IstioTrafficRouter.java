package dev.rolloutkit.istio;

import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.TrafficRouting;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.trafficrouting.Istio;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.trafficrouting.istio.VirtualService;
import dev.rolloutkit.traffic.Port;
import dev.rolloutkit.traffic.TrafficPlan;
import dev.rolloutkit.traffic.TrafficRouter;
import dev.rolloutkit.traffic.TrafficTarget;
import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRetry;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.PortSelector;
import io.fabric8.istio.api.api.networking.v1alpha3.RouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.RouteDestinationBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.TCPRouteBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRouteBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.immutables.value.Value;

/**
 * Istio traffic splitting for a Rollout, with the Service, DestinationRule, VirtualService and the
 * Rollout's {@code trafficRouting.istio} derived from one declaration, so names, subsets and hosts
 * agree by construction.
 *
 * <ul>
 *   <li><b>Subset level</b> ({@link #subsetLevel()}, the MCP article's form): one Service {@code
 *       <name>}, a DestinationRule {@code <name>-destrule} with subsets {@code stable} and {@code
 *       canary} (labelled like the pods; the controller adds {@code rollouts-pod-template-hash}), a
 *       VirtualService {@code <name>-vsvc} whose route {@code primary} sends stable 100, canary 0.
 *   <li><b>Host level</b> ({@link #hostLevel()}): Services {@code <name>-stable} and {@code
 *       <name>-canary}, VirtualService destinations by host, and the Rollout's {@code
 *       canaryService}/{@code stableService}.
 * </ul>
 *
 * <pre>{@code
 * CanaryStack.mcp("mcp-server").namespace("ai-services").image("…")
 *     .traffic(IstioTrafficRouter.subsetLevel().withGateways("istio-system/public").withApiVersion(IstioApiVersion.V1BETA1))
 *     .build();
 * }</pre>
 *
 * Objects are written as {@code networking.istio.io/v1} unless another {@link IstioApiVersion} is
 * chosen; the Argo controller itself talks {@code v1alpha3} by default, which works on objects
 * stored in any version.
 */
@Value.Immutable
public abstract class IstioTrafficRouter implements TrafficRouter {

  /** How the canary is told apart: by DestinationRule subset or by Service host. */
  public enum Split {
    SUBSET,
    HOST
  }

  /** The kind of route the VirtualService manages. */
  public enum Protocol {
    HTTP,
    TCP,
    TLS
  }

  public static final String STABLE_SUBSET = "stable";
  public static final String CANARY_SUBSET = "canary";

  @Value.Default
  public Split split() {
    return Split.SUBSET;
  }

  @Value.Default
  public IstioApiVersion apiVersion() {
    return IstioApiVersion.V1;
  }

  /** The name of the managed HTTP route; default {@code primary}. */
  @Value.Default
  public String routeName() {
    return "primary";
  }

  /**
   * Gateways the VirtualService binds to ({@code ns/name}, or {@code mesh}); none means the mesh
   * only.
   */
  public abstract List<String> gateways();

  /**
   * Hosts the VirtualService answers for besides the application's Service (e.g. a public host on a
   * gateway).
   */
  public abstract List<String> extraHosts();

  /** HTTP route timeout, passed through ({@code 10s}). */
  public abstract Optional<String> timeout();

  /** HTTP retry policy, passed through. */
  public abstract Optional<HTTPRetry> retries();

  @Value.Default
  public Protocol protocol() {
    return Protocol.HTTP;
  }

  /** SNI hosts matched by a TLS route. */
  public abstract List<String> sniHosts();

  /** The Service port a TCP or TLS route matches; default the first port. */
  public abstract Optional<Integer> routePort();

  /** Subset-level splitting with defaults; also what {@code TrafficRouter.named("istio")} gives. */
  public static IstioTrafficRouter subsetLevel() {
    return builder().build();
  }

  /** Host-level splitting with defaults. */
  public static IstioTrafficRouter hostLevel() {
    return builder().split(Split.HOST).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A copy writing {@code version}. */
  public IstioTrafficRouter withApiVersion(IstioApiVersion version) {
    return builder().from(this).apiVersion(version).build();
  }

  /** A copy bound to {@code gateways}. */
  public IstioTrafficRouter withGateways(String... gateways) {
    return builder().from(this).gateways(List.of(gateways)).build();
  }

  /** A copy answering also for {@code hosts}. */
  public IstioTrafficRouter withExtraHosts(String... hosts) {
    return builder().from(this).extraHosts(List.of(hosts)).build();
  }

  /** A copy managing a TCP route on {@code port}. */
  public IstioTrafficRouter tcp(int port) {
    return builder().from(this).protocol(Protocol.TCP).routePort(port).build();
  }

  /** A copy managing a TLS route on {@code port} for {@code sniHosts}. */
  public IstioTrafficRouter tls(int port, String... sniHosts) {
    return builder()
        .from(this)
        .protocol(Protocol.TLS)
        .routePort(port)
        .sniHosts(List.of(sniHosts))
        .build();
  }

  /**
   * A router that wires the Rollout to a user's existing VirtualService and DestinationRule; see
   * {@link AdoptExistingRouting}.
   */
  public static TrafficRouter adopting(AdoptExistingRouting adoption) {
    return new AdoptingRouter(adoption);
  }

  @Override
  public String name() {
    return "istio";
  }

  public static String virtualServiceName(String rollout) {
    return rollout + "-vsvc";
  }

  public static String destinationRuleName(String rollout) {
    return rollout + "-destrule";
  }

  @Override
  public TrafficPlan plan(TrafficTarget target) {
    boolean subsets = split() == Split.SUBSET;
    String stableHost = subsets ? target.name() : target.name() + "-stable";
    String canaryHost = subsets ? target.name() : target.name() + "-canary";
    Port port =
        routePort()
            .flatMap(p -> target.ports().stream().filter(x -> x.servicePort() == p).findFirst())
            .orElse(target.ports().get(0));
    Long destinationPort =
        target.ports().size() > 1 || protocol() != Protocol.HTTP
            ? Long.valueOf(port.servicePort())
            : null;
    Destination stable = destination(stableHost, subsets ? STABLE_SUBSET : null, destinationPort);
    Destination canary = destination(canaryHost, subsets ? CANARY_SUBSET : null, destinationPort);

    TrafficPlan.Builder plan = TrafficPlan.builder();
    // The objects are made with setters, not builders, which copy every nested object (see
    // RolloutCompiler).
    VirtualService managed = new VirtualService();
    managed.setName(virtualServiceName(target.name()));
    switch (protocol()) {
      case HTTP -> managed.setRoutes(List.of(routeName()));
      case TCP ->
          managed.setTcpRoutes(
              List.of(
                  new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.trafficrouting.istio
                          .virtualservice.TcpRoutesBuilder()
                      .withPort((long) port.servicePort())
                      .build()));
      case TLS ->
          managed.setTlsRoutes(
              List.of(
                  new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.trafficrouting.istio
                          .virtualservice.TlsRoutesBuilder()
                      .withPort((long) port.servicePort())
                      .withSniHosts(sniHosts())
                      .build()));
    }
    TrafficRouting routing;
    if (subsets) {
      plan.addServices(target.service(target.name()));
      plan.addRouting(
          apiVersion()
              .destinationRule(
                  meta(target, destinationRuleName(target.name())), destinationRule(target)));
      dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.trafficrouting.istio.DestinationRule
          rule =
              new dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.trafficrouting.istio
                  .DestinationRule();
      rule.setName(destinationRuleName(target.name()));
      rule.setCanarySubsetName(CANARY_SUBSET);
      rule.setStableSubsetName(STABLE_SUBSET);
      routing = routing(managed, rule);
    } else {
      plan.addServices(target.service(stableHost), target.service(canaryHost));
      plan.stableService(stableHost).canaryService(canaryHost);
      routing = routing(managed, null);
    }
    plan.addRouting(
        apiVersion()
            .virtualService(
                meta(target, virtualServiceName(target.name())),
                virtualService(
                    target, subsets ? target.name() : stableHost, stable, canary, port)));
    return plan.trafficRouting(routing).build();
  }

  private static TrafficRouting routing(
      VirtualService managed,
      dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.trafficrouting.istio.DestinationRule
          rule) {
    Istio istio = new Istio();
    istio.setVirtualService(managed);
    istio.setDestinationRule(rule);
    TrafficRouting routing = new TrafficRouting();
    routing.setIstio(istio);
    return routing;
  }

  private static ObjectMeta meta(TrafficTarget target, String name) {
    return target.metadata(name);
  }

  private static Destination destination(String host, String subset, Long port) {
    Destination destination = new Destination();
    destination.setHost(host);
    destination.setSubset(subset);
    if (port != null) {
      PortSelector selector = new PortSelector();
      selector.setNumber(port);
      destination.setPort(selector);
    }
    return destination;
  }

  private DestinationRule destinationRule(TrafficTarget target) {
    DestinationRule rule = new DestinationRule();
    rule.setHost(target.name());
    rule.setSubsets(mutableList(subset(STABLE_SUBSET, target), subset(CANARY_SUBSET, target)));
    return rule;
  }

  private static Subset subset(String name, TrafficTarget target) {
    Subset subset = new Subset();
    subset.setName(name);
    subset.setLabels(new TreeMap<>(target.selector()));
    return subset;
  }

  private static HTTPRouteDestination weighted(Destination destination, int weight) {
    HTTPRouteDestination route = new HTTPRouteDestination();
    route.setDestination(destination);
    route.setWeight(weight);
    return route;
  }

  private io.fabric8.istio.api.api.networking.v1alpha3.VirtualService virtualService(
      TrafficTarget target, String host, Destination stable, Destination canary, Port port) {
    List<String> hosts = new ArrayList<>();
    hosts.add(host);
    extraHosts().stream().filter(h -> !hosts.contains(h)).forEach(hosts::add);
    io.fabric8.istio.api.api.networking.v1alpha3.VirtualService spec =
        new io.fabric8.istio.api.api.networking.v1alpha3.VirtualService();
    spec.setHosts(hosts);
    spec.setGateways(gateways().isEmpty() ? null : new ArrayList<>(gateways()));
    switch (protocol()) {
      case HTTP -> {
        HTTPRoute route = new HTTPRoute();
        route.setName(routeName());
        route.setRoute(mutableList(weighted(stable, 100), weighted(canary, 0)));
        route.setTimeout(timeout().orElse(null));
        route.setRetries(retries().orElse(null));
        spec.setHttp(mutableList(route));
      }
      case TCP ->
          spec.setTcp(
              mutableList(
                  new TCPRouteBuilder()
                      .addNewMatch()
                      .withPort((long) port.servicePort())
                      .endMatch()
                      .withRoute(l4(stable, canary))
                      .build()));
      case TLS ->
          spec.setTls(
              mutableList(
                  new TLSRouteBuilder()
                      .addNewMatch()
                      .withPort((long) port.servicePort())
                      .withSniHosts(sniHosts().isEmpty() ? List.of(host) : sniHosts())
                      .endMatch()
                      .withRoute(l4(stable, canary))
                      .build()));
    }
    return spec;
  }

  private static List<RouteDestination> l4(Destination stable, Destination canary) {
    return List.of(
        new RouteDestinationBuilder().withDestination(stable).withWeight(100).build(),
        new RouteDestinationBuilder().withDestination(canary).withWeight(0).build());
  }

  @Override
  public String toString() {
    return "istio("
        + split().name().toLowerCase(java.util.Locale.ROOT)
        + " level, "
        + protocol()
        + ", "
        + apiVersion().apiVersion()
        + (gateways().isEmpty() ? "" : ", gateways " + gateways())
        + ")";
  }

  /** Builds routers. */
  public static final class Builder extends ImmutableIstioTrafficRouter.Builder {}

  /** A mutable list (as the builders make), so users may edit what a router produced. */
  @SafeVarargs
  private static <T> List<T> mutableList(T... items) {
    return new java.util.ArrayList<>(List.of(items));
  }
}
