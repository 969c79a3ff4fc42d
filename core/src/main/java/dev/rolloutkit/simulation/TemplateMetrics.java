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

  /** A metric and where it was read. */
  public record Read(Metric metric, String template, String location) {}

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
      JsonNode spec = m.tree().orElseThrow().path("spec");
      List<Pattern> dryRun = new ArrayList<>();
      for (JsonNode d : spec.path("dryRun")) {
        dryRun.add(Pattern.compile(d.path("metricName").asText("")));
      }
      JsonNode list = spec.path("metrics");
      for (int i = 0; i < list.size(); i++) {
        metrics.add(
            new Read(
                metric(m, list.get(i), "spec.metrics[" + i + "]", dryRun),
                m.name(),
                m.locate("spec.metrics[" + i + "]").toString()));
      }
    }
    return metrics;
  }

  private static Metric metric(Manifest m, JsonNode node, String path, List<Pattern> dryRun) {
    String name = node.path("name").asText("");
    return new Metric(
        name,
        duration(m, node, path, "interval"),
        duration(m, node, path, "initialDelay"),
        integer(m, node, path, "count"),
        integer(m, node, path, "failureLimit"),
        integer(m, node, path, "inconclusiveLimit"),
        integer(m, node, path, "consecutiveErrorLimit"),
        integer(m, node, path, "consecutiveSuccessLimit"),
        dryRun.stream().anyMatch(p -> p.matcher(name).matches()));
  }

  private static Long duration(Manifest m, JsonNode node, String path, String field) {
    JsonNode v = node.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    var seconds = ArgoDuration.seconds(v.asText());
    if (seconds.isEmpty()) {
      throw new InputException(
          m.locateValue(path + "." + field)
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

  private static Integer integer(Manifest m, JsonNode node, String path, String field) {
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
        m.locateValue(path + "." + field)
            + ": "
            + path
            + "."
            + field
            + ": expected a whole number to simulate, got "
            + (v.isTextual() ? "\"" + v.textValue() + "\"" : v.toString())
            + (v.asText().contains("{{") ? " (an argument: give the number it resolves to)" : ""));
  }
}
