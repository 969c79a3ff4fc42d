package dev.rolloutkit.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.manifest.Manifest;
import dev.rolloutkit.manifest.Manifests;
import dev.rolloutkit.profile.ArgoDuration;
import dev.rolloutkit.simulation.AnalysisRunSimulation.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The metrics of AnalysisTemplates and ClusterAnalysisTemplates in files, as the simulation takes
 * them: interval, initialDelay, count, the limits and dry-run. A value the simulation cannot use (a
 * count given by an argument, an unreadable duration) is an error naming file, line and field.
 */
public final class TemplateMetrics {

  /** A metric, its conditions, and where it was read. */
  public record Read(
      Metric metric,
      String successCondition,
      String failureCondition,
      String template,
      String location) {}

  /** A problem with the input, naming file, line and field. */
  public static final class InputException extends RuntimeException {
    public InputException(String message) {
      super(message);
    }
  }

  private TemplateMetrics() {}

  /** Every metric of every analysis template in {@code paths}. */
  public static List<Read> read(List<Path> paths) {
    List<Read> metrics = new ArrayList<>();
    for (Manifest m : Manifests.read(paths)) {
      if (m.error().isPresent()) {
        throw new InputException(m.error().get().toString());
      }
      if (!m.kind().equals("AnalysisTemplate") && !m.kind().equals("ClusterAnalysisTemplate")) {
        continue;
      }
      metrics.addAll(of(m.tree().orElseThrow(), m.name(), path -> m.locateValue(path).toString()));
    }
    return metrics;
  }

  /**
   * The metrics of the analysis template {@code template}; {@code where} names the place of a field
   * path in messages (a file, line and column, or the template's name).
   */
  static List<Read> of(
      JsonNode template, String name, java.util.function.Function<String, String> where) {
    JsonNode spec = template.path("spec");
    List<Pattern> dryRun = new ArrayList<>();
    for (JsonNode d : spec.path("dryRun")) {
      dryRun.add(Pattern.compile(d.path("metricName").asText("")));
    }
    List<Read> metrics = new ArrayList<>();
    JsonNode list = spec.path("metrics");
    for (int i = 0; i < list.size(); i++) {
      String path = "spec.metrics[" + i + "]";
      JsonNode node = list.get(i);
      metrics.add(
          new Read(
              metric(node, path, dryRun, where),
              node.path("successCondition").asText(""),
              node.path("failureCondition").asText(""),
              name,
              where.apply(path)));
    }
    return metrics;
  }

  private static Metric metric(
      JsonNode node,
      String path,
      List<Pattern> dryRun,
      java.util.function.Function<String, String> where) {
    String name = node.path("name").asText("");
    return new Metric(
        name,
        duration(node, path, "interval", where),
        duration(node, path, "initialDelay", where),
        integer(node, path, "count", where),
        integer(node, path, "failureLimit", where),
        integer(node, path, "inconclusiveLimit", where),
        integer(node, path, "consecutiveErrorLimit", where),
        integer(node, path, "consecutiveSuccessLimit", where),
        dryRun.stream().anyMatch(p -> p.matcher(name).matches()));
  }

  private static Long duration(
      JsonNode node, String path, String field, java.util.function.Function<String, String> where) {
    JsonNode v = node.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    var seconds = ArgoDuration.seconds(v.asText());
    if (seconds.isEmpty()) {
      throw new InputException(
          where.apply(path + "." + field)
              + ": "
              + path
              + "."
              + field
              + ": expected a duration such as 1m, got \""
              + v.asText()
              + "\"");
    }
    return seconds.getAsLong();
  }

  private static Integer integer(
      JsonNode node, String path, String field, java.util.function.Function<String, String> where) {
    JsonNode v = node.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.intValue();
    }
    if (v.isTextual() && v.textValue().matches("-?[0-9]{1,9}")) {
      return Integer.parseInt(v.textValue());
    }
    throw new InputException(
        where.apply(path + "." + field)
            + ": "
            + path
            + "."
            + field
            + ": expected a whole number to simulate, got "
            + (v.isTextual() ? "\"" + v.textValue() + "\"" : v.toString())
            + (v.asText().contains("{{") ? " (an argument: give the number it resolves to)" : ""));
  }
}
