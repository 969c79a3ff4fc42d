package dev.rolloutkit.istio.internal;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.trafficrouting.Istio;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.trafficrouting.istio.VirtualService;
import dev.rolloutkit.rules.ResourceSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The Istio part of Rollouts in a resource set, and the objects it refers to. */
public final class RolloutIstio {

  public static final String PATH = "spec.strategy.canary.trafficRouting.istio";

  /** A Rollout that routes with Istio. */
  public record Entry(Rollout rollout, Istio istio) {

    public String namespace() {
      return ResourceSet.namespaceOf(rollout);
    }

    /**
     * Each referenced VirtualService with its path: {@code virtualService} or {@code
     * virtualServices[i]}.
     */
    public List<Ref> virtualServices() {
      List<Ref> refs = new ArrayList<>();
      if (istio.getVirtualService() != null) {
        VirtualService v = istio.getVirtualService();
        refs.add(
            new Ref(
                PATH + ".virtualService",
                v.getName(),
                Routes.orEmpty(v.getRoutes()),
                Routes.orEmpty(v.getTcpRoutes()).stream().map(t -> t.getPort()).toList(),
                Routes.orEmpty(v.getTlsRoutes()).stream().map(t -> t.getPort()).toList()));
      }
      List<
              dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.trafficrouting.istio
                  .VirtualServices>
          many = Routes.orEmpty(istio.getVirtualServices());
      for (int i = 0; i < many.size(); i++) {
        var v = many.get(i);
        refs.add(
            new Ref(
                PATH + ".virtualServices[" + i + "]",
                v.getName(),
                Routes.orEmpty(v.getRoutes()),
                Routes.orEmpty(v.getTcpRoutes()).stream().map(t -> t.getPort()).toList(),
                Routes.orEmpty(v.getTlsRoutes()).stream().map(t -> t.getPort()).toList()));
      }
      return refs;
    }

    /** The names of the Rollout's managed routes (setHeaderRoute, setMirrorRoute). */
    public List<String> managedRoutes() {
      var tr = rollout.getSpec().getStrategy().getCanary().getTrafficRouting();
      return Routes.orEmpty(tr.getManagedRoutes()).stream()
          .map(m -> m.getName())
          .filter(Objects::nonNull)
          .toList();
    }

    /**
     * The referenced VirtualService, if it is in the set ({@code name} or {@code name.namespace}).
     */
    public Optional<HasMetadata> find(ResourceSet resources, String reference) {
      if (reference == null) {
        return Optional.empty();
      }
      int dot = reference.indexOf('.');
      String name = dot < 0 ? reference : reference.substring(0, dot);
      String ns = dot < 0 ? namespace() : reference.substring(dot + 1);
      return Optional.ofNullable(
          IstioObjects.firstByName(resources).virtualServices().get(ns + "/" + name));
    }

    /** The managed DestinationRule, if one is named and it is in the set. */
    public Optional<HasMetadata> destinationRule(ResourceSet resources) {
      if (istio.getDestinationRule() == null || istio.getDestinationRule().getName() == null) {
        return Optional.empty();
      }
      String name = istio.getDestinationRule().getName();
      return Optional.ofNullable(
          IstioObjects.firstByName(resources).destinationRules().get(namespace() + "/" + name));
    }
  }

  /**
   * A VirtualService reference of a Rollout: its path, name, listed http routes, and listed tcp/tls
   * route ports.
   */
  public record Ref(
      String path, String name, List<String> routes, List<Long> tcpPorts, List<Long> tlsPorts) {

    /**
     * The routes of {@code spec} this reference makes the controller manage, and what it names that
     * is not there.
     */
    public Selection select(
        io.fabric8.istio.api.api.networking.v1alpha3.VirtualService spec,
        List<String> managedRoutes) {
      List<Routes.Route> all = Routes.of(spec);
      List<Routes.Route> selected = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      boolean ambiguous = false;
      // Argo validates the routes of a protocol only when the VirtualService has routes of it
      // (validation_references.go ValidateVirtualService: GetHttpRoutesI, GetTlsRoutesI, ...).
      boolean http = all.stream().anyMatch(x -> x.protocol().equals("http"));
      boolean tcp = all.stream().anyMatch(x -> x.protocol().equals("tcp"));
      boolean tls = all.stream().anyMatch(x -> x.protocol().equals("tls"));
      if (!http) {
        // no http routes to look a route up in
      } else if (!routes.isEmpty()) {
        for (String name : routes) {
          Optional<Routes.Route> r =
              all.stream()
                  .filter(x -> x.protocol().equals("http") && name.equals(x.name()))
                  .findFirst();
          r.ifPresentOrElse(selected::add, () -> missing.add("HTTP Route '" + name + "'"));
        }
      } else if (tcpPorts.isEmpty() && tlsPorts.isEmpty()) {
        List<Routes.Route> candidates =
            all.stream()
                .filter(x -> x.protocol().equals("http") && !managedRoutes.contains(x.name()))
                .toList();
        if (candidates.size() == 1) {
          selected.add(candidates.get(0));
        } else {
          ambiguous = true;
        }
      }
      for (Long port : tcpPorts) {
        List<Routes.Route> match =
            all.stream()
                .filter(x -> x.protocol().equals("tcp") && x.ports().contains(port))
                .toList();
        if (match.isEmpty() && tcp) {
          missing.add("TCP route on port " + port);
        }
        selected.addAll(match);
      }
      for (Long port : tlsPorts) {
        List<Routes.Route> match =
            all.stream()
                .filter(x -> x.protocol().equals("tls") && x.ports().contains(port))
                .toList();
        if (match.isEmpty() && tls) {
          missing.add("TLS route on port " + port);
        }
        selected.addAll(match);
      }
      return new Selection(selected, missing, ambiguous);
    }
  }

  /**
   * The managed routes found, what was named but not found, and whether an omitted route list is
   * ambiguous.
   */
  public record Selection(List<Routes.Route> routes, List<String> missing, boolean ambiguous) {}

  private RolloutIstio() {}

  public static List<Entry> in(ResourceSet resources) {
    List<Entry> entries = new ArrayList<>();
    for (Rollout r : resources.ofType(Rollout.class)) {
      if (r.getSpec() != null
          && r.getSpec().getStrategy() != null
          && r.getSpec().getStrategy().getCanary() != null
          && r.getSpec().getStrategy().getCanary().getTrafficRouting() != null
          && r.getSpec().getStrategy().getCanary().getTrafficRouting().getIstio() != null) {
        entries.add(
            new Entry(r, r.getSpec().getStrategy().getCanary().getTrafficRouting().getIstio()));
      }
    }
    return entries;
  }
}
