package dev.rolloutkit.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: a PromQL query's structure (string literals collapsed to one token) and Go-style
 * unquoting.
 */
final class PromQlStructure {

  private PromQlStructure() {}

  /**
   * The query with every string literal replaced by {@code "S"}; fails on an unterminated literal.
   */
  static String skeleton(String query) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '"' || c == '\'') {
        int end = endOfLiteral(query, i);
        out.append("\"S\"");
        i = end;
      } else if (c == '`') {
        int end = query.indexOf('`', i + 1);
        if (end < 0) {
          throw new AssertionError("unterminated raw string in: " + query);
        }
        out.append("\"S\"");
        i = end;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The string literals of the query, unquoted. */
  static List<String> literals(String query) {
    List<String> literals = new ArrayList<>();
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '"' || c == '\'') {
        int end = endOfLiteral(query, i);
        literals.add(unquote(query.substring(i, end + 1)));
        i = end;
      }
    }
    return literals;
  }

  private static int endOfLiteral(String query, int start) {
    char quote = query.charAt(start);
    for (int i = start + 1; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '\n') {
        throw new AssertionError("raw newline inside a string literal of: " + query);
      } else if (c == quote) {
        return i;
      }
    }
    throw new AssertionError("unterminated string literal in: " + query);
  }

  /** Go's strconv.Unquote for a double-quoted literal, for the escapes PromQl.quote writes. */
  static String unquote(String literal) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = literal.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case '\\' -> out.append('\\');
        case '"' -> out.append('"');
        case '\'' -> out.append('\'');
        case 'x' -> {
          out.append((char) Integer.parseInt(literal.substring(i + 1, i + 3), 16));
          i += 2;
        }
        case 'u' -> {
          out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new AssertionError("unknown escape \\" + e + " in " + literal);
      }
    }
    return out.toString();
  }
}
