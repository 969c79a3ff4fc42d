package dev.rolloutkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Lint's documents read straight from the subset scanner are the documents read through Jackson's YAML parser: the same
 * buffered tokens (types, texts, number types and values), the same positions for every key and item, repeated keys,
 * top-level {@code apiVersion} and {@code kind}, number check, and the same refusals; and a text holding a number the
 * parser reads otherwise than as a plain {@code int} goes through the parser.
 */
class SubsetYamlDocumentsTest {

  private static final ObjectMapper LINT = Lint.yamlMapper();

  /** Everything lint takes from a text's documents, or the refusal. */
  private static List<String> describe(String text, boolean direct) {
    List<String> out = new ArrayList<>();
    try {
      List<YamlLocations> documents = direct ? YamlLocations.of("f.yaml", text, LINT) : YamlLocations.throughParser("f.yaml", text, LINT);
      for (YamlLocations document : documents) {
        out.add("document empty=" + document.empty() + " mapping=" + document.mapping() + " plainNumbers=" + document.plainNumbers()
            + " apiVersion=" + document.topLevelText("apiVersion") + " kind=" + document.topLevelText("kind") + " text="
            + document.topLevelText("") + " repeated=" + document.repeatedKeys() + " at=" + document.locate(""));
        try (JsonParser tokens = document.tokens()) {
          JsonToken token;
          while ((token = tokens.nextToken()) != null) {
            StringBuilder b = new StringBuilder(token.name());
            if (token.isScalarValue() || token == JsonToken.FIELD_NAME) {
              b.append(" <").append(tokens.getText()).append('>');
            }
            if (token.isNumeric()) {
              Number n = tokens.getNumberValue();
              b.append(' ').append(tokens.getNumberType()).append(' ').append(n.getClass().getSimpleName()).append(' ').append(n);
            }
            out.add(b.toString());
          }
        }
        if (document.mapping()) {
          located(document, document.document(), "", out);
        }
      }
    } catch (YamlLocations.PositionedException e) {
      out.add("REFUSED " + e.getClass().getSimpleName() + " " + e.line + ":" + e.column + " " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      out.add("ERROR " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
    return out;
  }

  /** The position lint gives every key and item of the document. */
  private static void located(YamlLocations document, JsonNode node, String path, List<String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        out.add(at + " @" + document.locate(at));
        located(document, field.getValue(), at, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String at = path + "[" + i + "]";
        out.add(at + " @" + document.locate(at));
        located(document, node.get(i), at, out);
      }
    }
  }

  /** True if the text was read straight from the scanner; either way it must read as through the parser. */
  private static boolean agrees(String text) {
    assertThat(describe(text, true)).as("documents of:%n%s", text).isEqualTo(describe(text, false));
    try {
      return SubsetYamlDocuments.read("f.yaml", text, LINT) != null;
    } catch (IOException e) {
      return true; // refused as the parser's walk refuses it (compared above)
    }
  }

  @Test
  void should_read_manifest_constructs_as_through_the_parser() {
    List<String> constructs = SubsetYamlEventsTest.manifestConstructs().toList();
    int direct = 0;
    for (String text : constructs) {
      if (agrees(text)) {
        direct++;
      }
    }
    // The constructs with other numbers (1.5, 0755, 0x1F, 1_000, ...) go through the parser.
    assertThat(direct).isGreaterThan(constructs.size() / 2);
  }

  @Test
  void should_read_the_pinned_crds_examples_and_golden_files_as_through_the_parser() throws IOException {
    List<Path> files = SubsetYamlEventsTest.manifestFiles();
    int direct = 0;
    for (Path file : files) {
      if (agrees(Files.readString(file))) {
        direct++;
      }
    }
    assertThat(direct).as("files read straight from the scanner").isGreaterThan(files.size() / 2);
  }

  /** Every scalar of the random documents, as a value, an item, a top-level kind, and a repeated key's value. */
  @Test
  void should_give_each_scalar_the_token_the_parser_gives_it() {
    for (String scalar : SubsetYamlEventsTest.RandomYaml.SCALARS) {
      agrees("kind: " + scalar + "\na:\n  b: " + scalar + "\n  c:\n  - " + scalar + "\n  - [" + scalar + "]\n");
      agrees("a: " + scalar + "\na: " + scalar + "\n");
      agrees("a: " + scalar + "\nb:\n  c: 1\n  c: " + scalar + "\n");
    }
  }

  /** Random number-like and word-like plain scalars: the resolver's patterns and the shortcuts before them agree. */
  @ParameterizedTest
  @MethodSource("seeds")
  void should_resolve_number_like_and_word_like_scalars_as_the_parser_does(int seed) {
    Random random = new Random(seed);
    String first = "0123456789-+.tTfFyYnNoO~";
    String rest = "0123456789-+._:eExXbBoO abfinfINFNaNstTZm";
    String[] words = {"true", "True", "TRUE", "tRue", "false", "no", "No", "nO", "yes", "on", "On", "oN", "off", "OFF", "y", "n",
        "null", "Null", "nULL", "~", "~x", "nan", "inf", "1e3", "1.5e", "0x1F", "0b1", "0o7", "1:30", "1:2:3", "2001-12-14"};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 600; i++) {
      String scalar;
      if (random.nextInt(4) == 0) {
        scalar = words[random.nextInt(words.length)];
      } else {
        StringBuilder b = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
        for (int n = random.nextInt(7); n > 0; n--) {
          b.append(rest.charAt(random.nextInt(rest.length())));
        }
        scalar = b.toString().strip();
      }
      String one = "k: " + scalar + "\n";
      if (SubsetYamlEvents.read(one) != null) {
        agrees(one); // each alone, so one number only the parser reads does not send the others there too
        text.append("k").append(i).append(": ").append(scalar).append('\n');
      }
    }
    agrees(text.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a: 1\nb: 2\na: 1\n", "a: 1\nb: 2\na: 2\n", "a: x\na: 'x'\n", "a:\n  b: [1]\n  b: [1]\n", "a: -0\nb: 0\n", "a: [1, -0]\n",
      "apiVersion: v1\napiVersion: v1\nkind: S\n", "apiVersion: v1\nkind: 1\n", "kind: ~\nkind: null\n", "a: yes\na: true\n",
      "a: 1\na: 2\n---\nb: 1.5\n", "a: 1.5\n---\nb: 1\nb: 2\n", "---\n---\n", "a: 123456789\nb: 1234567890\n", "a: -123456789\n"})
  void should_refuse_and_keep_what_the_parser_route_refuses_and_keeps(String text) {
    agrees(text);
  }

  static java.util.stream.Stream<Integer> seeds() {
    return SubsetYamlEventsTest.seeds();
  }

  /** Random manifests of every construct (in and out of the subset), with kinds written in, and mutations of them. */
  @ParameterizedTest
  @MethodSource("seeds")
  void should_read_random_documents_and_their_mutations_as_through_the_parser(int seed) {
    Random random = new Random(seed);
    int direct = 0;
    for (int i = 0; i < 200; i++) {
      String text = new SubsetYamlEventsTest.RandomYaml(random).documents();
      if (random.nextBoolean()) {
        text = text.replace("name:", random.nextBoolean() ? "kind:" : "apiVersion:");
      }
      if (agrees(text)) {
        direct++;
      }
      for (int m = 0; m < 3; m++) {
        agrees(SubsetYamlEventsTest.mutate(text, random));
      }
    }
    assertThat(direct).as("random documents read straight from the scanner").isGreaterThan(20);
  }
}
