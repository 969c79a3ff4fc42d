package dev.rolloutkit.examples;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.rules.Rule;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.testing.Golden;
import dev.rolloutkit.testing.Manifests;
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
 * The docs cannot rot: every ```java block of every page runs (in JShell, page by page, with the
 * public API imported), every ```yaml block whose first line is {@code # output of: EXPR} shows
 * documents EXPR really renders, and docs/rules.md is the catalogue as generated.
 */
class DocsTest {

  private static final Path DOCS = Paths.get("..", "docs");
  private static final Pattern BLOCK = Pattern.compile("```(java|yaml)\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern OUTPUT_OF = Pattern.compile("\\A# output of: (.+)\\n");

  static Stream<Path> pages() throws Exception {
    try (Stream<Path> files = Files.list(DOCS)) {
      return files.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void java_snippets_run_and_yaml_blocks_show_real_output(Path page) throws Exception {
    String text = Files.readString(page, StandardCharsets.UTF_8);
    Path out = Files.createTempFile("rolloutkit-docs", ".yaml");
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        shell.addToClasspath(entry);
      }
      run(shell, page, Files.readString(Paths.get("jshell", "rolloutkit.jsh")));
      Matcher m = BLOCK.matcher(text);
      while (m.find()) {
        int line = text.substring(0, m.start()).split("\n", -1).length;
        if (m.group(1).equals("java")) {
          run(shell, Paths.get(page + ":" + line), m.group(2));
        } else {
          Matcher output = OUTPUT_OF.matcher(m.group(2));
          List<JsonNode> shown = Manifests.documents(m.group(2));
          if (output.find()) {
            run(
                shell,
                Paths.get(page + ":" + line),
                "java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                    + out
                    + "\"), "
                    + output.group(1)
                    + ");");
            List<JsonNode> rendered = Manifests.documents(Files.readString(out));
            for (JsonNode doc : shown) {
              if (!rendered.contains(doc)) {
                fail(
                    "%s:%d: this YAML is not what %s renders:%n%s",
                    page, line, output.group(1), Manifests.toYaml(doc));
              }
            }
          }
        }
      }
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static void run(JShell shell, Path where, String code) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String rest = code;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
        break;
      }
      String source = info.completeness().isComplete() ? info.source() : rest;
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
      }
      rest = info.completeness().isComplete() ? info.remaining() : "";
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
