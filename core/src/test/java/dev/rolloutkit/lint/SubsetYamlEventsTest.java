package dev.rolloutkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rolloutkit.testing.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The subset scanner gives Jackson exactly the tokens, values and locations SnakeYAML gives it, for every text it
 * accepts; everything else is left to SnakeYAML.
 */
class SubsetYamlEventsTest {

  private static final YAMLFactory SNAKEYAML = YAMLFactory.builder().loaderOptions(options()).build();
  private static final YAMLFactory SUBSET = new SubsetYamlFactory(YAMLFactory.builder().loaderOptions(options()));

  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setNestingDepthLimit(Lint.MAX_NESTING);
    return options;
  }

  /** Every token with its text, number and (for what lint marks) its line, column and offset; or the error. */
  private static List<String> tokens(YAMLFactory factory, String text) {
    List<String> tokens = new ArrayList<>();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        StringBuilder b = new StringBuilder(token.name());
        if (token.isScalarValue() || token == JsonToken.FIELD_NAME) {
          b.append(" <").append(parser.getText()).append('>');
        }
        if (token.isNumeric()) {
          b.append(' ').append(parser.getNumberType()).append(' ').append(parser.getNumberValue());
        }
        if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
          JsonLocation at = parser.currentTokenLocation();
          b.append(" @").append(at.getLineNr()).append(':').append(at.getColumnNr()).append(':').append(at.getCharOffset());
        }
        tokens.add(b.toString());
      }
    } catch (IOException | RuntimeException e) {
      tokens.add("ERROR " + e.getClass().getSimpleName());
    }
    return tokens;
  }

  /** True if the scanner accepted {@code text}; then it must read as SnakeYAML reads it. */
  private static boolean agrees(String text) {
    if (SubsetYamlEvents.read(text) == null) {
      return false;
    }
    assertThat(tokens(SUBSET, text)).as("tokens of:%n%s", text).isEqualTo(tokens(SNAKEYAML, text));
    return true;
  }

  static Stream<String> manifestConstructs() {
    return Stream.of(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    app.kubernetes.io/name: web\n",
        "a: 1\nb: -2\nc: +3\nd: 0\ne: 0755\nf: 0x1F\ng: 0b101\nh: 1_000\ni: 1.5\nj: 1e3\nk: .inf\nl: -.Inf\nm: .NaN\n",
        "a: true\nb: False\nc: yes\nd: No\ne: on\nf: OFF\ng: y\nh: n\ni: ~\nj: null\nk: Null\nl:\nm: 2001-12-14\nn: 12:30\n",
        "a: x y  z\nb: x #comment\nc: x#y\nd: http://h:80/p\ne: -x\nf: ?x\ng: :x\nh: <<\ni: é 日本\nj: ---\nk: a,b[c]{d}\n",
        "'a''b': 'it''s'\n\"q\\\"r\": \"t\\tn\\nu\\u00e9x\\x41\\\\\"\n'y': \"\"\nz: ''\n",
        "list:\n- a\n- 1\n- name: x\n  image: y\n-\n  nested: true\n-\n  - deep\n",
        "spec:\n  containers:\n  - name: a\n    args:\n    - x\n    - y\n    ports:\n      - containerPort: 80\n  - name: b\nnext: 1\n",
        "q: |\n  line one\n    indented\n\n  after empty\nr: |-\n  stripped\n\n\ns: |+\n  kept\n\n\nt: 1\n",
        "a:\n  - |\n    in a sequence\n  - x\nb: |\n  last\n  at end",
        "flow: [a, 'b', \"c\", 1, [n], {k: v}]\nmap: {a: 1, \"b\": [2, 3], c: d e}\nempty: []\nnone: {}\nsp: [ a , b ]\n",
        "# comment\n\na: 1 # trailing\n  # indented comment\nb:   # after key\n  c: 2\n\n\n",
        "a: 1\n---\nb: 2\n--- # comment\nc: 3\n---\n---\n",
        "---\na: 1\n",
        "---\n",
        "a: 1\n---",
        "",
        "# only a comment\n",
        "a: 1",
        "a:\n  b:\n    c:\n      d: [x]\ne: f\n",
        "key with spaces: v\nk : v2\n-dash: v\n",
        "query: sum(rate(x[2m]))\n  / sum(rate(y[2m]))\nfolded: a\n\n\n  b  c\n   - d # e\nlist:\n- one\n  two\n- three\n",
        "a: x\n  # ends here\nb: y\n    z\n");
  }

  @ParameterizedTest
  @MethodSource("manifestConstructs")
  void should_read_manifest_constructs_as_snakeyaml_does(String text) {
    assertThat(agrees(text)).as("accepted:%n%s", text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: >\n  folded\n", "a: b\n  c: d\n", "a: 'b\n  c'\n", "a:\n  b\n",
      "? a\n: b\n", "%YAML 1.1\n---\na: 1\n", "a:\tb\n", "a: b\r\n", "\uFEFFa: b\n", "a: b\u0085c\n",
      "a: |2\n   x\n", "a: | # c\n  x\n", "a: |\n\n  x\n", "- a\n- b\n", "plain\n", "  a: 1\n", "a: [b,\n  c]\n",
      "a: \"\\/\"\n", "a: \"\\U0001F600\"\n", "a: b: c\n", "a: 1\n...\n", "a:\n- - b\n", "a: [b, ]\n", "a: {b}\n", "a: [b: c]\n",
      "a: |\n  x\n   \n", "a: \"b\" c\n", "\"a\" : b\n", "a:\n- b\n c: d\n"})
  void should_leave_other_yaml_to_snakeyaml(String text) {
    assertThat(SubsetYamlEvents.read(text)).as("declined:%n%s", text).isNull();
  }

  /** The pinned CRDs and upstream examples, and every YAML file of this repository's sources and tests. */
  static List<Path> manifestFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(Manifests.crdsDir(), Manifests.rootDir())) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(p -> p.toString().matches(".*\\.ya?ml") && !p.toString().contains("/target/")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  @Test
  void should_read_the_pinned_crds_examples_and_golden_files_as_snakeyaml_does() throws IOException {
    List<Path> files = manifestFiles();
    int accepted = 0;
    for (Path file : files) {
      if (agrees(Files.readString(file))) {
        accepted++;
      }
    }
    assertThat(files).hasSizeGreaterThan(40);
    assertThat(accepted).as("files read by the subset scanner").isGreaterThan(files.size() / 2);
  }

  @Test
  void should_lint_every_file_the_same_whichever_reader_reads_it() throws IOException {
    int compared = 0;
    for (Path file : manifestFiles()) {
      String text = Files.readString(file);
      // A tab in a closing comment leaves the meaning alone and sends the text to SnakeYAML.
      String bySnakeYaml = text + (text.endsWith("\n") ? "" : "\n") + "#\t\n";
      String viaSubset;
      try {
        viaSubset = Lint.withAllRules().lintYaml("f.yaml", text).report().findings().toString();
      } catch (LintException e) {
        viaSubset = e.getMessage();
      }
      String viaSnakeYaml;
      try {
        viaSnakeYaml = Lint.withAllRules().lintYaml("f.yaml", bySnakeYaml).report().findings().toString();
      } catch (LintException e) {
        viaSnakeYaml = e.getMessage();
      }
      assertThat(SubsetYamlEvents.read(bySnakeYaml)).isNull();
      assertThat(viaSubset).as(file.toString()).isEqualTo(viaSnakeYaml);
      compared++;
    }
    assertThat(compared).isGreaterThan(40);
  }

  static Stream<Integer> seeds() {
    return dev.rolloutkit.testing.RandomModelObjects.seeds();
  }

  /** Random manifests of every construct (in and out of the subset), and single-character mutations of them. */
  @ParameterizedTest
  @MethodSource("seeds")
  void should_agree_with_snakeyaml_on_random_documents_and_their_mutations(int seed) {
    Random random = new Random(seed);
    int accepted = 0;
    int mutatedAccepted = 0;
    for (int i = 0; i < 300; i++) {
      String text = new RandomYaml(random).documents();
      if (agrees(text)) {
        accepted++;
      }
      for (int m = 0; m < 4; m++) {
        if (agrees(mutate(text, random))) {
          mutatedAccepted++;
        }
      }
    }
    assertThat(accepted).as("random documents in the subset").isGreaterThan(60);
    assertThat(mutatedAccepted).as("mutated documents in the subset").isGreaterThan(60);
  }

  private static final String[] INSERTS = {" ", "  ", "\n", ":", ": ", "-", "- ", "#", " #", "'", "\"", "|", "[", "]", "{",
      "}", ",", "\t", "\r", "? ", "&a ", "*a", "\\", "!", "---\n", "...\n", "0", ".", "é"};

  static String mutate(String text, Random random) {
    if (text.isEmpty()) {
      return INSERTS[random.nextInt(INSERTS.length)];
    }
    int at = random.nextInt(text.length());
    return random.nextBoolean()
        ? text.substring(0, at) + INSERTS[random.nextInt(INSERTS.length)] + text.substring(at)
        : text.substring(0, at) + text.substring(at + 1);
  }

  /** Writes random YAML: mostly manifest-like block structure, with tricky scalars and a few constructs outside the subset. */
  static final class RandomYaml {
    private static final String[] KEYS = {"name", "app.kubernetes.io/name", "a b", "x-y", "-k", "?k", ":k", "k#x", "on", "y",
        "null", "1", "0x1F", "'q''k'", "\"d\\\"k\"", "\"y\"", "'n'", "k ", "<<", "é"};
    /** Scalars a manifest may hold, many of them resolving to numbers, booleans, nulls or timestamps. */
    static final String[] SCALARS = {"1", "-1", "+1", "0", "00", "0755", "0x1F", "0b101", "0o17", "1_000", "1.5",
        "1e3", "1.0e+3", "-.5", ".inf", "-.Inf", ".NaN", "true", "True", "TRUE", "yes", "No", "on", "OFF", "y", "n", "~",
        "null", "Null", "NULL", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "12:30:00", "190:20:30", "a b", "a  b",
        "a #b", "a#b", "a:b", "http://x:80/y", "=", "<<", "--", "---", "...", "-x", "?x", ":x", "[a]", "{a: b}",
        "[a, 'b', \"c\"]", "[]", "{}", "[ ]", "[a b, c]", "{a: [1, 2], b: {c: d}}", "[-, -1]", "'it''s'", "''", "\"\"",
        "\"\\u00e9\\x41\\t\\n\\0\\e\\N\\_\\L\\P\\ \"", "\"a\\\"b\"", "é", "日本", "9999999999",
        "99999999999999999999", "0x7FFFFFFF", "0x80000000", "-0", "+", "1:2:3", "1,000", "0.1.2", "1e", "e1", "v1.2.3",
        "500m", "10Mi", "30s", "ghcr.io/acme/web:1.4.0", "sum(rate(x{a=\"b\"}[5m]))"};
    /** Scalars outside the subset or not valid YAML at all. */
    private static final String[] ODD = {"-", "@x", "`x", "%x", "&a x", "*a", "!t x", "!!str x", "?", ":", "[a, ]",
        "[a: b]", "{a}", "{a: }", "{\"a\":1}", "'a'b", "\"\\/\"", "\"\\U0001F600\"", "\"\\uD800\"", "a: b", "[a,\n b]",
        "'a\n b'"};

    private final Random random;
    private final StringBuilder out = new StringBuilder();

    RandomYaml(Random random) {
      this.random = random;
    }

    private <T> T pick(T[] choices) {
      return choices[random.nextInt(choices.length)];
    }

    private boolean chance(int percent) {
      return random.nextInt(100) < percent;
    }

    String documents() {
      int documents = 1 + random.nextInt(3);
      for (int d = 0; d < documents; d++) {
        if (d > 0 || chance(30)) {
          out.append(chance(5) ? pick(new String[] {"---x\n", "...\n---\n", "--- a: b\n"})
              : pick(new String[] {"---\n", "--- # c\n", "---  \n"}));
        }
        if (chance(10)) {
          continue; // an empty document
        }
        mapping(0, 0, 3);
      }
      if (chance(30) && out.length() > 0) {
        out.setLength(out.length() - 1); // no line break at the end
      }
      if (chance(5)) {
        out.append(pick(new String[] {"  ", "\n  \n", "# end", "\n\n"}));
      }
      return out.toString();
    }

    private void indent(int n) {
      out.append(" ".repeat(n));
    }

    private void filler(int column) {
      if (chance(10)) {
        out.append(chance(50) ? "" : " ".repeat(random.nextInt(column + 3))).append('\n');
      }
      if (chance(8)) {
        indent(random.nextInt(column + 3));
        out.append("# note\n");
      }
    }

    /** A mapping at {@code column}; the first key already indented by the caller when {@code inline} is set. */
    private void mapping(int column, int depth, int entries) {
      mapping(column, depth, entries, false);
    }

    private void mapping(int column, int depth, int entries, boolean inline) {
      int n = 1 + random.nextInt(entries);
      for (int i = 0; i < n; i++) {
        filler(column);
        if (!(inline && i == 0)) {
          indent(column);
        }
        out.append(pick(KEYS)).append(':');
        value(column, depth);
      }
    }

    /** A value after its key's ':' (or an item's dash), in a collection at {@code column}. */
    private void value(int column, int depth) {
      int kind = random.nextInt(depth >= 4 ? 11 : 20);
      if (kind < 9) {
        out.append(' ').append(scalar()).append(chance(10) ? pick(new String[] {" # c", "#c", "  "}) : "").append('\n');
      } else if (kind < 11) {
        out.append(chance(50) ? "\n" : " # c\n");
      } else if (kind < 13) {
        literal(column);
      } else if (kind < 15) {
        out.append('\n');
        mapping(column + 1 + random.nextInt(4), depth + 1, 3);
      } else if (kind < 17) {
        out.append('\n');
        sequence(chance(50) ? column : column + 1 + random.nextInt(4), depth + 1);
      } else if (kind == 17 && chance(30)) {
        out.append(' ').append(pick(new String[] {">", "|2", "| # c", ">-"})).append('\n').append(" ".repeat(column + 2))
            .append("text\n");
      } else if (kind == 18) {
        out.append(' ').append(scalar()).append('\n').append(chance(30) ? "\n" : "").append(" ".repeat(column + random.nextInt(3)))
            .append(pick(new String[] {"more", "- more", "more: x", "# more", "more # x", "[more]", "'more'"})).append('\n');
      } else {
        out.append(' ').append(scalar()).append('\n');
      }
    }

    private String scalar() {
      return chance(3) ? pick(ODD) : pick(SCALARS);
    }

    private void sequence(int column, int depth) {
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        filler(column);
        indent(column);
        out.append('-');
        int choice = random.nextInt(6);
        if (choice < 2) {
          value(column, depth);
        } else if (choice < 4) {
          int gap = 1 + random.nextInt(3);
          indent(gap);
          mapping(column + 1 + gap, depth + 1, 3, true);
        } else if (choice == 4 || chance(90)) {
          out.append(chance(95) ? " " : "").append(scalar()).append('\n');
        } else {
          out.append(" - ").append(scalar()).append('\n');
        }
      }
    }

    private void literal(int column) {
      out.append(' ').append(pick(new String[] {"|", "|-", "|+", "|", "|  "})).append('\n');
      int indent = column + 1 + random.nextInt(3);
      int lines = 1 + random.nextInt(4);
      for (int i = 0; i < lines; i++) {
        indent(indent + (chance(20) ? random.nextInt(3) : 0));
        out.append(pick(new String[] {"text", "# not a comment", "a: b", "- x", "  spaced", "'q'"})).append('\n');
        if (chance(25)) {
          out.append(" ".repeat(random.nextInt(indent + 2))).append('\n');
        }
      }
    }
  }
}
