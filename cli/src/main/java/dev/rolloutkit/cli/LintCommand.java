package dev.rolloutkit.cli;

import dev.rolloutkit.lint.Lint;
import dev.rolloutkit.lint.LintException;
import dev.rolloutkit.lint.LintResult;
import dev.rolloutkit.rules.Finding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rolloutkit lint [--format text|json] PATH…}: exit 0 without error findings, 1 with, 2 on unreadable input. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Check manifests (files and folders of *.yaml/*.yml) with every rule, across resources, before applying them.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:no error-level finding", "1:error-level findings", "2:input that cannot be read or parsed, or bad usage"})
final class LintCommand implements Callable<Integer> {

  enum Format { text, json, sarif }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders")
  List<Path> paths;

  @Option(names = "--config", paramLabel = "FILE", description = "a YAML file: disable (rule ids), severity (id: level), thresholds (scrapeInterval)")
  Path config;

  @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (SARIF 2.1.0; default: ${DEFAULT-VALUE})")
  Format format;

  @Override
  public Integer call() {
    LintResult result;
    try {
      Lint lint = config == null ? Lint.withAllRules() : dev.rolloutkit.lint.LintConfig.read(config).lint();
      result = lint.lintFiles(paths);
    } catch (LintException e) {
      spec.commandLine().getErr().println("rolloutkit: " + e.getMessage());
      return Rolloutkit.BAD_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(json(result));
    } else if (format == Format.sarif) {
      out.println(sarif(result));
    } else {
      result.findings().forEach(out::println);
      out.println(result.files() + " file(s), " + result.resources() + " resource(s): " + result.report().errors().size()
          + " error(s), " + (result.findings().size() - result.report().errors().size()) + " other finding(s)");
    }
    return result.hasErrors() ? 1 : 0;
  }

  /** SARIF 2.1.0: one run of tool rolloutkit, the catalogue as rules, one result per finding. */
  static String sarif(LintResult result) {
    List<dev.rolloutkit.rules.Rule> catalogue = RulesCommand.catalogue();
    String rules = catalogue.stream().map(r -> "{\"id\":" + str(r.id()) + ",\"shortDescription\":{\"text\":" + str(r.title())
        + "},\"fullDescription\":{\"text\":" + str(r.rationale()) + "},\"defaultConfiguration\":{\"level\":" + str(level(r.severity())) + "}}")
        .collect(Collectors.joining(","));
    String results = result.findings().stream().map(f -> {
      String location = f.location().map(l -> ",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":" + str(uri(l.file()))
          + "},\"region\":{\"startLine\":" + l.line() + ",\"startColumn\":" + l.column() + "}},\"logicalLocations\":[{\"fullyQualifiedName\":"
          + str(f.resource() + (f.path().isEmpty() ? "" : " " + f.path())) + "}]}]").orElse("");
      return "{\"ruleId\":" + str(f.rule()) + ",\"level\":" + str(level(f.severity())) + ",\"message\":{\"text\":"
          + str(f.message() + f.hint().map(h -> " (hint: " + h + ")").orElse("")) + "}" + location + "}";
    }).collect(Collectors.joining(","));
    return "{\"version\":\"2.1.0\",\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"runs\":[{\"tool\":{\"driver\":"
        + "{\"name\":\"rolloutkit\",\"rules\":[" + rules + "]}},\"results\":["
        + results + "]}]}";
  }

  private static String level(dev.rolloutkit.rules.Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  private static String uri(String file) {
    return file.replace('\\', '/');
  }

  static String json(LintResult result) {
    String findings = result.findings().stream().map(LintCommand::json).collect(Collectors.joining(","));
    return "{\"findings\":[" + findings + "],\"files\":" + result.files() + ",\"resources\":" + result.resources() + "}";
  }

  private static String json(Finding f) {
    return "{\"rule\":" + str(f.rule()) + ",\"severity\":" + str(f.severity().label()) + ",\"kind\":" + str(f.kind())
        + ",\"namespace\":" + str(f.namespace()) + ",\"name\":" + str(f.name()) + ",\"path\":" + str(f.path())
        + ",\"message\":" + str(f.message()) + ",\"hint\":" + str(f.hint())
        + ",\"file\":" + str(f.location().map(l -> l.file())) + ",\"line\":" + f.location().map(l -> "" + l.line()).orElse("null")
        + ",\"column\":" + f.location().map(l -> "" + l.column()).orElse("null") + "}";
  }

  private static String str(Optional<String> value) {
    return Json.str(value);
  }

  private static String str(String value) {
    return Json.str(value);
  }
}
