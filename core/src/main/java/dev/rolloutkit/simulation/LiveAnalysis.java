package dev.rolloutkit.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.manifest.Manifest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the Prometheus metrics of AnalysisTemplates now, against a real Prometheus, and says what
 * Argo would make of each: the query as sent (arguments substituted as Argo substitutes {@code
 * {{args.name}}}), the result's type and value as the measurement records it, and the phase from
 * Argo's condition evaluation. The preflight before a first canary: does the canary filter match
 * anything, is the result one series, does a healthy version pass.
 *
 * <pre>{@code
 * LiveAnalysis.of(Manifests.read(List.of(Path.of("rendered"))))
 *     .arg("canary-hash", "6d4f8c7b9")
 *     .run(PrometheusClient.of(URI.create("http://127.0.0.1:9090")), Instant.now());
 * }</pre>
 */
public final class LiveAnalysis {

  /** One metric's answer. */
  public record Result(
      String template,
      String metric,
      String query,
      String resultType,
      String value,
      MeasurementPhase phase,
      String message) {}

  private static final Pattern ARG = Pattern.compile("\\{\\{\\s*args\\.([^}\\s]+)\\s*}}");

  private final List<Manifest> manifests;
  private final Map<String, String> args = new LinkedHashMap<>();
  private ArgoVersion version = ArgoVersion.V1_9;

  private LiveAnalysis(List<Manifest> manifests) {
    this.manifests = manifests;
  }

  /** The analysis templates among {@code manifests} (other kinds are ignored). */
  public static LiveAnalysis of(List<Manifest> manifests) {
    for (Manifest m : manifests) {
      if (m.error().isPresent()) {
        throw new TemplateMetrics.InputException(m.error().get().toString());
      }
    }
    return new LiveAnalysis(manifests);
  }

  /** Gives argument {@code name} the value {@code value}, over any default in the template. */
  public LiveAnalysis arg(String name, String value) {
    args.put(name, value);
    return this;
  }

  /** Evaluates conditions as Argo {@code version} does (1.9 by default). */
  public LiveAnalysis version(ArgoVersion version) {
    this.version = version;
    return this;
  }

  /** Every Prometheus metric's query, run at {@code time}, and its verdict. */
  public List<Result> run(PrometheusClient prometheus, Instant time) {
    Conditions conditions = Conditions.of(version);
    List<Result> results = new ArrayList<>();
    boolean any = false;
    for (Manifest m : manifests) {
      if (!m.kind().equals("AnalysisTemplate") && !m.kind().equals("ClusterAnalysisTemplate")) {
        continue;
      }
      any = true;
      JsonNode spec = m.tree().orElseThrow().path("spec");
      Map<String, String> values = values(spec);
      JsonNode metrics = spec.path("metrics");
      for (int i = 0; i < metrics.size(); i++) {
        JsonNode metric = metrics.get(i);
        JsonNode query = metric.path("provider").path("prometheus").path("query");
        if (!query.isTextual()) {
          continue;
        }
        String at = "spec.metrics[" + i + "]";
        String sent = substitute(m, at + ".provider.prometheus.query", query.textValue(), values);
        String success =
            substitute(
                m, at + ".successCondition", metric.path("successCondition").asText(""), values);
        String failure =
            substitute(
                m, at + ".failureCondition", metric.path("failureCondition").asText(""), values);
        String name = metric.path("name").asText();
        try {
          PrometheusClient.Result r = prometheus.query(sent, time);
          Conditions.Verdict verdict = conditions.evaluate(success, failure, r.result());
          results.add(
              new Result(
                  m.name(),
                  name,
                  sent,
                  r.resultType(),
                  r.value(),
                  verdict.phase(),
                  join(verdict.message(), hint(r, sent))));
        } catch (PrometheusClient.QueryException e) {
          results.add(
              new Result(m.name(), name, sent, "", "", MeasurementPhase.ERROR, e.getMessage()));
        }
      }
    }
    if (!any) {
      throw new TemplateMetrics.InputException(
          "no AnalysisTemplate or ClusterAnalysisTemplate among the files given");
    }
    return results;
  }

  private static String join(String message, String hint) {
    return message.isEmpty() || hint.isEmpty() ? message + hint : message + " " + hint;
  }

  /** A word on what an empty vector usually means. */
  private static String hint(PrometheusClient.Result r, String query) {
    if (r.result() instanceof double[] xs && xs.length == 0) {
      String label =
          query.contains("rollouts_pod_template_hash")
              ? " Is the label rollouts_pod_template_hash scraped? Prometheus has it only"
                  + " with a relabel rule (prometheus-operator: podTargetLabels:"
                  + " [rollouts-pod-template-hash] on the PodMonitor or ServiceMonitor)."
              : "";
      return "The query returned no series: no traffic in the window, or a label matcher that"
          + " matches nothing."
          + label;
    }
    return "";
  }

  private Map<String, String> values(JsonNode spec) {
    Map<String, String> values = new LinkedHashMap<>();
    for (JsonNode a : spec.path("args")) {
      if (a.path("value").isTextual()) {
        values.put(a.path("name").asText(), a.path("value").textValue());
      }
    }
    values.putAll(args);
    return values;
  }

  private static String substitute(
      Manifest m, String path, String text, Map<String, String> values) {
    return resolveArgs(
        text,
        values,
        missing ->
            new TemplateMetrics.InputException(
                m.locateValue(path)
                    + ": "
                    + path
                    + ": argument "
                    + String.join(", ", missing)
                    + " has no value: give it with --arg "
                    + missing.first()
                    + "=VALUE"));
  }

  /**
   * {@code text} with every {@code {{args.name}}} replaced by its value, as Argo resolves a
   * metric's arguments; the names without a value, if any, make the exception thrown.
   */
  static String resolveArgs(
      String text,
      Map<String, String> values,
      java.util.function.Function<TreeSet<String>, RuntimeException> missingArguments) {
    Matcher matcher = ARG.matcher(text);
    StringBuilder out = new StringBuilder();
    TreeSet<String> missing = new TreeSet<>();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        missing.add(matcher.group(1));
        value = matcher.group();
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    if (!missing.isEmpty()) {
      throw missingArguments.apply(missing);
    }
    return out.toString();
  }
}
