package dev.rolloutkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolloutkit.manifest.ManifestException;
import dev.rolloutkit.manifest.Manifests;
import dev.rolloutkit.simulation.CannotSimulateException;
import dev.rolloutkit.simulation.LiveAnalysis;
import dev.rolloutkit.simulation.PrometheusClient;
import dev.rolloutkit.simulation.TemplateMetrics;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rolloutkit analyze PATH… --prometheus URL [--arg NAME=VALUE]… [--time RFC3339] [--format
 * text|json]}: runs the Prometheus metrics of the AnalysisTemplates in PATH now, against a real
 * Prometheus, and prints per metric the query as sent, the result's type and value, and the phase
 * Argo would give the measurement. Exit 0 whatever the phases (an unreachable Prometheus is each
 * measurement's Error, as in Argo); 2 for bad input.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Run the Prometheus metrics of AnalysisTemplates against a Prometheus now and say what"
            + " Argo would make of each result: the preflight before a first canary.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:analysed (whatever the phases)", "2:bad usage or input"})
final class AnalyzeCommand implements Callable<Integer> {

  enum Format {
    text,
    json
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "files or folders holding AnalysisTemplates (a rendered stack will do)")
  List<Path> paths;

  @Option(
      names = "--prometheus",
      required = true,
      paramLabel = "URL",
      description = "the Prometheus to query, e.g. http://127.0.0.1:9090")
  String prometheus;

  @Option(
      names = "--arg",
      paramLabel = "NAME=VALUE",
      description =
          "a template argument, e.g. canary-hash=6d4f8c7b9 (the canary's pod-template hash);"
              + " repeatable")
  Map<String, String> args = new java.util.LinkedHashMap<>();

  @Option(
      names = "--time",
      paramLabel = "RFC3339",
      description = "evaluate at this time instead of now, e.g. 2026-01-01T00:02:00Z")
  String time;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    URI address;
    try {
      address = new URI(prometheus);
      if (!List.of("http", "https").contains(String.valueOf(address.getScheme()))
          || address.getHost() == null) {
        throw new URISyntaxException(prometheus, "expected http(s)://host[:port]");
      }
    } catch (URISyntaxException e) {
      err.println(
          "rolloutkit: --prometheus: '"
              + prometheus
              + "' is not a Prometheus URL: expected http(s)://host[:port], e.g."
              + " http://127.0.0.1:9090");
      return Rolloutkit.BAD_INPUT;
    }
    Instant at;
    try {
      at = time == null ? Instant.now() : java.time.OffsetDateTime.parse(time).toInstant();
    } catch (DateTimeParseException e) {
      err.println(
          "rolloutkit: --time: '"
              + time
              + "' is not an RFC 3339 time: expected e.g. 2026-01-01T00:02:00Z");
      return Rolloutkit.BAD_INPUT;
    }
    List<LiveAnalysis.Result> results;
    try {
      LiveAnalysis analysis = LiveAnalysis.of(Manifests.read(paths));
      args.forEach(analysis::arg);
      results = analysis.run(PrometheusClient.of(address), at);
    } catch (TemplateMetrics.InputException | ManifestException | CannotSimulateException e) {
      err.println("rolloutkit: " + e.getMessage());
      return Rolloutkit.BAD_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      ArrayNode list = JsonOutput.object().arrayNode();
      for (LiveAnalysis.Result r : results) {
        ObjectNode n = list.addObject();
        n.put("template", r.template());
        n.put("metric", r.metric());
        n.put("query", r.query());
        n.put("resultType", r.resultType());
        n.put("value", r.value());
        n.put("phase", r.phase().argoName());
        n.put("message", r.message());
      }
      ObjectNode root = JsonOutput.object();
      root.put("prometheus", address.toString());
      root.put("time", at.toString());
      root.set("metrics", list);
      out.println(JsonOutput.write(root));
    } else {
      for (LiveAnalysis.Result r : results) {
        out.println(r.template() + "/" + r.metric() + ": " + r.phase().argoName());
        out.println("  query:  " + r.query());
        out.println(
            "  result: " + (r.resultType().isEmpty() ? "-" : r.resultType() + " " + r.value()));
        if (!r.message().isEmpty()) {
          out.println("  " + r.message());
        }
      }
    }
    return 0;
  }
}
