package dev.rolloutkit.cli;

import dev.rolloutkit.rules.Rule;
import dev.rolloutkit.rules.RuleSet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rolloutkit rules [--format text|json|markdown]}: the rule catalogue. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "List every rule lint runs: id, severity and what it checks.")
final class RulesCommand implements Callable<Integer> {

  enum Format {
    text,
    json,
    markdown
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json or markdown (default: ${DEFAULT-VALUE})")
  Format format;

  static List<Rule> catalogue() {
    List<Rule> rules = new ArrayList<>(RuleSet.all().rules());
    rules.sort(Comparator.comparing(Rule::id));
    return rules;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Rule> rules = catalogue();
    switch (format) {
      case text ->
          rules.forEach(
              r -> out.printf("%-40s %-8s %s%n", r.id(), r.severity().label(), r.title()));
      case markdown -> {
        out.println("| id | severity | checks |");
        out.println("|---|---|---|");
        rules.forEach(
            r ->
                out.println(
                    "| `"
                        + r.id()
                        + "` | "
                        + r.severity().label()
                        + " | "
                        + r.title().replace("|", "\\|")
                        + " |"));
      }
      case json -> {
        com.fasterxml.jackson.databind.node.ArrayNode list =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        rules.forEach(
            r ->
                list.addObject()
                    .put("id", r.id())
                    .put("severity", r.severity().label())
                    .put("title", r.title())
                    .put("rationale", r.rationale()));
        out.println(JsonOutput.write(list));
      }
    }
    return 0;
  }
}
