package dev.rolloutkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolloutkit.manifest.ManifestException;
import dev.rolloutkit.manifest.Manifests;
import dev.rolloutkit.profile.ArgoDuration;
import dev.rolloutkit.simulation.CannotSimulateException;
import dev.rolloutkit.simulation.DailyCost;
import dev.rolloutkit.simulation.RolloutSimulation;
import dev.rolloutkit.simulation.Scenario;
import dev.rolloutkit.simulation.TemplateMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rolloutkit simulate PATH… --scenario FILE [--format text|json] [--svg FILE]
 * [--daily-cost]}: what the canary Rollout in PATH will do in the scenario, before it runs. Exit 0
 * whatever the outcome, 2 for bad input.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Simulate a canary Rollout (with its AnalysisTemplates) in a scenario: when a bad version"
            + " is caught, how much traffic it saw, which measurements failed.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:simulated (whatever the outcome)", "2:bad usage or input"})
final class SimulateCommand implements Callable<Integer> {

  enum Format {
    text,
    json
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "files or folders: a Rollout and its AnalysisTemplates")
  List<Path> paths;

  @Option(
      names = "--scenario",
      required = true,
      paramLabel = "FILE",
      description = "the scenario (see examples/scenarios)")
  Path scenario;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(
      names = "--svg",
      paramLabel = "FILE",
      description = "also chart weight, pods and verdicts over time as SVG")
  Path svg;

  @Option(
      names = "--daily-cost",
      description =
          "also the pod-hours of the first day of the scenario's request rate under the Rollout's"
              + " ScaledObject, against a fixed number of pods all day")
  boolean dailyCost;

  @Override
  public Integer call() {
    RolloutSimulation.Report report;
    DailyCost.Report cost = null;
    try {
      RolloutSimulation simulation =
          RolloutSimulation.read(Manifests.read(paths)).with(Scenario.read(scenario));
      report = simulation.run();
      if (dailyCost) {
        cost = simulation.dailyCost();
      }
    } catch (TemplateMetrics.InputException | ManifestException | CannotSimulateException e) {
      spec.commandLine().getErr().println("rolloutkit: " + e.getMessage());
      return Rolloutkit.BAD_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      ObjectNode json = json(report);
      if (cost != null) {
        ObjectNode c = json.putObject("dailyCost");
        c.put("podHours", cost.podHours());
        c.put("fixedMinimumPodHours", cost.fixedMinimumPodHours());
        c.put("fixedPeakPodHours", cost.fixedPeakPodHours());
        c.put("minimumReplicas", cost.minimumReplicas());
        c.put("peakReplicas", cost.peakReplicas());
        c.put("savingAgainstMinimum", cost.savingAgainstMinimum());
        c.put("savingAgainstPeak", cost.savingAgainstPeak());
      }
      out.println(JsonOutput.write(json));
    } else {
      text(out, report);
      if (cost != null) {
        out.printf(
            Locale.ROOT,
            "daily cost: %.2f pod-hours; %d pods all day would be %.0f (saving %.1f %%), the"
                + " day's peak of %d all day %.0f (saving %.1f %%)%n",
            cost.podHours(),
            cost.minimumReplicas(),
            cost.fixedMinimumPodHours(),
            100 * cost.savingAgainstMinimum(),
            cost.peakReplicas(),
            cost.fixedPeakPodHours(),
            100 * cost.savingAgainstPeak());
      }
    }
    if (svg != null) {
      try {
        Files.writeString(
            svg,
            SimulationChart.svg(scenario.getFileName().toString(), report),
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        spec.commandLine()
            .getErr()
            .println("rolloutkit: " + svg + ": cannot write: " + e.getMessage());
        return Rolloutkit.BAD_INPUT;
      }
    }
    return 0;
  }

  static ObjectNode json(RolloutSimulation.Report r) {
    ObjectNode root = JsonOutput.object();
    root.put("outcome", r.outcome().json());
    if (r.abortedAtStep() == null) {
      root.putNull("abortedAtStep");
      root.putNull("abortedAtWeight");
    } else {
      root.put("abortedAtStep", r.abortedAtStep());
      root.put("abortedAtWeight", r.abortedAtWeight());
    }
    root.put("seconds", r.seconds());
    root.put("canaryRequestShare", r.canaryRequestShare());
    root.put("reason", r.reason());
    ArrayNode warnings = root.putArray("warnings");
    r.warnings().forEach(warnings::add);
    ArrayNode measurements = root.putArray("measurements");
    for (RolloutSimulation.Measurement m : r.measurements()) {
      ObjectNode n = measurements.addObject();
      n.put("metric", m.metric());
      n.put("time", m.seconds());
      n.put("value", m.value());
      n.put("phase", m.phase().argoName());
      n.put("message", m.message());
    }
    ArrayNode timeline = root.putArray("timeline");
    for (RolloutSimulation.Point p : r.timeline()) {
      ObjectNode n = timeline.addObject();
      n.put("time", p.seconds());
      n.put("step", p.step());
      n.put("weight", p.weight());
      n.put("canaryReplicas", p.canaryReplicas());
      n.put("stableReplicas", p.stableReplicas());
    }
    return root;
  }

  private static void text(PrintWriter out, RolloutSimulation.Report r) {
    String when = ArgoDuration.format(Duration.ofSeconds(Math.round(r.seconds())));
    switch (r.outcome()) {
      case PROMOTED -> out.println("promoted after " + when);
      case PAUSED -> out.println("paused after " + when);
      case ABORTED ->
          out.println(
              "aborted at step "
                  + r.abortedAtStep()
                  + " (weight "
                  + r.abortedAtWeight()
                  + " %) after "
                  + when);
    }
    out.println("  " + r.reason());
    out.printf(
        Locale.ROOT,
        "  the canary served %.1f %% of requests before that%n",
        100 * r.canaryRequestShare());
    out.println("measurements:");
    for (RolloutSimulation.Measurement m : r.measurements()) {
      out.printf(
          Locale.ROOT,
          "  %7s  %-20s %-8s %s%s%n",
          ArgoDuration.format(Duration.ofSeconds(Math.round(m.seconds()))),
          m.metric(),
          m.value().isEmpty() ? "-" : m.value(),
          m.phase().argoName(),
          m.message().isEmpty() ? "" : ": " + m.message());
    }
  }
}
