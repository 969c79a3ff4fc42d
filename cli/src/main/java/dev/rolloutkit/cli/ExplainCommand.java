package dev.rolloutkit.cli;

import dev.rolloutkit.rules.Rule;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rolloutkit explain ID}: one rule, in full. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Print one rule: what it checks, how severe, and why.")
final class ExplainCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "ID",
      description = "a rule id, e.g. ARGO-STEP-ANALYSIS-COUNT (any case)")
  String id;

  @Override
  public Integer call() {
    Optional<Rule> rule =
        RulesCommand.catalogue().stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
    if (rule.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "no rule with id '" + id + "' (list them with: rolloutkit rules)");
    }
    PrintWriter out = spec.commandLine().getOut();
    Rule r = rule.get();
    out.println(r.id() + " (" + r.severity().label() + ")");
    out.println(r.title());
    out.println();
    out.println(r.rationale());
    return 0;
  }
}
