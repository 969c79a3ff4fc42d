package dev.rolloutkit.istio.internal;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.RouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.TCPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A VirtualService's routes and destinations, flattened with their field paths. */
public final class Routes {

  /** One destination of a route or mirror. */
  public record Dest(String path, String host, String subset, Integer weight) {}

  /** One http, tcp or tls route. */
  public record Route(
      String path, String protocol, String name, List<Dest> destinations, List<Long> ports) {

    public Route {
      destinations = List.copyOf(destinations);
      ports = List.copyOf(ports);
    }
  }

  private Routes() {}

  /** Every http, tcp and tls route, in that order. */
  public static List<Route> of(VirtualService spec) {
    List<Route> routes = new ArrayList<>();
    List<HTTPRoute> http = orEmpty(spec.getHttp());
    for (int i = 0; i < http.size(); i++) {
      String path = "spec.http[" + i + "]";
      List<HTTPRouteDestination> ds = orEmpty(http.get(i).getRoute());
      List<Dest> dests = new ArrayList<>();
      for (int j = 0; j < ds.size(); j++) {
        HTTPRouteDestination d = ds.get(j);
        dests.add(dest(path + ".route[" + j + "]", d.getDestination(), d.getWeight()));
      }
      routes.add(new Route(path, "http", http.get(i).getName(), dests, List.of()));
    }
    List<TCPRoute> tcp = orEmpty(spec.getTcp());
    for (int i = 0; i < tcp.size(); i++) {
      List<Long> ports =
          orEmpty(tcp.get(i).getMatch()).stream()
              .map(m -> m.getPort())
              .filter(java.util.Objects::nonNull)
              .toList();
      routes.add(
          new Route(
              "spec.tcp[" + i + "]",
              "tcp",
              null,
              l4("spec.tcp[" + i + "]", tcp.get(i).getRoute()),
              ports));
    }
    List<TLSRoute> tls = orEmpty(spec.getTls());
    for (int i = 0; i < tls.size(); i++) {
      List<Long> ports =
          orEmpty(tls.get(i).getMatch()).stream()
              .map(m -> m.getPort())
              .filter(java.util.Objects::nonNull)
              .toList();
      routes.add(
          new Route(
              "spec.tls[" + i + "]",
              "tls",
              null,
              l4("spec.tls[" + i + "]", tls.get(i).getRoute()),
              ports));
    }
    return routes;
  }

  /** Every http mirror destination. */
  public static List<Dest> mirrors(VirtualService spec) {
    List<Dest> mirrors = new ArrayList<>();
    List<HTTPRoute> http = orEmpty(spec.getHttp());
    for (int i = 0; i < http.size(); i++) {
      HTTPRoute r = http.get(i);
      if (r.getMirror() != null) {
        mirrors.add(dest("spec.http[" + i + "].mirror", r.getMirror(), null));
      }
      for (int k = 0; k < orEmpty(r.getMirrors()).size(); k++) {
        mirrors.add(
            dest(
                "spec.http[" + i + "].mirrors[" + k + "]",
                r.getMirrors().get(k).getDestination(),
                null));
      }
    }
    return mirrors;
  }

  private static List<Dest> l4(String path, List<RouteDestination> ds) {
    List<Dest> dests = new ArrayList<>();
    for (int j = 0; j < orEmpty(ds).size(); j++) {
      dests.add(
          dest(path + ".route[" + j + "]", ds.get(j).getDestination(), ds.get(j).getWeight()));
    }
    return dests;
  }

  private static Dest dest(
      String path, io.fabric8.istio.api.api.networking.v1alpha3.Destination d, Integer weight) {
    return new Dest(path, d == null ? null : d.getHost(), d == null ? null : d.getSubset(), weight);
  }

  public static <T> List<T> orEmpty(List<T> list) {
    return Optional.ofNullable(list).orElse(List.of());
  }
}
