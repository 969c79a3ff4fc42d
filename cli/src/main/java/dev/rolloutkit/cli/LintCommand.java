package dev.rolloutkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolloutkit.lint.Lint;
import dev.rolloutkit.lint.LintConfig;
import dev.rolloutkit.lint.LintException;
import dev.rolloutkit.lint.LintResult;
import dev.rolloutkit.rules.Finding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rolloutkit lint [--format text|json] PATH…}: exit 0 without error findings, 1 with (an
 * unreadable document is one), 2 on bad usage or when nothing could be read.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Check manifests (files and folders of *.yaml, *.yml and *.json) with every rule, across"
            + " resources, before applying them.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:no error-level finding",
      "1:error-level findings",
      "2:bad usage, or nothing at all could be read"
    })
final class LintCommand implements Callable<Integer> {

  enum Format {
    text,
    json,
    sarif
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders")
  List<Path> paths;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "a YAML file: disable (rule ids), severity (id: level), thresholds (scrapeInterval),"
              + " assumeComplete")
  Path config;

  @Option(
      names = "--assume-complete",
      description =
          "take the given files as everything that will exist: a reference to a kind none of them"
              + " holds is an error, not a warning that it must exist in the cluster")
  boolean assumeComplete;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json or sarif (SARIF 2.1.0; default: ${DEFAULT-VALUE})")
  Format format;

  @Override
  public Integer call() {
    LintResult result;
    try {
      LintConfig settings = config == null ? LintConfig.defaults() : LintConfig.read(config);
      if (assumeComplete) {
        settings = settings.withAssumeComplete(true);
      }
      Lint lint = settings.lint();
      result = lint.lintFiles(paths);
    } catch (LintException e) {
      spec.commandLine().getErr().println("rolloutkit: " + e.getMessage());
      return Rolloutkit.BAD_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(JsonOutput.write(json(result)));
    } else if (format == Format.sarif) {
      out.println(JsonOutput.write(sarif(result)));
    } else {
      result.findings().forEach(out::println);
      out.println(
          result.files()
              + " file(s), "
              + result.resources()
              + " resource(s): "
              + result.report().errors().size()
              + " error(s), "
              + (result.findings().size() - result.report().errors().size())
              + " other finding(s)");
    }
    if (result.nothingReadable()) {
      spec.commandLine()
          .getErr()
          .println(
              "rolloutkit: nothing could be read (every document has a problem, listed above)");
      return Rolloutkit.BAD_INPUT;
    }
    return result.hasErrors() ? 1 : 0;
  }

  /** SARIF 2.1.0: one run of tool rolloutkit, the catalogue as rules, one result per finding. */
  static ObjectNode sarif(LintResult result) {
    ObjectNode root = JsonOutput.object();
    root.put("version", "2.1.0");
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "rolloutkit");
    ArrayNode rules = driver.putArray("rules");
    for (dev.rolloutkit.rules.Rule r : RulesCommand.catalogue()) {
      ObjectNode rule = rules.addObject();
      rule.put("id", r.id());
      rule.putObject("shortDescription").put("text", r.title());
      rule.putObject("fullDescription").put("text", r.rationale());
      rule.putObject("defaultConfiguration").put("level", level(r.severity()));
    }
    ArrayNode results = run.putArray("results");
    for (Finding f : result.findings()) {
      ObjectNode r = results.addObject();
      r.put("ruleId", f.rule());
      r.put("level", level(f.severity()));
      r.putObject("message")
          .put("text", f.message() + f.hint().map(h -> " (hint: " + h + ")").orElse(""));
      f.location()
          .ifPresent(
              l -> {
                ObjectNode location = r.putArray("locations").addObject();
                ObjectNode physical = location.putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", l.file().replace('\\', '/'));
                ObjectNode region = physical.putObject("region");
                region.put("startLine", l.line());
                region.put("startColumn", l.column());
                location
                    .putArray("logicalLocations")
                    .addObject()
                    .put(
                        "fullyQualifiedName",
                        f.resource() + (f.path().isEmpty() ? "" : " " + f.path()));
              });
    }
    return root;
  }

  private static String level(dev.rolloutkit.rules.Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  static ObjectNode json(LintResult result) {
    ObjectNode root = JsonOutput.object();
    ArrayNode findings = root.putArray("findings");
    for (Finding f : result.findings()) {
      ObjectNode o = findings.addObject();
      o.put("rule", f.rule());
      o.put("severity", f.severity().label());
      o.put("kind", f.kind());
      o.put("namespace", f.namespace().orElse(null));
      o.put("name", f.name());
      o.put("path", f.path());
      o.put("message", f.message());
      o.put("hint", f.hint().orElse(null));
      o.put("file", f.location().map(l -> l.file()).orElse(null));
      if (f.location().isPresent()) {
        o.put("line", f.location().get().line());
        o.put("column", f.location().get().column());
      } else {
        o.putNull("line");
        o.putNull("column");
      }
    }
    root.put("files", result.files());
    root.put("resources", result.resources());
    root.put("unreadable", result.unreadable());
    return root;
  }
}
