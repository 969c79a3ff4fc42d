package dev.rolloutkit.cli;

import dev.rolloutkit.manifest.ManifestException;
import dev.rolloutkit.manifest.YamlFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rolloutkit fmt [--check] PATH…}: manifests laid out the one way, nothing else changed. */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Lay manifests out the one way (two-space indent, sequences not indented under their key) and"
          + " change nothing else: every value keeps its text and quoting, comments stay where they"
          + " are.",
      "Every file is read before any is written, each is replaced whole or not at all, and a file"
          + " whose formatted form would not read back as the same data is left as it is and named."
          + " With --check nothing is written."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:done (with --check: no file would change)",
      "1:with --check: some file would change (listed)",
      "2:a file could not be read or formatted (named; the others are formatted), or bad usage"
    })
final class FmtCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders (*.yaml, *.yml)")
  List<Path> paths;

  @Option(
      names = "--check",
      description = "write nothing; list the files that would change and exit 1 if there are any")
  boolean check;

  @Override
  public Integer call() {
    YamlFormat.Report report;
    try {
      report = YamlFormat.files(paths, check);
    } catch (ManifestException e) {
      spec.commandLine().getErr().println("rolloutkit: " + e.getMessage());
      return Rolloutkit.BAD_INPUT;
    }
    report.changed().forEach(spec.commandLine().getOut()::println);
    report.refused().forEach(r -> spec.commandLine().getErr().println("rolloutkit: " + r));
    if (!report.refused().isEmpty()) {
      return Rolloutkit.BAD_INPUT;
    }
    return check && !report.changed().isEmpty() ? 1 : 0;
  }
}
