package dev.rolloutkit.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PromQL query with placeholders that expand to whole label matchers, never to raw text:
 *
 * <ul>
 *   <li>{@code ${canary}} → {@code rollouts_pod_template_hash="{{args.canary-hash}}"} (the label is
 *       configurable in {@link PrometheusSettings}); the hash is Argo's, passed by the Rollout;
 *   <li>{@code ${namespace}} → {@code namespace="<the stack's namespace>"}, quoted by {@link
 *       PromQl#quote};
 *   <li>in KEDA queries only: {@code ${app}} → {@code app="<stack name>"} (the pods' {@code app}
 *       label, which a PodMonitor's {@code podTargetLabels} copies onto their series); {@code
 *       ${rollout}} → {@code name="<rollout>"} (the label of Argo's {@code rollout_info}; matched
 *       by name alone, since a scrape without {@code honorLabels} renames the controller's {@code
 *       namespace} label to {@code exported_namespace}); {@code ${destination}} → Istio's {@code
 *       destination_service_namespace} and {@code destination_service_name} of the stack's Services
 *       ({@code <name>}, {@code <name>-stable}, {@code <name>-canary}), which the sending proxy
 *       reports even while the destination has no pod.
 * </ul>
 *
 * <pre>{@code
 * QueryTemplate.of("sum(rate(http_requests_total{${canary}}[2m]))")
 * }</pre>
 */
public final class QueryTemplate {

  /** Expands to the canary filter. */
  public static final String CANARY = "canary";

  /** Expands to the namespace filter. */
  public static final String NAMESPACE = "namespace";

  /** Expands to the pods' app label (KEDA queries). */
  public static final String APP = "app";

  /** Expands to the Rollout's name as Argo's controller metrics label it (KEDA queries). */
  public static final String ROLLOUT = "rollout";

  /** Expands to Istio's labels for requests to the stack's Services (KEDA queries). */
  public static final String DESTINATION = "destination";

  private static final Set<String> KNOWN = Set.of(CANARY, NAMESPACE, APP, ROLLOUT, DESTINATION);

  private final String text;

  private QueryTemplate(String text) {
    this.text = text;
  }

  /** A template; {@link #problems()} says what is wrong with it, if anything. */
  public static QueryTemplate of(String text) {
    return new QueryTemplate(text);
  }

  /** The template as written. */
  public String text() {
    return text;
  }

  /** The placeholders used, in order of first use. */
  public Set<String> placeholders() {
    Set<String> used = new LinkedHashSet<>();
    for (int from = 0, open; (open = text.indexOf("${", from)) >= 0; ) {
      int close = text.indexOf('}', open + 2);
      if (close < 0) {
        break;
      }
      used.add(text.substring(open + 2, close));
      from = close + 1;
    }
    return used;
  }

  /** True when the query is filtered to the canary ({@code ${canary}} appears). */
  public boolean filtersOnCanary() {
    return placeholders().contains(CANARY);
  }

  /**
   * What is wrong with the template: blank, or placeholders other than {@code canary} and {@code
   * namespace}.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (text.isBlank()) {
      problems.add("the query is blank");
    }
    dev.rolloutkit.DnsNames.textProblem(text, true).ifPresent(p -> problems.add("the query " + p));
    for (String name : placeholders()) {
      if (!KNOWN.contains(name)) {
        problems.add(
            "unknown placeholder ${"
                + name
                + "} (known: ${canary}, ${namespace}; in KEDA queries also ${app}, ${rollout},"
                + " ${destination})");
      }
    }
    return problems;
  }

  /**
   * The query with each placeholder replaced by its matcher.
   *
   * @param matchers the matcher text for each placeholder, already safe (see {@link #canaryMatcher}
   *     and {@link #namespaceMatcher})
   */
  public String render(Map<String, String> matchers) {
    // A placeholder is "${", any text without "}", then "}" (scanned by hand: this runs for every
    // query of every build).
    StringBuilder out = new StringBuilder(text.length() + 64);
    int from = 0;
    for (int open; (open = text.indexOf("${", from)) >= 0; ) {
      int close = text.indexOf('}', open + 2);
      if (close < 0) {
        break;
      }
      String name = text.substring(open + 2, close);
      String replacement = matchers.get(name);
      if (replacement == null) {
        throw new IllegalArgumentException(
            "no value for placeholder ${" + name + "} in query: " + text);
      }
      out.append(text, from, open).append(replacement);
      from = close + 1;
    }
    return out.append(text, from, text.length()).toString();
  }

  /** {@code <label>="{{args.canary-hash}}"}. */
  public static String canaryMatcher(String hashLabel) {
    return PromQl.labelName(hashLabel) + "=\"{{args." + AnalysisGate.CANARY_HASH_ARG + "}}\"";
  }

  /** The matchers of a KEDA query for the stack {@code name} in {@code namespace}. */
  public static Map<String, String> scalingMatchers(String name, String namespace) {
    return Map.of(
        NAMESPACE,
        namespaceMatcher(namespace),
        APP,
        PromQl.matcher("app", name),
        ROLLOUT,
        PromQl.matcher("name", name),
        DESTINATION,
        PromQl.matcher("destination_service_namespace", namespace)
            + ", destination_service_name=~"
            + PromQl.quote(name + "|" + name + "-stable|" + name + "-canary"));
  }

  /** {@code namespace="<namespace>"}, quoted. */
  public static String namespaceMatcher(String namespace) {
    return PromQl.matcher("namespace", namespace);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QueryTemplate other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
