package dev.rolloutkit.istio;

import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.TrafficRouting;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.TrafficRoutingBuilder;
import dev.rolloutkit.istio.internal.IstioObjects;
import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestinationBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.SubsetBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Wires a Rollout to a VirtualService and DestinationRule the user already has — with several
 * routes, gateways, match rules, retries — without dropping anything: it picks (or is told) the
 * http route to manage, adds the stable and canary destinations that are missing from it, and adds
 * the subsets missing from the DestinationRule. The inputs are not modified; the result holds
 * copies.
 *
 * <pre>{@code
 * AdoptExistingRouting.Adopted adopted = AdoptExistingRouting.of(existingVs, existingDr).route("primary")
 *     .adopt(Map.of("app", "checkout"));
 * adopted.virtualService(); adopted.destinationRule(); adopted.trafficRouting();   // for the Rollout
 * }</pre>
 *
 * Subsets other than stable and canary stay in the DestinationRule, but the Argo controller
 * rewrites the subsets of the DestinationRule it manages and drops them; the rule {@code
 * ARGO-ISTIO-MANAGED-DR-EXTRA-SUBSETS} says so.
 */
public final class AdoptExistingRouting {

  /** Copies the inputs (fabric8's clone: a round trip through JSON). */
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final HasMetadata virtualService;
  private final HasMetadata destinationRule;
  private final Optional<String> route;
  private final String stableSubset;
  private final String canarySubset;

  private AdoptExistingRouting(
      HasMetadata virtualService,
      HasMetadata destinationRule,
      Optional<String> route,
      String stableSubset,
      String canarySubset) {
    if (!IstioObjects.isVirtualService(virtualService)) {
      throw new IllegalArgumentException(
          "expected a VirtualService with a spec, got " + describe(virtualService));
    }
    if (!IstioObjects.isDestinationRule(destinationRule)) {
      throw new IllegalArgumentException(
          "expected a DestinationRule with a spec, got " + describe(destinationRule));
    }
    this.virtualService = virtualService;
    this.destinationRule = destinationRule;
    this.route = route;
    this.stableSubset = stableSubset;
    this.canarySubset = canarySubset;
  }

  /**
   * Adopts {@code virtualService} and {@code destinationRule} (any served networking.istio.io
   * version).
   */
  public static AdoptExistingRouting of(HasMetadata virtualService, HasMetadata destinationRule) {
    return new AdoptExistingRouting(
        virtualService,
        destinationRule,
        Optional.empty(),
        IstioTrafficRouter.STABLE_SUBSET,
        IstioTrafficRouter.CANARY_SUBSET);
  }

  /**
   * Manage the http route called {@code name} (required when the VirtualService has more than one).
   */
  public AdoptExistingRouting route(String name) {
    return new AdoptExistingRouting(
        virtualService, destinationRule, Optional.of(name), stableSubset, canarySubset);
  }

  /** Use subsets with these names (default {@code stable} and {@code canary}). */
  public AdoptExistingRouting subsets(String stable, String canary) {
    return new AdoptExistingRouting(virtualService, destinationRule, route, stable, canary);
  }

  /** What adoption produced. */
  public record Adopted(
      HasMetadata virtualService, HasMetadata destinationRule, TrafficRouting trafficRouting) {}

  /**
   * The adopted objects for a Rollout in {@code rolloutNamespace} whose pods carry {@code
   * podLabels} (used as the labels of added subsets).
   */
  public Adopted adopt(String rolloutNamespace, Map<String, String> podLabels) {
    HasMetadata vs = SERIALIZATION.clone(virtualService);
    HasMetadata dr = SERIALIZATION.clone(destinationRule);
    VirtualService vsSpec = IstioObjects.virtualServiceSpec(vs).orElseThrow();
    DestinationRule drSpec = IstioObjects.destinationRuleSpec(dr).orElseThrow();
    String host =
        Objects.requireNonNull(
            drSpec.getHost(), () -> describe(destinationRule) + " has no spec.host");

    HTTPRoute managed = managedRoute(vsSpec);
    List<HTTPRouteDestination> destinations =
        new ArrayList<>(Optional.ofNullable(managed.getRoute()).orElse(List.of()));
    boolean hasStable =
        destinations.stream().anyMatch(d -> sameHost(d, host) && stableSubset.equals(subset(d)));
    boolean hasCanary =
        destinations.stream().anyMatch(d -> sameHost(d, host) && canarySubset.equals(subset(d)));
    if (!hasStable) {
      Optional<HTTPRouteDestination> plain =
          destinations.stream().filter(d -> sameHost(d, host) && subset(d) == null).findFirst();
      if (plain.isPresent()) {
        plain.get().getDestination().setSubset(stableSubset);
      } else {
        destinations.add(0, destination(host, stableSubset, destinations.isEmpty() ? 100 : 0));
      }
    }
    if (!hasCanary) {
      destinations.add(destination(host, canarySubset, 0));
    }
    if (destinations.size() > 1) {
      destinations.stream()
          .filter(d -> d.getWeight() == null)
          .forEach(d -> d.setWeight(sameHost(d, host) && stableSubset.equals(subset(d)) ? 100 : 0));
    }
    managed.setRoute(destinations);

    List<Subset> subsets =
        new ArrayList<>(Optional.ofNullable(drSpec.getSubsets()).orElse(List.of()));
    for (String name : List.of(stableSubset, canarySubset)) {
      if (subsets.stream().noneMatch(s -> name.equals(s.getName()))) {
        subsets.add(
            new SubsetBuilder().withName(name).withLabels(new TreeMap<>(podLabels)).build());
      }
    }
    drSpec.setSubsets(subsets);

    String vsName = vs.getMetadata().getName();
    String vsNamespace = vs.getMetadata().getNamespace();
    String reference =
        vsNamespace == null || vsNamespace.equals(rolloutNamespace)
            ? vsName
            : vsName + "." + vsNamespace;
    TrafficRouting routing =
        new TrafficRoutingBuilder()
            .withNewIstio()
            .withNewVirtualService()
            .withName(reference)
            .withRoutes(managed.getName() == null ? null : List.of(managed.getName()))
            .endVirtualService()
            .withNewDestinationRule()
            .withName(dr.getMetadata().getName())
            .withCanarySubsetName(canarySubset)
            .withStableSubsetName(stableSubset)
            .endDestinationRule()
            .endIstio()
            .build();
    return new Adopted(vs, dr, routing);
  }

  private HTTPRoute managedRoute(VirtualService spec) {
    List<HTTPRoute> http = Optional.ofNullable(spec.getHttp()).orElse(List.of());
    List<String> names =
        http.stream().map(r -> r.getName() == null ? "(unnamed)" : r.getName()).toList();
    if (route.isPresent()) {
      return http.stream()
          .filter(r -> route.get().equals(r.getName()))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      describe(virtualService)
                          + " has no http route '"
                          + route.get()
                          + "'; its http routes are "
                          + names));
    }
    if (http.size() == 1) {
      return http.get(0);
    }
    throw new IllegalArgumentException(
        describe(virtualService)
            + " has "
            + http.size()
            + " http routes "
            + names
            + "; name the one the Rollout manages with route(name)");
  }

  private static HTTPRouteDestination destination(String host, String subset, int weight) {
    Destination d = new DestinationBuilder().withHost(host).withSubset(subset).build();
    return new HTTPRouteDestinationBuilder().withDestination(d).withWeight(weight).build();
  }

  private static String subset(HTTPRouteDestination d) {
    return d.getDestination() == null ? null : d.getDestination().getSubset();
  }

  private static boolean sameHost(HTTPRouteDestination d, String host) {
    return d.getDestination() != null
        && d.getDestination().getHost() != null
        && shortName(d.getDestination().getHost()).equals(shortName(host));
  }

  private static String shortName(String host) {
    int dot = host.indexOf('.');
    return dot < 0 ? host : host.substring(0, dot);
  }

  private static String describe(HasMetadata r) {
    return r == null
        ? "null"
        : r.getKind() + " " + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
  }
}
