package dev.rolloutkit.assertj;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.manifest.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an Istio VirtualService of any API version ({@code v1}, {@code v1beta1}, {@code
 * v1alpha3}), built or read: its hosts and the weights its HTTP routes give each destination.
 *
 * <pre>{@code
 * assertThat(stack).virtualService()
 *     .hasHosts("mcp-server")
 *     .sendsToSubset("primary", "stable", 100)
 *     .sendsToSubset("primary", "canary", 0);
 * }</pre>
 */
public class VirtualServiceAssert extends AbstractAssert<VirtualServiceAssert, HasMetadata> {

  public VirtualServiceAssert(HasMetadata actual) {
    super(actual, VirtualServiceAssert.class);
  }

  private JsonNode spec() {
    isNotNull();
    if (!"VirtualService".equals(actual.getKind())) {
      failWithMessage("Expected a VirtualService but got %s", Describe.of(actual));
    }
    return Manifests.toTree(actual).path("spec");
  }

  /** {@code spec.hosts} is exactly {@code hosts}, in order. */
  public VirtualServiceAssert hasHosts(String... hosts) {
    List<String> found = texts(spec().path("hosts"));
    if (!found.equals(Arrays.asList(hosts))) {
      failWithMessage(
          "Expected %s to have hosts %s but spec.hosts is %s",
          Describe.of(actual), Arrays.asList(hosts), found);
    }
    return myself;
  }

  /** It has an HTTP route named {@code route}. */
  public VirtualServiceAssert hasHttpRoute(String route) {
    route(route);
    return myself;
  }

  /**
   * The HTTP route {@code route} sends {@code weight} % to subset {@code subset} (of any host), as
   * Istio reads it: a lone destination without a weight gets 100.
   */
  public VirtualServiceAssert sendsToSubset(String route, String subset, int weight) {
    return sends(route, "subset", subset, weight);
  }

  /** The HTTP route {@code route} sends {@code weight} % to host {@code host} (any subset). */
  public VirtualServiceAssert sendsToHost(String route, String host, int weight) {
    return sends(route, "host", host, weight);
  }

  private VirtualServiceAssert sends(String route, String field, String value, int weight) {
    JsonNode http = route(route);
    if (http == null) {
      return myself;
    }
    JsonNode destinations = http.path("route");
    List<String> found = new ArrayList<>();
    int total = 0;
    boolean matched = false;
    for (JsonNode d : destinations) {
      int w = d.has("weight") ? d.path("weight").asInt() : destinations.size() == 1 ? 100 : 0;
      JsonNode destination = d.path("destination");
      found.add(
          destination.path("host").asText()
              + (destination.has("subset") ? "/" + destination.path("subset").asText() : "")
              + " "
              + w
              + " %");
      if (destination.path(field).asText().equals(value)) {
        matched = true;
        total += w;
      }
    }
    if (!matched || total != weight) {
      failWithMessage(
          "Expected %s to send %d %% of route '%s' to %s '%s' but the route sends %s",
          Describe.of(actual), weight, route, field, value, found);
    }
    return myself;
  }

  private JsonNode route(String name) {
    List<String> names = new ArrayList<>();
    for (JsonNode http : spec().path("http")) {
      if (http.path("name").asText().equals(name)) {
        return http;
      }
      names.add(http.path("name").asText("(unnamed)"));
    }
    failWithMessage(
        "Expected %s to have an HTTP route named '%s' but its HTTP routes are %s",
        Describe.of(actual), name, names);
    return null;
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
