package dev.rolloutkit.cli;

import dev.rolloutkit.InvalidSpecException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rolloutkit} command. Exit codes: 0 done; 1 an internal error (reported without a stack trace); 2 bad
 * usage or bad input, with the reason on standard error.
 */
@Command(
    name = "rolloutkit",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Progressive delivery with Argo Rollouts, KEDA and Istio or NGINX: render canary stacks from intent.",
    subcommands = {RenderCommand.class, LintCommand.class, FmtCommand.class, RulesCommand.class, ExplainCommand.class,
        CommandLine.HelpCommand.class})
public final class Rolloutkit implements Runnable {

  /** Exit code for bad usage or bad input. */
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try: rolloutkit render --help)");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code;
    try {
      code = run(out, err, args);
    } catch (OutOfMemoryError e) {
      err.println("rolloutkit: out of memory (maximum heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB); give the JVM more,"
          + " e.g. ROLLOUTKIT_JAVA_OPTS=-Xmx2g with ./rolloutkit, or java -Xmx2g -jar rolloutkit.jar");
      err.flush();
      code = 1;
    }
    System.exit(code);
  }

  /** Runs the command line with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cmd = new CommandLine(new Rolloutkit())
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
          boolean badInput = e instanceof InvalidSpecException || e instanceof IllegalArgumentException || e instanceof UncheckedIOException;
          commandLine.getErr().println("rolloutkit: " + (badInput ? e.getMessage() : "internal error: " + e));
          commandLine.getErr().flush();
          return badInput ? BAD_INPUT : 1;
        });
    int code = cmd.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
