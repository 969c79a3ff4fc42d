package dev.rolloutkit.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every verdict of {@code ../shared/reference/expr-vectors.tsv} (21,475 measurements judged by
 * Argo's own evaluator, v1.9.1 and the 1.10 line) is reproduced: the same phase and, for an Error,
 * the same message, or the condition is refused as outside the supported grammar.
 */
class ExprVectorsTest {

  static final Path VECTORS =
      Path.of(
              System.getProperty("rolloutkit.root", ".."),
              "..",
              "shared",
              "reference",
              "expr-vectors.tsv")
          .normalize();

  record Row(
      String id,
      String success,
      String failure,
      String resultJson,
      String phase19,
      String error19,
      String phase110,
      String error110) {}

  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(VECTORS, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.startsWith("id\t") || line.isBlank()) {
        continue;
      }
      String[] c = line.split("\t", -1);
      rows.add(new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]));
    }
    return rows;
  }

  /** v1.10's message, which the file stores as "<role>: <rest>". */
  static String full(Row row) {
    String e = row.error110();
    if (e.isEmpty()) {
      return e;
    }
    String role = e.substring(0, e.indexOf(':'));
    String condition = role.equals("successCondition") ? row.success() : row.failure();
    return "could not evaluate "
        + role
        + " \""
        + condition
        + "\": "
        + e.substring(role.length() + 2);
  }

  static Object result(String json) throws IOException {
    JsonNode node = new ObjectMapper().readTree(json);
    return value(node, true);
  }

  private static Object value(JsonNode node, boolean top) {
    if (node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      return switch (node.textValue()) {
        case "NaN" -> Double.NaN;
        case "+Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        default -> node.textValue();
      };
    }
    double[] values = new double[node.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (Double) value(node.get(i), false);
    }
    return values;
  }

  @Test
  void should_give_argos_verdict_on_every_vector_of_v1_9() throws IOException {
    check(ArgoVersion.V1_9);
  }

  @Test
  void should_give_argos_verdict_on_every_vector_of_v1_10() throws IOException {
    check(ArgoVersion.V1_10);
  }

  private void check(ArgoVersion version) throws IOException {
    List<Row> rows = rows();
    assertThat(rows).hasSize(21_475);
    Conditions conditions = Conditions.of(version);
    Map<String, Integer> refused = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    int judged = 0;
    for (Row row : rows) {
      Conditions.Verdict verdict;
      try {
        verdict = conditions.evaluate(row.success(), row.failure(), result(row.resultJson()));
      } catch (CannotSimulateException e) {
        refused.merge(e.getMessage(), 1, Integer::sum);
        continue;
      }
      judged++;
      String phase = version == ArgoVersion.V1_9 ? row.phase19() : row.phase110();
      String error = version == ArgoVersion.V1_9 ? row.error19() : full(row);
      String got = verdict.phase().argoName() + " " + verdict.message();
      String expected = phase + " " + error;
      if (!got.equals(expected)) {
        wrong.add(
            row.id()
                + " S["
                + row.success()
                + "] F["
                + row.failure()
                + "] "
                + row.resultJson()
                + ": expected "
                + expected
                + ", got "
                + got);
      }
    }
    assertThat(wrong).as("%d wrong of %d", wrong.size(), judged).isEmpty();
    // what is refused is outside the grammar of the issue (builtins such as sum() and filter(),
    // ?., ??, matches, indexing a string); every other row is judged
    assertThat(refused.keySet())
        .allSatisfy(
            reason ->
                assertThat(reason)
                    .matches(
                        "cannot simulate: (the builtin \\w+\\(\\)|the member accessor \\?\\.|the"
                            + " operator (\\?\\?|matches)|indexing a string) is outside the"
                            + " condition grammar rolloutkit evaluates"));
    assertThat(judged).as("rows judged (refused: %s)", refused).isEqualTo(18_457);
  }
}
