package dev.rolloutkit.examples;

import static org.assertj.core.api.Assertions.fail;

import dev.rolloutkit.rules.Rule;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.testing.Golden;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The docs cannot rot, and show what really prints, byte for byte: every ```java block of every
 * page runs (in JShell, page by page, with the public API imported); what a snippet prints is the
 * {@code // text} on the line where it ends, or the comment lines right below it, or, for the block
 * as a whole, the bare ``` block that follows it; an expression ending in {@code // text} shows
 * JShell's display of its value ({@code "a string"} quoted, as JShell shows it); a ```yaml block
 * whose first line is {@code # output of: EXPR} is an exact run of whole lines of what EXPR
 * renders; and docs/rules.md is the catalogue as generated.
 */
class DocsTest {

  private static final Path DOCS = Paths.get("..", "docs");
  private static final Pattern BLOCK =
      Pattern.compile("```(java|yaml|)\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern OUTPUT_OF = Pattern.compile("\\A# output of: (.+)\\n");

  static Stream<Path> pages() throws Exception {
    try (Stream<Path> files = Files.list(DOCS)) {
      return Stream.concat(
          files.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream(),
          Stream.of(Paths.get("..", "README.md")))
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void java_snippets_run_and_show_what_they_print_and_yaml_blocks_show_real_output(Path page)
      throws Exception {
    String text = Files.readString(page, StandardCharsets.UTF_8);
    Path out = Files.createTempFile("rolloutkit-docs", ".txt");
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        shell.addToClasspath(entry);
      }
      Page docs = new Page(shell, out);
      docs.run(page, 1, Files.readString(Paths.get("jshell", "rolloutkit.jsh")), false);
      docs.newlyPrinted(page);
      Matcher m = BLOCK.matcher(text);
      List<String> printedByLastJava = null;
      int lastJavaEnd = -1;
      while (m.find()) {
        int line = text.substring(0, m.start()).split("\n", -1).length;
        Path where = Paths.get(page + ":" + line);
        switch (m.group(1)) {
          case "java" -> {
            printedByLastJava =
                docs.run(
                    page,
                    line + 1,
                    m.group(2).replace("System.out.", DocsOut.class.getName() + "."),
                    true);
            lastJavaEnd = m.end();
          }
          case "yaml" -> {
            Matcher output = OUTPUT_OF.matcher(m.group(2));
            if (output.find()) {
              String rendered = docs.string(where, output.group(1));
              String shown = m.group(2).substring(output.end());
              assertExcerpt(where, output.group(1), shown, rendered);
            }
          }
          default -> {
            boolean follows = lastJavaEnd >= 0 && text.substring(lastJavaEnd, m.start()).isBlank();
            if (follows && printedByLastJava != null && !printedByLastJava.isEmpty()) {
              String printed = String.join("\n", printedByLastJava) + "\n";
              if (!printed.equals(m.group(2))) {
                fail(
                    "%s: this block is not what the java block above prints:%n--- shown%n%s---"
                        + " printed%n%s",
                    where, m.group(2), printed);
              }
            }
          }
        }
      }
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** {@code shown} is a run of whole lines of {@code rendered}, byte for byte. */
  private static void assertExcerpt(Path where, String expr, String shown, String rendered) {
    if (rendered.startsWith(shown) || rendered.contains("\n" + shown)) {
      return;
    }
    String[] lines = shown.split("\n", -1);
    List<String> actual = List.of(rendered.split("\n", -1));
    int at = actual.indexOf(lines[0]);
    if (at < 0) {
      fail("%s: %s renders no line%n%s%nIt renders:%n%s", where, expr, lines[0], rendered);
    }
    for (int i = 0; i < lines.length - 1; i++) {
      String renderedLine = at + i < actual.size() ? actual.get(at + i) : "(the end)";
      if (!lines[i].equals(renderedLine)) {
        fail(
            "%s: line %d of this YAML is not what %s renders there:%n  shown:    %s%n  rendered:"
                + " %s%nIt renders:%n%s",
            where, i + 2, expr, lines[i], renderedLine, rendered);
      }
    }
    fail("%s: this YAML is not a run of whole lines of what %s renders:%n%s", where, expr, shown);
  }

  /** One page's JShell, with what its snippets print. */
  private static final class Page {
    private static final Pattern SAME_LINE = Pattern.compile("\\A[ \\t]*// ?([^\\n]*)");
    private static final Pattern COMMENT_LINE = Pattern.compile("\\A\\n[ \\t]*// ?([^\\n]*)");
    private static final Pattern LEADING = Pattern.compile("(?:\\s|//[^\\n]*)*");
    private static final Pattern TRAILING_COMMENTS =
        Pattern.compile("(?:(?:\\A|[ \\t\\n])[ \\t]*//[^\\n]*)+\\s*\\z");

    private final JShell shell;
    private final Path out;
    private int printed;

    Page(JShell shell, Path out) {
      this.shell = shell;
      this.out = out;
    }

    /** Runs {@code code} snippet by snippet; returns what it printed with no comment showing it. */
    List<String> run(Path page, int firstLine, String code, boolean check) {
      List<String> unshown = new ArrayList<>();
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      String rest = code;
      while (!rest.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
        if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
          break;
        }
        boolean complete = info.completeness().isComplete();
        String source = complete ? info.source() : rest;
        Matcher lead = LEADING.matcher(source);
        int starts = code.length() - rest.length() + (lead.lookingAt() ? lead.end() : 0);
        Path where =
            Paths.get(
                page + ":" + (firstLine + code.substring(0, starts).split("\n", -1).length - 1));
        String after = complete ? info.remaining() : "";
        if (after.isEmpty()) {
          Matcher tail = TRAILING_COMMENTS.matcher(source);
          if (tail.find() && source.substring(0, tail.start()).strip().matches("(?s).*[;})]")) {
            after = source.substring(tail.start());
          }
        }
        String value = null;
        boolean expression = false;
        for (SnippetEvent event : shell.eval(source)) {
          if (event.status() == Snippet.Status.REJECTED) {
            fail(
                "%s: the snippet does not compile:%n%s%n%s",
                where,
                source,
                shell
                    .diagnostics(event.snippet())
                    .map(d -> d.getMessage(java.util.Locale.ROOT))
                    .collect(Collectors.joining("\n")));
          }
          if (event.exception() != null) {
            fail("%s: the snippet threw %s:%n%s", where, event.exception(), source);
          }
          if (event.causeSnippet() == null) {
            value = event.value();
            expression =
                event.snippet().kind() == Snippet.Kind.EXPRESSION
                    || event.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
          }
        }
        rest = complete ? info.remaining() : "";
        if (!check) {
          continue;
        }
        List<String> calls = newlyPrinted(where);
        String shown = shownBy(after, !calls.isEmpty());
        if (!calls.isEmpty()) {
          String actual = String.join("\n", calls);
          if (shown == null) {
            unshown.addAll(calls);
          } else if (!shown.equals(actual)) {
            fail(
                "%s: the comment shows what this prints, but it prints something else:%n%s%n"
                    + "  shown:   %s%n  printed: %s",
                where, asWritten(source), shown, actual);
          }
        } else if (expression && shown != null && !shown.equals(value)) {
          fail(
              "%s: the comment shows this value, but JShell shows another:%n%s%n  shown: %s%n"
                  + "  value: %s",
              where, asWritten(source), shown, value);
        }
      }
      return unshown;
    }

    private static String asWritten(String source) {
      return source
          .replace(DocsOut.class.getName() + ".", "System.out.")
          .replaceFirst("\\A(\\s*//[^\\n]*\\n)+", "")
          .strip();
    }

    /**
     * The comment on the line where a snippet ends; for a snippet that printed, else the comment
     * lines right below it.
     */
    private static String shownBy(String after, boolean printed) {
      Matcher same = SAME_LINE.matcher(after);
      if (same.find()) {
        return same.group(1).stripTrailing();
      }
      if (!printed) {
        return null;
      }
      List<String> lines = new ArrayList<>();
      String rest = after;
      Matcher next = COMMENT_LINE.matcher(rest);
      while (next.find()) {
        lines.add(next.group(1).stripTrailing());
        rest = rest.substring(next.end());
        next = COMMENT_LINE.matcher(rest);
      }
      return lines.isEmpty() ? null : String.join("\n", lines);
    }

    List<String> newlyPrinted(Path where) {
      String all = string(where, DocsOut.class.getName() + ".since(" + printed + ")");
      String[] parts = all.split("\u0000", -1);
      int size = Integer.parseInt(parts[parts.length - 1]);
      List<String> calls = size == printed ? List.of() : List.of(parts).subList(0, size - printed);
      printed = size;
      return calls;
    }

    /** The string {@code expr} gives, read through a file (JShell shows strings escaped). */
    String string(Path where, String expr) {
      String write =
          "java.nio.file.Files.writeString(java.nio.file.Path.of(\""
              + out
              + "\"), String.valueOf("
              + expr
              + "));";
      for (SnippetEvent event : shell.eval(write)) {
        if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
          fail("%s: %s cannot be shown: %s", where, expr, event.exception());
        }
      }
      try {
        return Files.readString(out);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Test
  void rules_page_is_the_generated_catalogue() throws Exception {
    StringBuilder md =
        new StringBuilder()
            .append("# Rules\n\n")
            .append(
                "Generated from the rule catalogue (`RuleSet.all()`): `rolloutkit lint` runs every"
                    + " rule below. Disable a rule or\n")
            .append(
                "change its severity with `RuleSet.without(id)` / `withSeverity(id, severity)`. Do"
                    + " not edit by hand: the build\n")
            .append(
                "regenerates this page with `-Drolloutkit.golden.update=true` and fails while it is"
                    + " stale.\n\n")
            .append("| id | severity | checks | why |\n|---|---|---|---|\n");
    List<Rule> rules = new ArrayList<>(RuleSet.all().rules());
    rules.sort(java.util.Comparator.comparing(Rule::id));
    for (Rule r : rules) {
      md.append("| `")
          .append(r.id())
          .append("` | ")
          .append(r.severity().label())
          .append(" | ")
          .append(r.title().replace("|", "\\|"))
          .append(" | ")
          .append(r.rationale().replace("|", "\\|"))
          .append(" |\n");
    }
    Golden.assertMatches(md.toString(), "../../../../../docs/rules.md");
  }
}
