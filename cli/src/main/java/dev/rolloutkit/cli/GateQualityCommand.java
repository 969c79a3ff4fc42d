package dev.rolloutkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolloutkit.simulation.AnalysisRunSimulation.Metric;
import dev.rolloutkit.simulation.GateQuality;
import dev.rolloutkit.simulation.TemplateMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rolloutkit gate-quality PATH… [--metric NAME] --measurement-failure-probability F --trials
 * N --seed S [--format text|json]}: how often an analysis metric rolls a rollout back when each
 * measurement fails independently with probability F, by seeded trials and exactly.
 */
@Command(
    name = "gate-quality",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "How often an AnalysisTemplate metric rolls back a rollout whose measurements each fail"
            + " with a given probability, and after how many measurements.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:computed", "2:bad usage or input"})
final class GateQualityCommand implements Callable<Integer> {

  enum Format {
    text,
    json
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "files or folders with AnalysisTemplates")
  List<Path> paths;

  @Option(
      names = "--metric",
      paramLabel = "NAME",
      description = "the metric (needed when there are several)")
  String metric;

  @Option(
      names = "--measurement-failure-probability",
      required = true,
      paramLabel = "F",
      description = "the chance that one measurement fails, between 0 and 1")
  double failureProbability;

  @Option(
      names = "--trials",
      defaultValue = "100000",
      paramLabel = "N",
      description = "seeded trials (default: ${DEFAULT-VALUE})")
  long trials;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "the trials' seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Override
  public Integer call() {
    if (!(failureProbability >= 0 && failureProbability <= 1)) {
      return bad(
          "--measurement-failure-probability: expected a number between 0 and 1, got "
              + failureProbability);
    }
    if (trials < 1) {
      return bad("--trials: expected a positive number, got " + trials);
    }
    List<TemplateMetrics.Read> metrics;
    try {
      metrics = TemplateMetrics.read(paths);
    } catch (TemplateMetrics.InputException | dev.rolloutkit.manifest.ManifestException e) {
      return bad(e.getMessage());
    }
    List<TemplateMetrics.Read> chosen =
        metrics.stream().filter(r -> metric == null || r.metric().name().equals(metric)).toList();
    if (chosen.isEmpty()) {
      return bad(
          metric == null
              ? "no AnalysisTemplate metric in " + paths
              : "no metric '" + metric + "' (there are: " + names(metrics) + ")");
    }
    if (chosen.size() > 1) {
      return bad("several metrics (" + names(chosen) + "): choose one with --metric NAME");
    }
    TemplateMetrics.Read read = chosen.get(0);
    Metric m = read.metric();
    GateQuality.Result exact;
    GateQuality.Result sampled;
    try {
      exact = GateQuality.exact(m, failureProbability);
      sampled = GateQuality.monteCarlo(m, failureProbability, trials, seed);
    } catch (IllegalArgumentException e) {
      return bad(read.location() + ": " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      ObjectNode root = JsonOutput.object();
      root.put("metric", m.name());
      root.put("template", read.template());
      root.put("measurementFailureProbability", failureProbability);
      root.put("trials", trials);
      root.put("seed", seed);
      root.put("rollbackProbability", sampled.failed());
      root.put("pauseProbability", sampled.inconclusive());
      root.put("promoteProbability", sampled.successful());
      putNumber(root, "meanMeasurementsToRollback", sampled.meanMeasurementsToFailure());
      root.put("meanMeasurements", sampled.meanMeasurements());
      ObjectNode exactNode = root.putObject("exact");
      exactNode.put("rollbackProbability", exact.failed());
      exactNode.put("pauseProbability", exact.inconclusive());
      exactNode.put("promoteProbability", exact.successful());
      putNumber(exactNode, "meanMeasurementsToRollback", exact.meanMeasurementsToFailure());
      exactNode.put("meanMeasurements", exact.meanMeasurements());
      ArrayNode tolerances = root.putArray("tolerances");
      for (int limit = 0; limit <= 3; limit++) {
        GateQuality.Result r = GateQuality.exact(m.withFailureLimit(limit), failureProbability);
        ObjectNode t = tolerances.addObject();
        t.put("failureLimit", limit);
        t.put("rollbackProbability", r.failed());
      }
      out.println(JsonOutput.write(root));
    } else {
      out.printf(
          Locale.ROOT,
          "%s (%s): count %s, failureLimit %s, each measurement failing with p = %s%n",
          m.name(),
          read.template(),
          m.count() == null ? "unset" : m.count(),
          m.failureLimit() == null ? "0 (default)" : m.failureLimit(),
          failureProbability);
      out.printf(
          Locale.ROOT,
          "rollback %.6f, pause %.6f, promote %.6f (exact); %.6f by %d trials, seed %d%n",
          exact.failed(),
          exact.inconclusive(),
          exact.successful(),
          sampled.failed(),
          trials,
          seed);
      out.printf(
          Locale.ROOT,
          "a rollback comes at measurement %.2f on average; %.2f measurements per run%n",
          exact.meanMeasurementsToFailure(),
          exact.meanMeasurements());
      out.println("rollback probability by failureLimit (roll back on the Nth failure):");
      for (int limit = 0; limit <= 3; limit++) {
        out.printf(
            Locale.ROOT,
            "  failureLimit %d (%d%s failure): %.6f%n",
            limit,
            limit + 1,
            limit == 0 ? "st" : limit == 1 ? "nd" : limit == 2 ? "rd" : "th",
            GateQuality.exact(m.withFailureLimit(limit), failureProbability).failed());
      }
    }
    return 0;
  }

  private static void putNumber(ObjectNode node, String field, double value) {
    if (Double.isNaN(value)) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  private static String names(List<TemplateMetrics.Read> metrics) {
    return String.join(", ", metrics.stream().map(r -> r.metric().name()).toList());
  }

  private int bad(String message) {
    spec.commandLine().getErr().println("rolloutkit: " + message);
    return Rolloutkit.BAD_INPUT;
  }
}
