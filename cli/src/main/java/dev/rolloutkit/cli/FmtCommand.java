package dev.rolloutkit.cli;

import dev.rolloutkit.lint.Lint;
import dev.rolloutkit.lint.LintException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rolloutkit fmt [--check] PATH…}: manifests in canonical form. */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Rewrite manifests in canonical form: every document read typed and written back in field order, unknown fields kept.",
        "Comments are not kept. With --check nothing is written, and the exit code says whether a file would change."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:done (with --check: every file is canonical)", "1:with --check: some file would change",
        "2:input that cannot be read or parsed"})
final class FmtCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders (*.yaml, *.yml)")
  List<Path> paths;

  @Option(names = "--check", description = "write nothing; list the files that are not canonical and exit 1 if there are any")
  boolean check;

  @Override
  public Integer call() {
    List<Path> changed = new ArrayList<>();
    try {
      for (Path file : Lint.yamlFiles(paths)) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String canonical = Lint.canonical(file.toString(), text);
        if (!canonical.equals(text)) {
          changed.add(file);
          if (!check) {
            Files.writeString(file, canonical, StandardCharsets.UTF_8);
          }
        }
      }
    } catch (LintException e) {
      spec.commandLine().getErr().println("rolloutkit: " + e.getMessage());
      return Rolloutkit.BAD_INPUT;
    } catch (IOException e) {
      spec.commandLine().getErr().println("rolloutkit: " + e.getMessage());
      return Rolloutkit.BAD_INPUT;
    }
    changed.forEach(spec.commandLine().getOut()::println);
    return check && !changed.isEmpty() ? 1 : 0;
  }
}
