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
 * series:                          # raw series, for a real Prometheus ({@link #openMetrics})
 * - {name: mcp_requests_total, labels: {status: success}, canary: 1.996, stable: 18}  # counter, per s
 * - {name: prediction_drift_score, type: gauge, canary: 0.1}
 * - {name: http_request_duration_seconds, type: histogram, buckets: [0.1, 0.25, 0.5, 1],
 *    canary: {rate: 2, seconds: 0.2}}      # every request takes 0.2 s
 * hashLabel: false                 # the series lack rollouts_pod_template_hash (no relabel rule)
 * </pre>
 *
 * Times are from the start of the rollout. A problem names the file, line and field. The same
 * scenario describes the world twice: {@code metrics} is what each query returns, for the offline
 * simulation; {@code series} is the raw data behind it, which rolloutkit's tests backfill into a
 * real Prometheus to run the rendered queries unchanged and check that both give the same answers.
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

  /**
   * A raw series per version: a counter's rate per second, a gauge's value, or a histogram's
   * request rate and the seconds every request takes; null where the version has no series.
   */
  public record Series(
      String name,
      String type,
      Map<String, String> labels,
      List<Double> buckets,
      double[] canary,
      double[] stable) {}

  private static final Set<String> KEYS =
      Set.of(
          "description",
          "argoVersion",
          "requestsPerSecond",
          "seed",
          "metrics",
          "prometheusDown",
          "horizon",
          "kedaTriggers",
          "series",
          "hashLabel");

  final String name;
  final String description;
  final ArgoVersion version;
  final List<Rate> rates;
  final long seed;
  final Map<String, Source> metrics;
  final List<Outage> outages;
  final double horizon;
  final List<Source> kedaTriggers;
  final List<Series> series;
  final boolean hashLabel;

  private Scenario(
      String name,
      String description,
      ArgoVersion version,
      List<Rate> rates,
      long seed,
      Map<String, Source> metrics,
      List<Outage> outages,
      double horizon,
      List<Source> kedaTriggers,
      List<Series> series,
      boolean hashLabel) {
    this.name = name;
    this.description = description;
    this.version = version;
    this.rates = rates;
    this.seed = seed;
    this.metrics = metrics;
    this.outages = outages;
    this.horizon = horizon;
    this.kedaTriggers = kedaTriggers;
    this.series = series;
    this.hashLabel = hashLabel;
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
        List.copyOf(kedaTriggers),
        series(d, root.path("series")),
        root.path("hashLabel").asBoolean(true));
  }

  private static final Set<String> SERIES_KEYS =
      Set.of("name", "type", "labels", "buckets", "canary", "stable");

  private static List<Series> series(Manifest d, JsonNode list) {
    List<Series> out = new ArrayList<>();
    if (list.isMissingNode()) {
      return out;
    }
    if (!list.isArray()) {
      throw new TemplateMetrics.InputException(
          d.locateValue("series") + ": series: expected a list");
    }
    for (int i = 0; i < list.size(); i++) {
      String at = "series[" + i + "]";
      JsonNode s = list.get(i);
      for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!SERIES_KEYS.contains(key)) {
          throw new TemplateMetrics.InputException(
              d.locate(at + "." + key)
                  + ": "
                  + at
                  + ": unknown key '"
                  + key
                  + "' (expected buckets, canary, labels, name, stable, type)");
        }
      }
      String name = s.path("name").asText("");
      if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
        throw new TemplateMetrics.InputException(
            d.locateValue(at + ".name") + ": " + at + ".name: expected a Prometheus metric name");
      }
      String type = s.path("type").asText("counter");
      if (!Set.of("counter", "gauge", "histogram").contains(type)) {
        throw new TemplateMetrics.InputException(
            d.locateValue(at + ".type")
                + ": "
                + at
                + ".type: expected counter, gauge or histogram");
      }
      Map<String, String> labels = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = s.path("labels").fields(); it.hasNext(); ) {
        var e = it.next();
        labels.put(dev.rolloutkit.analysis.PromQl.labelName(e.getKey()), e.getValue().asText());
      }
      List<Double> buckets = new ArrayList<>();
      for (JsonNode b : s.path("buckets")) {
        buckets.add(b.asDouble());
      }
      if (type.equals("histogram") && buckets.isEmpty()) {
        throw new TemplateMetrics.InputException(
            d.locate(at) + ": " + at + ": a histogram needs buckets (upper bounds in seconds)");
      }
      out.add(
          new Series(
              name,
              type,
              labels,
              List.copyOf(buckets),
              version(d, at + ".canary", s.path("canary"), type),
              version(d, at + ".stable", s.path("stable"), type)));
    }
    return List.copyOf(out);
  }

  private static double[] version(Manifest d, String at, JsonNode v, String type) {
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (type.equals("histogram")) {
      if (!v.path("rate").isNumber() || !v.path("seconds").isNumber()) {
        throw new TemplateMetrics.InputException(
            d.locateValue(at) + ": " + at + ": expected {rate: requests per second, seconds}");
      }
      return new double[] {v.get("rate").asDouble(), v.get("seconds").asDouble()};
    }
    if (!v.isNumber()) {
      throw new TemplateMetrics.InputException(
          d.locateValue(at)
              + ": "
              + at
              + ": expected a number ("
              + (type.equals("gauge") ? "the gauge's value" : "the counter's rate per second")
              + ")");
    }
    return new double[] {v.asDouble()};
  }

  /**
   * The scenario's {@code series} as OpenMetrics text for {@code promtool tsdb create-blocks-from
   * openmetrics}: a sample every 15 s from ten minutes before {@code start} to {@code span} after
   * it, the canary's series labelled {@code hashLabel="canaryHash"}, the stable's {@code
   * hashLabel="stableHash"} (neither when the scenario says {@code hashLabel: false}), every series
   * also carrying {@code extra}.
   */
  public String openMetrics(
      java.time.Instant start,
      java.time.Duration span,
      String hashLabel,
      String canaryHash,
      String stableHash,
      Map<String, String> extra) {
    // (series text, value at the first sample, increase per sample)
    List<String> names = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (Series s : series) {
      for (int v = 0; v < 2; v++) {
        double[] version = v == 0 ? s.canary() : s.stable();
        if (version == null) {
          continue;
        }
        Map<String, String> labels = new LinkedHashMap<>(s.labels());
        labels.putAll(extra);
        // a scrape labels every series with its pod, with or without the hash
        labels.put("pod", (v == 0 ? canaryHash : stableHash) + "-0");
        if (this.hashLabel) {
          labels.put(hashLabel, v == 0 ? canaryHash : stableHash);
        }
        if (s.type().equals("histogram")) {
          List<Double> bounds = new ArrayList<>(s.buckets());
          bounds.add(Double.POSITIVE_INFINITY);
          for (double le : bounds) {
            Map<String, String> l = new LinkedHashMap<>(labels);
            l.put("le", le == Double.POSITIVE_INFINITY ? "+Inf" : PrometheusClient.format(le));
            names.add(seriesText(s.name() + "_bucket", l));
            values.add(new double[] {version[1] <= le ? version[0] : 0, 1});
          }
          names.add(seriesText(s.name() + "_count", labels));
          values.add(new double[] {version[0], 1});
          names.add(seriesText(s.name() + "_sum", labels));
          values.add(new double[] {version[0] * version[1], 1});
        } else {
          names.add(seriesText(s.name(), labels));
          values.add(new double[] {version[0], s.type().equals("counter") ? 1 : 0});
        }
      }
    }
    // in time order: promtool's backfill refuses a sample older than one it has appended
    StringBuilder out = new StringBuilder();
    long from = start.getEpochSecond() - 600;
    long to = start.getEpochSecond() + span.getSeconds();
    for (long t = from; t <= to; t += 15) {
      for (int i = 0; i < names.size(); i++) {
        double[] v = values.get(i);
        double value = v[1] == 1 ? v[0] * (t - from) : v[0];
        out.append(names.get(i))
            .append(' ')
            .append(PrometheusClient.format(value))
            .append(' ')
            .append(t)
            .append('\n');
      }
    }
    return out.append("# EOF\n").toString();
  }

  private static String seriesText(String name, Map<String, String> labels) {
    StringBuilder series = new StringBuilder(name).append('{');
    int i = 0;
    for (var e : labels.entrySet()) {
      series.append(i++ == 0 ? "" : ",").append(e.getKey()).append("=\"");
      series.append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return series.append('}').toString();
  }

  /** The scenario's name (its file). */
  public String name() {
    return name;
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
