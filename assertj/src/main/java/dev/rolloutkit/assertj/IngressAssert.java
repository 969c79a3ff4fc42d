package dev.rolloutkit.assertj;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.manifest.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the stable Ingress NGINX splits from ({@code networking.k8s.io/v1}): its class, its
 * hosts and where its paths go. Argo writes the canary Ingress itself.
 *
 * <pre>{@code
 * assertThat(stack).ingress()
 *     .hasIngressClass("nginx")
 *     .hasHost("bankchurn.ml.example.com")
 *     .sendsPathTo("/", "bankchurn-stable");
 * }</pre>
 */
public class IngressAssert extends AbstractAssert<IngressAssert, HasMetadata> {

  public IngressAssert(HasMetadata actual) {
    super(actual, IngressAssert.class);
  }

  private JsonNode tree() {
    isNotNull();
    if (!"Ingress".equals(actual.getKind())) {
      failWithMessage("Expected an Ingress but got %s", Describe.of(actual));
    }
    return Manifests.toTree(actual);
  }

  /**
   * Its class is {@code ingressClass}: {@code spec.ingressClassName}, or the older annotation
   * {@code kubernetes.io/ingress.class}.
   */
  public IngressAssert hasIngressClass(String ingressClass) {
    JsonNode tree = tree();
    String found =
        tree.path("spec")
            .path("ingressClassName")
            .asText(
                tree.path("metadata")
                    .path("annotations")
                    .path("kubernetes.io/ingress.class")
                    .asText(null));
    if (!ingressClass.equals(found)) {
      failWithMessage(
          "Expected %s to have ingress class '%s' but it has %s",
          Describe.of(actual), ingressClass, found);
    }
    return myself;
  }

  /** One of its rules is for host {@code host}. */
  public IngressAssert hasHost(String host) {
    List<String> hosts = new ArrayList<>();
    tree().path("spec").path("rules").forEach(r -> hosts.add(r.path("host").asText("(any)")));
    if (!hosts.contains(host)) {
      failWithMessage(
          "Expected %s to have a rule for host '%s' but its rules are for %s",
          Describe.of(actual), host, hosts);
    }
    return myself;
  }

  /** A rule's path {@code path} goes to Service {@code service}. */
  public IngressAssert sendsPathTo(String path, String service) {
    List<String> found = new ArrayList<>();
    for (JsonNode rule : tree().path("spec").path("rules")) {
      for (JsonNode p : rule.path("http").path("paths")) {
        String backend = p.path("backend").path("service").path("name").asText();
        if (p.path("path").asText().equals(path) && backend.equals(service)) {
          return myself;
        }
        found.add(p.path("path").asText() + " → " + backend);
      }
    }
    failWithMessage(
        "Expected %s to send path '%s' to Service %s but its paths go %s",
        Describe.of(actual), path, service, found);
    return myself;
  }
}
