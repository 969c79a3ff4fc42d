package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import java.util.List;
import java.util.regex.Pattern;

/**
 * More of the controller's Rollout spec checks ({@code ValidateRolloutSpec} and the strategy checks
 * it calls): workload references, blue-green limits, anti-affinity, ping-pong, header and mirror
 * route matches, and downward-API arguments. Read from the Rollout's tree, so every router and step
 * shape is covered the same way.
 */
public final class ArgoSpecRules {

  private ArgoSpecRules() {}

  static final String C = Canaries.CANARY;

  public static final Rule WORKLOAD_REF_TEMPLATE = new ArgoWorkloadRefTemplate();

  public static final Rule SCALE_DOWN_LIMIT = new ArgoScaleDownLimit();

  public static final Rule ANTI_AFFINITY = new ArgoAntiAffinity();

  public static final Rule PING_PONG = new ArgoPingPong();

  static final String MISSED =
      "StringMatch value missed, match value must have one of the following: exact, regex, prefix";
  static final String MULTIPLE =
      "StringMatch match value must have exactly one of the following: exact, regex, prefix";

  public static final Rule ROUTE_MATCH = new ArgoRouteMatch();

  static int kinds(JsonNode value) {
    int n = 0;
    for (String k : List.of("exact", "regex", "prefix")) {
      if (value.hasNonNull(k)) {
        n++;
      }
    }
    return n;
  }

  /** The metadata field paths Kubernetes' downward API resolves. */
  static final Pattern DOWNWARD_API =
      Pattern.compile(
          "metadata\\.(name|namespace|uid|labels|annotations)|metadata\\.(labels|annotations)\\['[^']*'\\]");

  public static final Rule ARG_FIELD_REF = new ArgoArgFieldRef();

  /** Checks the args at the path {@code at} gives (made only for a finding). */
  static void check(
      Rollout r, AbstractRule.Findings f, JsonNode args, java.util.function.Supplier<String> at) {
    for (int a = 0; a < args.size(); a++) {
      String path = args.get(a).path("valueFrom").path("fieldRef").path("fieldPath").asText("");
      if (path.startsWith("metadata") && !DOWNWARD_API.matcher(path).matches()) {
        f.add(
            r,
            at.get() + "[" + a + "].valueFrom.fieldRef.fieldPath",
            "Analyses arguments must refer to valid object metadata supported by downwardAPI",
            "use metadata.name, metadata.namespace, metadata.uid, metadata.labels['key'] or"
                + " metadata.annotations['key']");
      }
    }
  }

  static final List<Rule> ALL =
      List.of(
          WORKLOAD_REF_TEMPLATE,
          SCALE_DOWN_LIMIT,
          ANTI_AFFINITY,
          PING_PONG,
          ROUTE_MATCH,
          ARG_FIELD_REF);

  public static List<Rule> list() {
    return ALL;
  }
}
