package dev.rolloutkit.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an instant query returns, read from its outermost structure: a scalar ({@code scalar(…)}, a
 * number), one series (an aggregation without {@code by}/{@code without}, {@code vector(…)}, a
 * {@code histogram_quantile} over an aggregation {@code by (le)}), or possibly several (a bare
 * selector, {@code rate(…)} without aggregation, {@code sum by (pod)}). Argo's Prometheus provider
 * passes a scalar as a float, so {@code len(result)} and {@code result[0]} do not compile and every
 * measurement is an Error; of several series only {@code result[0]}, the first in the API's order,
 * is judged.
 *
 * <pre>{@code
 * QueryShape.of("sum(rate(x[2m])) / sum(rate(y[2m]))")   // ONE_SERIES
 * QueryShape.of("scalar(sum(rate(x[2m])))")              // SCALAR
 * QueryShape.of("rate(x[2m])")                           // SERIES
 * }</pre>
 *
 * @see <a
 *     href="https://github.com/argoproj/argo-rollouts/blob/master/metricproviders/prometheus/prometheus.go">Argo's
 *     Prometheus provider, processResponse</a>
 */
public enum QueryShape {
  /** A scalar: Argo's {@code result} is a float64. */
  SCALAR,
  /** At most one series: {@code result} is a slice of length 0 or 1. */
  ONE_SERIES,
  /** Possibly several series: only {@code result[0]} would be judged. */
  SERIES;

  private static final Set<String> AGGREGATIONS =
      Set.of("sum", "min", "max", "avg", "count", "group", "stddev", "stdvar", "quantile");
  private static final Set<String> SERIES_PRESERVING =
      Set.of(
          "abs",
          "ceil",
          "floor",
          "round",
          "clamp",
          "clamp_min",
          "clamp_max",
          "exp",
          "ln",
          "log2",
          "log10",
          "sqrt",
          "sgn",
          "timestamp",
          "histogram_quantile");
  private static final Set<String> WORD_OPERATORS = Set.of("and", "or", "unless");

  /** The last answers, by query text: stacks and lint ask about the same few queries again. */
  private static final java.util.Map<String, Object[]> RECENT =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, Object[]> eldest) {
              return size() > 256;
            }
          });

  private static Object[] facts(String query) {
    Object[] known = RECENT.get(query);
    if (known == null) {
      List<String> numerators = new ArrayList<>();
      ratios(query.trim(), numerators);
      known = new Object[] {shape(query.trim()), List.copyOf(numerators)};
      RECENT.put(query, known);
    }
    return known;
  }

  /** The shape of {@code query}. */
  public static QueryShape of(String query) {
    return (QueryShape) facts(query)[0];
  }

  /**
   * Why {@code query} cannot be one gate check, or empty: a scalar or possibly several series, said
   * in words a user can act on.
   */
  public static Optional<String> problem(String query) {
    return switch (of(query)) {
      case SCALAR ->
          Optional.of(
              "the query returns a scalar; Argo passes it as a number, so len(result) and"
                  + " result[0] do not compile and every measurement is an Error. Drop scalar()");
      case SERIES ->
          Optional.of(
              "the query can return several series and Argo judges only result[0], the first"
                  + " in Prometheus' order; aggregate it to one (sum(…), max(…), or"
                  + " histogram_quantile over sum(…) by (le))");
      case ONE_SERIES -> Optional.empty();
    };
  }

  /**
   * The numerators of ratios in {@code query} that vanish when nothing matches them: {@code
   * sum(rate(x{status="error"}[2m])) / sum(rate(x[2m]))} divides a subset (a label matcher the
   * denominator does not have) without {@code or vector(0)}. A version that never failed has no
   * error series, so such a ratio is an empty vector exactly when the release is perfect.
   */
  @SuppressWarnings("unchecked")
  public static List<String> unsafeRatioNumerators(String query) {
    return (List<String>) facts(query)[1];
  }

  private static void ratios(String q, List<String> found) {
    q = stripParens(q);
    List<String> operands = new ArrayList<>();
    List<String> operators = new ArrayList<>();
    split(q, operands, operators);
    if (operands.size() == 1) {
      // a function's or aggregation's argument may hold a ratio too
      int open = q.indexOf('(');
      if (open > 0 && close(q, open) == q.length() - 1) {
        String args = q.substring(open + 1, q.length() - 1);
        for (int comma; (comma = topLevelComma(args)) >= 0; args = args.substring(comma + 1)) {
          ratios(args.substring(0, comma), found);
        }
        ratios(args, found);
      }
      return;
    }
    for (int i = 0; i < operators.size(); i++) {
      if (operators.get(i).equals("/")) {
        String numerator = stripParens(operands.get(i).trim());
        String denominator = operands.get(i + 1);
        if (subset(numerator, denominator) && !hasTopLevelOr(numerator)) {
          found.add(numerator);
        }
      }
    }
    for (String operand : operands) {
      if (stripParens(operand.trim()).length() < operand.trim().length()) {
        ratios(operand, found);
      }
    }
  }

  private static boolean hasTopLevelOr(String q) {
    List<String> operands = new ArrayList<>();
    List<String> operators = new ArrayList<>();
    split(stripParens(q), operands, operators);
    return operators.stream().anyMatch(o -> o.equalsIgnoreCase("or"));
  }

  private static final java.util.regex.Pattern MATCHER =
      java.util.regex.Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");

  /** Whether {@code numerator} selects with a label matcher {@code denominator} does not have. */
  private static boolean subset(String numerator, String denominator) {
    java.util.Set<String> n = matchers(numerator);
    java.util.Set<String> d = matchers(denominator);
    if (n.isEmpty()) {
      return false;
    }
    n.removeAll(d);
    return !n.isEmpty();
  }

  private static java.util.Set<String> matchers(String q) {
    java.util.Set<String> labels = new java.util.TreeSet<>();
    for (int open = q.indexOf('{'); open >= 0; open = q.indexOf('{', open + 1)) {
      int end = close(q, open);
      java.util.regex.Matcher m = MATCHER.matcher(q.substring(open + 1, end));
      while (m.find()) {
        labels.add(m.group(1) + m.group(2));
      }
    }
    return labels;
  }

  private static QueryShape shape(String q) {
    q = stripParens(q);
    List<String> operands = new ArrayList<>();
    List<String> operators = new ArrayList<>();
    split(q, operands, operators);
    if (operands.size() > 1) {
      QueryShape result = null;
      for (int i = 0; i < operands.size(); i++) {
        QueryShape s = shape(operands.get(i));
        result = result == null ? s : combine(result, s);
      }
      return result;
    }
    return operand(q);
  }

  private static QueryShape combine(QueryShape a, QueryShape b) {
    if (a == SERIES || b == SERIES) {
      return SERIES;
    }
    if (a == SCALAR && b == SCALAR) {
      return SCALAR;
    }
    return ONE_SERIES;
  }

  private static QueryShape operand(String q) {
    q = stripParens(q.trim());
    if (q.isEmpty()) {
      return SERIES;
    }
    if (q.startsWith("-") || q.startsWith("+")) {
      return operand(q.substring(1));
    }
    if (Character.isDigit(q.charAt(0)) || q.startsWith(".")) {
      return SCALAR;
    }
    int i = 0;
    while (i < q.length()
        && (Character.isLetterOrDigit(q.charAt(i)) || "_:".indexOf(q.charAt(i)) >= 0)) {
      i++;
    }
    String word = q.substring(0, i).toLowerCase(Locale.ROOT);
    if (word.equals("inf") || word.equals("nan")) {
      return SCALAR;
    }
    String rest = q.substring(i).trim();
    if (word.equals("scalar") && rest.startsWith("(")) {
      return SCALAR;
    }
    if ((word.equals("vector") || word.equals("absent") || word.equals("absent_over_time"))
        && rest.startsWith("(")) {
      return ONE_SERIES;
    }
    if (AGGREGATIONS.contains(word)) {
      // sum by (a) (x), sum (x) by (a), sum without (a) (x)
      String grouping = grouping(rest);
      return grouping == null || grouping.isBlank() ? ONE_SERIES : SERIES;
    }
    if ((word.equals("topk") || word.equals("bottomk")) && rest.startsWith("(")) {
      String args = rest.substring(1, close(rest, 0));
      String k = args.split(",", 2)[0].trim();
      return k.equals("1") && grouping(rest) == null ? ONE_SERIES : SERIES;
    }
    if (word.equals("histogram_quantile") && rest.startsWith("(")) {
      String args = rest.substring(1, close(rest, 0));
      int comma = topLevelComma(args);
      if (comma < 0) {
        return SERIES;
      }
      String inner = stripParens(args.substring(comma + 1).trim());
      int w = 0;
      while (w < inner.length()
          && (Character.isLetter(inner.charAt(w)) || inner.charAt(w) == '_')) {
        w++;
      }
      String innerWord = inner.substring(0, w).toLowerCase(Locale.ROOT);
      if (AGGREGATIONS.contains(innerWord)) {
        String grouping = grouping(inner.substring(innerWord.length()).trim());
        if (grouping != null && !grouping.isBlank() && !grouping.startsWith("without")) {
          List<String> labels = new ArrayList<>();
          for (String l : grouping.replaceFirst("^by", "").replaceAll("[()\\s]", "").split(",")) {
            if (!l.isEmpty() && !l.equals("le")) {
              labels.add(l);
            }
          }
          return labels.isEmpty() ? ONE_SERIES : SERIES;
        }
      }
      return SERIES;
    }
    if (SERIES_PRESERVING.contains(word) && rest.startsWith("(")) {
      String args = rest.substring(1, close(rest, 0));
      int comma = topLevelComma(args);
      return shape(comma < 0 ? args : args.substring(0, comma));
    }
    return SERIES;
  }

  /**
   * The grouping clause of an aggregation ({@code by (a, b)} or {@code without (a)}), before or
   * after its argument; "" for {@code by ()}, null for none.
   */
  private static String grouping(String rest) {
    String lower = rest.toLowerCase(Locale.ROOT);
    if (lower.startsWith("by") || lower.startsWith("without")) {
      int open = rest.indexOf('(');
      int end = close(rest, open);
      String clause = rest.substring(0, end + 1);
      return clause.startsWith("without") ? clause : clause.replaceAll("^by\\s*\\(\\s*\\)$", "");
    }
    if (!rest.startsWith("(")) {
      return null;
    }
    int end = close(rest, 0);
    String after = rest.substring(end + 1).trim();
    String afterLower = after.toLowerCase(Locale.ROOT);
    if (afterLower.startsWith("by") || afterLower.startsWith("without")) {
      int open = after.indexOf('(');
      String clause = after.substring(0, close(after, open) + 1);
      return clause.startsWith("without") ? clause : clause.replaceAll("^by\\s*\\(\\s*\\)$", "");
    }
    return null;
  }

  /** Splits at binary operators outside brackets, strings and modifiers. */
  private static void split(String q, List<String> operands, List<String> operators) {
    int depth = 0;
    int start = 0;
    boolean expectOperand = true;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = skipString(q, i);
        expectOperand = false;
        continue;
      }
      if ("([{".indexOf(c) >= 0) {
        depth++;
        continue;
      }
      if (")]}".indexOf(c) >= 0) {
        depth--;
        expectOperand = false;
        continue;
      }
      if (depth != 0 || Character.isWhitespace(c)) {
        continue;
      }
      int length = operatorLength(q, i);
      if (length > 0 && !expectOperand) {
        operands.add(q.substring(start, i));
        operators.add(q.substring(i, i + length));
        i += length - 1;
        // bool, on(...), ignoring(...), group_left(...), group_right(...)
        int j = skipModifiers(q, i + 1);
        i = j - 1;
        start = j;
        expectOperand = true;
        continue;
      }
      expectOperand = false;
      if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < q.length()
            && (Character.isLetterOrDigit(q.charAt(j)) || "_:".indexOf(q.charAt(j)) >= 0)) {
          j++;
        }
        i = j - 1;
      }
    }
    operands.add(q.substring(start));
  }

  private static int operatorLength(String q, int i) {
    char c = q.charAt(i);
    switch (c) {
      case '=', '!' -> {
        return i + 1 < q.length() && q.charAt(i + 1) == '=' ? 2 : 0;
      }
      case '>', '<' -> {
        return i + 1 < q.length() && q.charAt(i + 1) == '=' ? 2 : 1;
      }
      case '/', '*', '+', '-', '%', '^' -> {
        return 1;
      }
      case 'a', 'o', 'u', 'A', 'O', 'U' -> {
        for (String word : WORD_OPERATORS) {
          if (q.regionMatches(true, i, word, 0, word.length())
              && (i == 0 || !Character.isLetterOrDigit(q.charAt(i - 1)))
              && (i + word.length() == q.length()
                  || !Character.isLetterOrDigit(q.charAt(i + word.length()))
                      && q.charAt(i + word.length()) != '_')) {
            return word.length();
          }
        }
        return 0;
      }
      default -> {
        return 0;
      }
    }
  }

  private static int skipModifiers(String q, int i) {
    while (true) {
      int j = i;
      while (j < q.length() && Character.isWhitespace(q.charAt(j))) {
        j++;
      }
      boolean found = false;
      for (String m : List.of("bool", "on", "ignoring", "group_left", "group_right")) {
        if (q.regionMatches(true, j, m, 0, m.length())
            && (j + m.length() == q.length()
                || !Character.isLetterOrDigit(q.charAt(j + m.length()))
                    && q.charAt(j + m.length()) != '_')) {
          j += m.length();
          int k = j;
          while (k < q.length() && Character.isWhitespace(q.charAt(k))) {
            k++;
          }
          if (!m.equals("bool") && k < q.length() && q.charAt(k) == '(') {
            j = close(q, k) + 1;
          }
          found = true;
          break;
        }
      }
      if (!found) {
        return i;
      }
      i = j;
    }
  }

  private static int skipString(String q, int i) {
    char quote = q.charAt(i);
    for (int j = i + 1; j < q.length(); j++) {
      if (q.charAt(j) == '\\' && quote != '`') {
        j++;
      } else if (q.charAt(j) == quote) {
        return j;
      }
    }
    return q.length() - 1;
  }

  /** The index of the bracket closing the one at {@code open}; the end when unbalanced. */
  private static int close(String q, int open) {
    if (open < 0) {
      return q.length() - 1;
    }
    int depth = 0;
    for (int i = open; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = skipString(q, i);
      } else if ("([{".indexOf(c) >= 0) {
        depth++;
      } else if (")]}".indexOf(c) >= 0 && --depth == 0) {
        return i;
      }
    }
    return q.length() - 1;
  }

  private static int topLevelComma(String args) {
    int depth = 0;
    for (int i = 0; i < args.length(); i++) {
      char c = args.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = skipString(args, i);
      } else if ("([{".indexOf(c) >= 0) {
        depth++;
      } else if (")]}".indexOf(c) >= 0) {
        depth--;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String stripParens(String q) {
    q = q.trim();
    while (q.startsWith("(") && close(q, 0) == q.length() - 1) {
      q = q.substring(1, q.length() - 1).trim();
    }
    return q;
  }
}
