package dev.rolloutkit.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.manifest.Manifest;
import dev.rolloutkit.manifest.Manifests;
import dev.rolloutkit.profile.ArgoDuration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the world does while a canary runs: for each analysis metric, what its query returns per
 * measurement; the request rate over time; when Prometheus is down. Read from YAML:
 *
 * <pre>
 * description: 0.2 % errors
 * argoVersion: "1.9"               # or "1.10"
 * requestsPerSecond: 20            # or a list: [{from: 0s, requestsPerSecond: 20}, …]
 * seed: 7                          # for noise
 * metrics:
 *   success-rate: {value: 0.998}   # a one-sample vector; NaN, +Inf, -Inf; empty (no series); nil
 *   error-rate: {values: [0.002, 0.01, empty]}   # per measurement, the last one repeating
 *   latency: {noise: {mean: 0.2, sd: 0.05}}      # Gaussian, seeded
 * prometheusDown: [{from: 2m, to: 3m}]           # measurements then are Errors
 * kedaTriggers:                    # what each trigger of the Rollout's ScaledObject reads, per poll
 * - {values: [5, 5, 0]}
 * </pre>
 *
 * Times are from the start of the rollout. A problem names the file, line and field.
 */
public final class Scenario {

  /** What a metric's query returns. */
  public sealed interface Source permits Constant, Sequence, Noise {}

  /** The same result every measurement. */
  public record Constant(String value) implements Source {}

  /** One result per measurement, the last repeating. */
  public record Sequence(List<String> values) implements Source {}

  /** A Gaussian value per measurement. */
  public record Noise(double mean, double sd) implements Source {}

  /** A window in which Prometheus does not answer. */
  public record Outage(double from, double to) {}

  /** From {@code from} seconds on, {@code requestsPerSecond}. */
  public record Rate(double from, double requestsPerSecond) {}

  private static final Set<String> KEYS =
      Set.of(
          "description",
          "argoVersion",
          "requestsPerSecond",
          "seed",
          "metrics",
          "prometheusDown",
          "horizon",
          "kedaTriggers");

  final String name;
  final String description;
  final ArgoVersion version;
  final List<Rate> rates;
  final long seed;
  final Map<String, Source> metrics;
  final List<Outage> outages;
  final double horizon;
  final List<Source> kedaTriggers;

  private Scenario(
      String name,
      String description,
      ArgoVersion version,
      List<Rate> rates,
      long seed,
      Map<String, Source> metrics,
      List<Outage> outages,
      double horizon,
      List<Source> kedaTriggers) {
    this.name = name;
    this.description = description;
    this.version = version;
    this.rates = rates;
    this.seed = seed;
    this.metrics = metrics;
    this.outages = outages;
    this.horizon = horizon;
    this.kedaTriggers = kedaTriggers;
  }

  /** The scenario in {@code file}. */
  public static Scenario read(Path file) {
    List<Manifest> documents = Manifests.readData(file);
    if (documents.size() != 1) {
      throw new TemplateMetrics.InputException(
          file + ": a scenario is one YAML document, found " + documents.size());
    }
    Manifest d = documents.get(0);
    if (d.error().isPresent()) {
      throw new TemplateMetrics.InputException(d.error().get().toString());
    }
    return parse(file.toString(), d);
  }

  /** The scenario in {@code text}, named {@code name} in messages. */
  public static Scenario parse(String name, String text) {
    List<Manifest> documents = Manifests.readData(name, text);
    if (documents.size() != 1 || documents.get(0).error().isPresent()) {
      throw new TemplateMetrics.InputException(
          documents.isEmpty()
              ? name + ": empty scenario"
              : documents.get(0).error().map(Object::toString).orElse(name + ": one document"));
    }
    return parse(name, documents.get(0));
  }

  private static Scenario parse(String name, Manifest d) {
    JsonNode root = d.tree().orElseThrow();
    if (!root.isObject()) {
      throw new TemplateMetrics.InputException(d.location() + ": expected a mapping");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new TemplateMetrics.InputException(
            d.locate(key)
                + ": unknown key '"
                + key
                + "' (expected "
                + String.join(", ", KEYS.stream().sorted().toList())
                + ")");
      }
    }
    ArgoVersion version =
        switch (root.path("argoVersion").asText("1.9")) {
          case "1.9" -> ArgoVersion.V1_9;
          case "1.10" -> ArgoVersion.V1_10;
          default ->
              throw new TemplateMetrics.InputException(
                  d.locateValue("argoVersion") + ": argoVersion: expected \"1.9\" or \"1.10\"");
        };
    List<Rate> rates = new ArrayList<>();
    JsonNode rps = root.path("requestsPerSecond");
    if (rps.isMissingNode()) {
      rates.add(new Rate(0, 1));
    } else if (rps.isNumber()) {
      rates.add(new Rate(0, nonNegative(d, "requestsPerSecond", rps)));
    } else if (rps.isArray()) {
      for (int i = 0; i < rps.size(); i++) {
        String at = "requestsPerSecond[" + i + "]";
        rates.add(
            new Rate(
                seconds(d, at + ".from", rps.get(i).path("from")),
                nonNegative(d, at + ".requestsPerSecond", rps.get(i).path("requestsPerSecond"))));
      }
      rates.sort((a, b) -> Double.compare(a.from(), b.from()));
    } else {
      throw new TemplateMetrics.InputException(
          d.locateValue("requestsPerSecond")
              + ": requestsPerSecond: expected a number or a list of {from, requestsPerSecond}");
    }
    Map<String, Source> metrics = new LinkedHashMap<>();
    JsonNode m = root.path("metrics");
    for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      metrics.put(e.getKey(), source(d, "metrics." + e.getKey(), e.getValue()));
    }
    List<Source> kedaTriggers = new ArrayList<>();
    JsonNode triggers = root.path("kedaTriggers");
    for (int i = 0; i < triggers.size(); i++) {
      kedaTriggers.add(source(d, "kedaTriggers[" + i + "]", triggers.get(i)));
    }
    List<Outage> outages = new ArrayList<>();
    JsonNode down = root.path("prometheusDown");
    for (int i = 0; i < down.size(); i++) {
      String at = "prometheusDown[" + i + "]";
      double from = seconds(d, at + ".from", down.get(i).path("from"));
      double to = seconds(d, at + ".to", down.get(i).path("to"));
      if (to <= from) {
        throw new TemplateMetrics.InputException(
            d.locate(at) + ": " + at + ": to must be after from");
      }
      outages.add(new Outage(from, to));
    }
    double horizon = root.has("horizon") ? seconds(d, "horizon", root.get("horizon")) : 24 * 3600;
    return new Scenario(
        name,
        root.path("description").asText(""),
        version,
        rates,
        root.path("seed").asLong(1),
        metrics,
        outages,
        horizon,
        List.copyOf(kedaTriggers));
  }

  /** What a query returns: {value}, {values: […]} or {noise: {mean, sd}}. */
  private static Source source(Manifest d, String at, JsonNode v) {
    if (v.has("value")) {
      return new Constant(result(d, at + ".value", v.get("value")));
    }
    if (v.has("values") && v.get("values").isArray() && !v.get("values").isEmpty()) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < v.get("values").size(); i++) {
        values.add(result(d, at + ".values[" + i + "]", v.get("values").get(i)));
      }
      return new Sequence(values);
    }
    if (v.has("noise")) {
      JsonNode n = v.get("noise");
      if (!n.path("mean").isNumber() || !n.path("sd").isNumber() || n.path("sd").asDouble() < 0) {
        throw new TemplateMetrics.InputException(
            d.locateValue(at + ".noise")
                + ": "
                + at
                + ".noise: expected {mean: number, sd: number ≥ 0}");
      }
      return new Noise(n.get("mean").asDouble(), n.get("sd").asDouble());
    }
    throw new TemplateMetrics.InputException(
        d.locate(at) + ": " + at + ": expected value, values (a non-empty list) or noise");
  }

  private static double nonNegative(Manifest d, String at, JsonNode v) {
    if (!v.isNumber() || v.asDouble() < 0) {
      throw new TemplateMetrics.InputException(
          d.locateValue(at) + ": " + at + ": expected a number of requests per second, 0 or more");
    }
    return v.asDouble();
  }

  private static double seconds(Manifest d, String at, JsonNode v) {
    var s = v.isTextual() ? ArgoDuration.seconds(v.textValue()) : java.util.OptionalLong.empty();
    if (v.isInt() && v.asInt() >= 0) {
      return v.asInt();
    }
    if (s.isEmpty()) {
      throw new TemplateMetrics.InputException(
          d.locateValue(at) + ": " + at + ": expected a duration such as 90s or 2m");
    }
    return s.getAsLong();
  }

  private static String result(Manifest d, String at, JsonNode v) {
    if (v.isNull()) {
      return "nil";
    }
    if (v.isNumber()) {
      return Double.toString(v.asDouble());
    }
    if (v.isTextual() && Set.of("NaN", "+Inf", "-Inf", "empty", "nil").contains(v.textValue())) {
      return v.textValue();
    }
    throw new TemplateMetrics.InputException(
        d.locateValue(at) + ": " + at + ": expected a number, NaN, +Inf, -Inf, empty or nil");
  }

  /** The Go value the Prometheus provider passes for {@code value}: a one-sample vector. */
  static Object resultOf(String value) {
    return switch (value) {
      case "nil" -> null;
      case "empty" -> new double[0];
      case "NaN" -> new double[] {Double.NaN};
      case "+Inf" -> new double[] {Double.POSITIVE_INFINITY};
      case "-Inf" -> new double[] {Double.NEGATIVE_INFINITY};
      default -> new double[] {Double.parseDouble(value)};
    };
  }

  /** The request rate at {@code t}. */
  double rate(double t) {
    double r = 0;
    for (Rate rate : rates) {
      if (rate.from() <= t) {
        r = rate.requestsPerSecond();
      }
    }
    return r;
  }

  boolean prometheusDown(double t) {
    return outages.stream().anyMatch(o -> t >= o.from() && t < o.to());
  }

  /** The scenario's description (may be empty). */
  public String description() {
    return description;
  }

  /** The Argo version whose evaluation the scenario asks for. */
  public ArgoVersion version() {
    return version;
  }
}
