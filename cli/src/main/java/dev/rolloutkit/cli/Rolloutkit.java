package dev.rolloutkit.cli;

import dev.rolloutkit.InvalidSpecException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code rolloutkit} command. Exit codes: 0 done; 1 an internal error (reported without a stack
 * trace); 2 bad usage or bad input, with the reason on standard error.
 *
 * <p>The top command and {@code render} are declared through picocli's programmatic API (no
 * annotations to read on the path of a cold render); the other commands are annotated.
 */
public final class Rolloutkit implements Runnable {

  /**
   * The subcommands in the order help lists them. picocli reads a command's annotations when it is
   * added (on a cold JVM most of the command line's own start-up), so a run that names its command
   * adds only that one; help, a mistyped or a missing command add them all. A holder class, so a
   * plain render (read without picocli) does not make these method references: one names a picocli
   * class, which the JVM would then load from the jar and make a lambda class for.
   */
  private static final class Commands {
    static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

    static {
      ALL.put("render", RenderCommand::spec);
      ALL.put("lint", LintCommand::new);
      ALL.put("fmt", FmtCommand::new);
      ALL.put("rules", RulesCommand::new);
      ALL.put("explain", ExplainCommand::new);
      ALL.put("simulate", SimulateCommand::new);
      ALL.put("gate-quality", GateQualityCommand::new);
      ALL.put("analyze", AnalyzeCommand::new);
      ALL.put("help", CommandLine.HelpCommand::new);
    }
  }

  /** Exit code for bad usage or bad input. */
  public static final int BAD_INPUT = 2;

  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

  /** The top command's specification: name, description, version and the standard help options. */
  private static CommandSpec spec() {
    CommandSpec spec = new Rolloutkit().spec;
    spec.name("rolloutkit").versionProvider(new Version());
    spec.usageMessage()
        .description(
            "Progressive delivery with Argo Rollouts, KEDA and Istio or NGINX: render canary stacks"
                + " from intent.");
    addStandardHelpOptions(spec);
    return spec;
  }

  /**
   * {@code -h, --help} and {@code -V, --version} as picocli's {@code mixinStandardHelpOptions}
   * declares them.
   */
  static void addStandardHelpOptions(CommandSpec spec) {
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .type(boolean.class)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .type(boolean.class)
            .description("Print version information and exit.")
            .build());
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is required (try: rolloutkit render --help)");
  }

  /** Reports a command's failure on {@code err}, in one line; returns the exit code. */
  private static int report(Exception e, PrintWriter err) {
    boolean badInput =
        e instanceof InvalidSpecException
            || e instanceof IllegalArgumentException
            || e instanceof UncheckedIOException;
    err.println("rolloutkit: " + (badInput ? e.getMessage() : "internal error: " + e));
    err.flush();
    return badInput ? BAD_INPUT : 1;
  }

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code;
    try {
      code = run(out, err, args);
    } catch (OutOfMemoryError e) {
      err.println(
          "rolloutkit: out of memory (maximum heap "
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MiB); give the JVM more, e.g. ROLLOUTKIT_JAVA_OPTS=-Xmx2g with ./rolloutkit, or"
              + " java -Xmx2g -jar rolloutkit.jar");
      err.flush();
      code = 1;
    }
    System.exit(code);
  }

  /**
   * Runs the command line with {@code args}, writing to {@code out} and {@code err}; returns the
   * exit code. A plain {@code render} is read without picocli (the same result, proven by {@code
   * RenderFastPathTest}); {@code -Drolloutkit.plainRender=false} sends it through picocli too.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    RenderCommand.Request plain =
        "false".equals(System.getProperty("rolloutkit.plainRender"))
            ? null
            : RenderCommand.plainRequest(args);
    if (plain == null) {
      return viaPicocli(out, err, args);
    }
    int code;
    try {
      code = RenderCommand.render(plain, out);
    } catch (RuntimeException e) {
      code = report(e, err);
    }
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Runs the command line through picocli, as {@link #run} does for everything but a plain render
   * (which it reads itself: picocli's set-up is a large part of a cold start).
   */
  static int viaPicocli(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cmd = new CommandLine(spec());
    String named =
        args.length > 0 && !args[0].equals("help") && Commands.ALL.containsKey(args[0])
            ? args[0]
            : null;
    Commands.ALL.forEach(
        (name, command) -> {
          if (named == null || named.equals(name)) {
            cmd.addSubcommand(name, command.get());
          }
        });
    cmd.setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> report(e, commandLine.getErr()));
    int code = cmd.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
