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
      paramLabel = "F",
      description = "the chance that one measurement fails, between 0 and 1")
  Double failureProbability;

  @Option(
      names = "--true-success-rate",
      paramLabel = "S",
      description =
          "instead of F: each request succeeds with this probability, and every measurement"
              + " judges the success ratio of its requests with the metric's own conditions")
  Double trueSuccessRate;

  @Option(
      names = "--requests-per-measurement",
      paramLabel = "N",
      description = "with --true-success-rate: the requests one measurement's window sees")
  Integer requests;

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
    if ((failureProbability == null) == (trueSuccessRate == null)) {
      return bad(
          "give either --measurement-failure-probability F, or --true-success-rate S with"
              + " --requests-per-measurement N");
    }
    if (failureProbability != null && !(failureProbability >= 0 && failureProbability <= 1)) {
      return bad(
          "--measurement-failure-probability: expected a number between 0 and 1, got "
              + failureProbability);
    }
    if (trueSuccessRate != null && !(trueSuccessRate >= 0 && trueSuccessRate <= 1)) {
      return bad("--true-success-rate: expected a number between 0 and 1, got " + trueSuccessRate);
    }
    if (trueSuccessRate != null && (requests == null || requests < 0 || requests > 1_000_000)) {
      return bad(
          "--requests-per-measurement: expected a number of requests from 0 to 1,000,000, got "
              + requests);
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
    double f;
    try {
      if (failureProbability != null) {
        f = failureProbability;
        sampled = GateQuality.monteCarlo(m, f, trials, seed);
      } else {
        GateQuality.RatioModel model =
            new GateQuality.RatioModel(
                read.successCondition(),
                read.failureCondition(),
                trueSuccessRate,
                requests,
                dev.rolloutkit.simulation.ArgoVersion.V1_9);
        f = model.failureProbability();
        sampled = GateQuality.monteCarlo(m, model, trials, seed);
      }
      exact = Double.isNaN(f) ? null : GateQuality.exact(m, f);
    } catch (IllegalArgumentException | dev.rolloutkit.simulation.CannotSimulateException e) {
      return bad(read.location() + ": " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      ObjectNode root = JsonOutput.object();
      root.put("metric", m.name());
      root.put("template", read.template());
      putNumber(root, "measurementFailureProbability", f);
      if (trueSuccessRate != null) {
        root.put("trueSuccessRate", trueSuccessRate);
        root.put("requestsPerMeasurement", requests);
      }
      root.put("trials", trials);
      root.put("seed", seed);
      root.put("rollbackProbability", sampled.failed());
      root.put("pauseProbability", sampled.inconclusive());
      root.put("promoteProbability", sampled.successful());
      putNumber(root, "meanMeasurementsToRollback", sampled.meanMeasurementsToFailure());
      root.put("meanMeasurements", sampled.meanMeasurements());
      if (exact == null) {
        root.putNull("exact");
        root.putArray("tolerances");
      } else {
        ObjectNode exactNode = root.putObject("exact");
        exactNode.put("rollbackProbability", exact.failed());
        exactNode.put("pauseProbability", exact.inconclusive());
        exactNode.put("promoteProbability", exact.successful());
        putNumber(exactNode, "meanMeasurementsToRollback", exact.meanMeasurementsToFailure());
        exactNode.put("meanMeasurements", exact.meanMeasurements());
        ArrayNode tolerances = root.putArray("tolerances");
        for (int limit = 0; limit <= 3; limit++) {
          GateQuality.Result r = GateQuality.exact(m.withFailureLimit(limit), f);
          ObjectNode t = tolerances.addObject();
          t.put("failureLimit", limit);
          t.put("rollbackProbability", r.failed());
        }
      }
      out.println(JsonOutput.write(root));
    } else {
      out.printf(
          Locale.ROOT,
          "%s (%s): count %s, failureLimit %s, %s%n",
          m.name(),
          read.template(),
          m.count() == null ? "unset" : m.count(),
          m.failureLimit() == null ? "0 (default)" : m.failureLimit(),
          trueSuccessRate == null
              ? "each measurement failing with p = " + f
              : String.format(
                  Locale.ROOT,
                  "%d requests per measurement succeeding with p = %s (a measurement fails with p ="
                      + " %s)",
                  requests,
                  trueSuccessRate,
                  Double.isNaN(f)
                      ? "? (it can be Inconclusive or Error)"
                      : String.format(Locale.ROOT, "%.6g", f)));
      if (exact == null) {
        out.printf(
            Locale.ROOT,
            "rollback %.6f, pause %.6f, promote %.6f by %d trials, seed %d%n",
            sampled.failed(),
            sampled.inconclusive(),
            sampled.successful(),
            trials,
            seed);
        return 0;
      }
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
            GateQuality.exact(m.withFailureLimit(limit), f).failed());
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
