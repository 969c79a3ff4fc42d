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
    mixinStandardHelpOptions = true,
    description = "Check manifests (files and folders of *.yaml/*.yml) with every rule, across resources, before applying them.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:no error-level finding", "1:error-level findings", "2:input that cannot be read or parsed, or bad usage"})
final class LintCommand implements Callable<Integer> {

  enum Format { text, json }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders")
  List<Path> paths;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Override
  public Integer call() {
    LintResult result;
    try {
      result = Lint.withAllRules().lintFiles(paths);
    } catch (LintException e) {
      spec.commandLine().getErr().println("rolloutkit: " + e.getMessage());
      return Rolloutkit.BAD_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(json(result));
    } else {
      result.findings().forEach(out::println);
      out.println(result.files() + " file(s), " + result.resources() + " resource(s): " + result.report().errors().size()
          + " error(s), " + (result.findings().size() - result.report().errors().size()) + " other finding(s)");
    }
    return result.hasErrors() ? 1 : 0;
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
    return value.map(LintCommand::str).orElse("null");
  }

  private static String str(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }
}
