package dev.rolloutkit.analysis;

import java.util.regex.Pattern;

/**
 * Safe pieces of PromQL. Every value rolloutkit puts into a query goes through here, so no input
 * can change the query's structure: label values become one double-quoted string literal whatever
 * they contain, and names are checked against Prometheus' grammar.
 *
 * <p>Braces are escaped too ({@code \x7b}, {@code \x7d}): Argo substitutes {@code {{args.name}}}
 * anywhere in a metric before the query runs, so a value holding {@code {{args.…}}} must not
 * survive as such.
 *
 * <pre>{@code
 * PromQl.matcher("namespace", "ai-services")      // namespace="ai-services"
 * PromQl.quote("\"} or vector(1) #")             // "\"\x7d or vector(1) #"
 * }</pre>
 */
public final class PromQl {

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private PromQl() {}

  /** {@code value} as one PromQL double-quoted string literal. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    value
        .codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '{' -> out.append("\\x7b");
                case '}' -> out.append("\\x7d");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", c));
                  } else if (c == 0x2028
                      || c == 0x2029
                      || Character.getType(c) == Character.FORMAT) {
                    out.append(String.format("\\u%04x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"').toString();
  }

  /** An equality matcher {@code name="value"}, with the name checked and the value quoted. */
  public static String matcher(String labelName, String value) {
    return labelName(labelName) + "=" + quote(value);
  }

  /**
   * {@code name} if it is a valid Prometheus label name; otherwise an {@link
   * IllegalArgumentException}.
   */
  public static String labelName(String name) {
    if (name == null || !LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' is not a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __)");
    }
    return name;
  }

  /**
   * {@code name} if it is a valid Prometheus metric name; otherwise an {@link
   * IllegalArgumentException}.
   */
  public static String metricName(String name) {
    if (name == null || !METRIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)");
    }
    return name;
  }
}
