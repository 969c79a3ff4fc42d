package dev.rolloutkit.assertj;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.manifest.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an Istio DestinationRule of any API version: its host and the subsets the Rollout
 * points at.
 *
 * <pre>{@code
 * assertThat(stack).destinationRule()
 *     .hasHost("mcp-server")
 *     .hasSubsets("stable", "canary")
 *     .subsetSelects("canary", "app", "mcp-server");
 * }</pre>
 */
public class DestinationRuleAssert extends AbstractAssert<DestinationRuleAssert, HasMetadata> {

  public DestinationRuleAssert(HasMetadata actual) {
    super(actual, DestinationRuleAssert.class);
  }

  private JsonNode spec() {
    isNotNull();
    if (!"DestinationRule".equals(actual.getKind())) {
      failWithMessage("Expected a DestinationRule but got %s", Describe.of(actual));
    }
    return Manifests.toTree(actual).path("spec");
  }

  /** {@code spec.host} is {@code host}. */
  public DestinationRuleAssert hasHost(String host) {
    String found = spec().path("host").asText(null);
    if (!host.equals(found)) {
      failWithMessage(
          "Expected %s to have host '%s' but spec.host is %s", Describe.of(actual), host, found);
    }
    return myself;
  }

  /** The subsets are exactly {@code names}, in order. */
  public DestinationRuleAssert hasSubsets(String... names) {
    List<String> found = subsetNames();
    if (!found.equals(Arrays.asList(names))) {
      failWithMessage(
          "Expected %s to have subsets %s but it has %s",
          Describe.of(actual), Arrays.asList(names), found);
    }
    return myself;
  }

  /** Subset {@code subset} selects pods labelled {@code key: value}. */
  public DestinationRuleAssert subsetSelects(String subset, String key, String value) {
    for (JsonNode s : spec().path("subsets")) {
      if (s.path("name").asText().equals(subset)) {
        JsonNode labels = s.path("labels");
        if (!value.equals(labels.path(key).asText(null))) {
          failWithMessage(
              "Expected subset '%s' of %s to select %s: %s but its labels are %s",
              subset, Describe.of(actual), key, value, labels);
        }
        return myself;
      }
    }
    failWithMessage(
        "Expected %s to have subset '%s' but it has %s",
        Describe.of(actual), subset, subsetNames());
    return myself;
  }

  private List<String> subsetNames() {
    List<String> found = new ArrayList<>();
    spec().path("subsets").forEach(s -> found.add(s.path("name").asText()));
    return found;
  }
}
