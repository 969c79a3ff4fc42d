package dev.rolloutkit.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded YAML texts with every feature Kubernetes manifests meet: block and flow collections,
 * indented and indentless sequences, plain, single- and double-quoted, literal and folded scalars,
 * anchors, aliases and merge keys, explicit tags, comments, several documents, and adversarial
 * scalars (YAML 1.1 words in every case, number spellings, indicators, NEL/LS/PS, surrogate pairs,
 * long and multi-line strings).
 */
public final class YamlDocuments {

  /** Plain scalars valid in block context. */
  static final List<String> PLAIN =
      List.of(
          "a",
          "hello",
          "hello world",
          "a-b_c.d/e",
          "http://x:80/p?q=1",
          "mcp-server",
          "ghcr.io/acme/app:1.4.0",
          "sum(rate(x{a=\"b\"}[2m]))",
          "1:2:3.5",
          "12:30:45",
          "<<",
          "=",
          "~",
          "it's",
          "\u00e9t\u00e9",
          "\u65e5\u672c",
          "\ud83d\ude00x",
          "y",
          "Y",
          "n",
          "N",
          "yes",
          "Yes",
          "YES",
          "yEs",
          "no",
          "No",
          "NO",
          "nO",
          "on",
          "On",
          "ON",
          "oN",
          "off",
          "Off",
          "OFF",
          "true",
          "True",
          "TRUE",
          "tRUE",
          "false",
          "False",
          "FALSE",
          "null",
          "Null",
          "NULL",
          "nULL",
          "0",
          "1",
          "-1",
          "+1",
          "007",
          "08",
          "09.5",
          "0x1F",
          "0X1F",
          "0x1f",
          "0o17",
          "0O17",
          "0b101",
          "0B101",
          "+0x10",
          "-0o7",
          "1_000",
          "1__0",
          "_1",
          "1_",
          "1e3",
          "1E3",
          "1e+3",
          "1.5",
          ".5",
          "-.5",
          "+.5",
          "1.",
          "1.5e-3",
          "6.02e23",
          "1e400",
          ".inf",
          "-.Inf",
          "+.INF",
          ".nan",
          ".NaN",
          ".Nan",
          "Inf",
          "NaN",
          "inf",
          "9223372036854775807",
          "9223372036854775808",
          "18446744073709551615",
          "18446744073709551616",
          "-9223372036854775808",
          "-9223372036854775809",
          "0x8000000000000000",
          "2001-12-14",
          "2001-12-14t21:59:43.10-05:00",
          "2001-12-14 21:59:43.10",
          "1.2.3",
          "0.1",
          "100%",
          "50Mi",
          "2m30s",
          "a b  c",
          "x".repeat(130));

  /** Any text, for quoted styles. */
  static final List<String> TEXT =
      List.of(
          "",
          " ",
          " a",
          "a ",
          "a: b",
          "a #b",
          "#a",
          "- a",
          "-a",
          "? a",
          ": a",
          "[a]",
          "{a}",
          "a,b",
          "'",
          "''",
          "\"",
          "\\",
          "a\\nb",
          "line1\nline2",
          "a\tb",
          "tab\t",
          "\u0085",
          "a\u0085b",
          "a\u2028b",
          "a\u2029b",
          "\u00a0",
          "\ufeff",
          "\u0000",
          "\u0007",
          "\u007f",
          "\u009f",
          "\ud83d\ude00",
          "---",
          "...",
          "--- a",
          "%TAG",
          "@a",
          "`a",
          "!a",
          "&a",
          "*a",
          "|a",
          ">a",
          "a/b",
          "\u00e9");

  static final List<String> KEYS =
      List.of(
          "a",
          "b",
          "kind",
          "name",
          "value",
          "yes",
          "no",
          "on",
          "Off",
          "y",
          "n",
          "true",
          "FALSE",
          "null",
          "~",
          "1",
          "2",
          "-1",
          "0x10",
          "010",
          "0o10",
          "1.5",
          "1e6",
          "1234567.0",
          "0.1",
          ".inf",
          "1:30",
          "2001-12-14",
          "x".repeat(130),
          "a b",
          "\u00e9");

  private final Random random;
  private int anchors;
  private final List<String> mappingAnchors = new ArrayList<>();

  private YamlDocuments(Random random) {
    this.random = random;
  }

  /** A text of one to three documents. */
  public static String text(Random random) {
    YamlDocuments g = new YamlDocuments(random);
    StringBuilder out = new StringBuilder();
    int documents = 1 + random.nextInt(3);
    for (int d = 0; d < documents; d++) {
      if (d > 0 || random.nextInt(3) == 0) {
        out.append(random.nextInt(4) == 0 ? "--- # next\n" : "---\n");
      }
      if (random.nextInt(5) == 0) {
        out.append("# a comment\n");
      }
      g.mappingAnchors.clear();
      g.mapping(0, 0, out);
    }
    return out.toString();
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private void indent(int n, StringBuilder out) {
    out.append(" ".repeat(n));
  }

  /**
   * A block mapping at {@code indent}; the first key's indentation is already written if {@code
   * inline}.
   */
  private void mapping(int indent, int depth, StringBuilder out) {
    int entries = 1 + random.nextInt(4);
    for (int i = 0; i < entries; i++) {
      indent(indent, out);
      if (random.nextInt(12) == 0 && !mappingAnchors.isEmpty()) {
        out.append("<<: ");
        if (random.nextInt(3) == 0 && mappingAnchors.size() > 1) {
          out.append("[*")
              .append(pick(mappingAnchors))
              .append(", *")
              .append(pick(mappingAnchors))
              .append("]\n");
        } else {
          out.append('*').append(pick(mappingAnchors)).append('\n');
        }
        continue;
      }
      key(out);
      out.append(':');
      value(indent, depth, out);
    }
  }

  private void key(StringBuilder out) {
    String key = pick(KEYS);
    switch (random.nextInt(6)) {
      case 0 -> singleQuoted(key, out);
      case 1 -> doubleQuoted(key, out);
      default -> {
        if (key.isEmpty() || key.contains(" ") && random.nextBoolean()) {
          singleQuoted(key, out);
        } else {
          out.append(key);
        }
      }
    }
  }

  private void value(int indent, int depth, StringBuilder out) {
    int pick = depth >= 3 ? 6 + random.nextInt(10) : random.nextInt(16);
    switch (pick) {
      case 0, 1 -> {
        if (random.nextInt(3) == 0) {
          String anchor = "m" + anchors++;
          out.append(" &").append(anchor);
          out.append('\n');
          mapping(indent + 2, depth + 1, out);
          mappingAnchors.add(anchor);
        } else {
          out.append('\n');
          mapping(indent + 2, depth + 1, out);
        }
      }
      case 2, 3 -> {
        out.append('\n');
        sequence(random.nextBoolean() ? indent : indent + 2, depth + 1, out);
      }
      case 4 -> {
        out.append(' ');
        flow(depth, out);
        out.append('\n');
      }
      case 5 -> {
        out.append(' ');
        block(indent, out);
      }
      default -> {
        out.append(' ');
        scalar(out);
        if (random.nextInt(6) == 0) {
          out.append(" # note");
        }
        out.append('\n');
      }
    }
  }

  private void sequence(int indent, int depth, StringBuilder out) {
    int items = 1 + random.nextInt(3);
    for (int i = 0; i < items; i++) {
      indent(indent, out);
      out.append("- ");
      if (depth < 3 && random.nextInt(3) == 0) {
        // a mapping in the item: its first key on the dash's line
        int inner = indent + 2;
        key(out);
        out.append(':');
        value(inner, depth + 1, out);
        if (random.nextBoolean()) {
          indent(inner, out);
          key(out);
          out.append(':');
          value(inner, depth + 1, out);
        }
      } else {
        scalar(out);
        out.append('\n');
      }
    }
  }

  private void flow(int depth, StringBuilder out) {
    if (random.nextBoolean()) {
      out.append('[');
      for (int i = random.nextInt(4); i > 0; i--) {
        flowScalar(out);
        if (i > 1) {
          out.append(", ");
        }
      }
      out.append(']');
    } else {
      out.append('{');
      for (int i = random.nextInt(3); i > 0; i--) {
        doubleQuoted(pick(KEYS), out);
        out.append(": ");
        flowScalar(out);
        if (i > 1) {
          out.append(", ");
        }
      }
      out.append('}');
    }
  }

  private void flowScalar(StringBuilder out) {
    String text = pick(PLAIN);
    if (text.matches("[A-Za-z0-9._:+~-]*") && !text.isEmpty() && !text.startsWith("-")) {
      out.append(text);
    } else {
      doubleQuoted(text, out);
    }
  }

  private void block(int indent, StringBuilder out) {
    out.append(random.nextBoolean() ? '|' : '>');
    out.append(List.of("", "-", "+").get(random.nextInt(3)));
    out.append('\n');
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      indent(indent + 2, out);
      out.append(pick(List.of("line", "two words", "x: y", "# not a comment", "yes", "  more")));
      out.append('\n');
    }
    if (random.nextInt(4) == 0) {
      out.append('\n');
    }
  }

  private void scalar(StringBuilder out) {
    switch (random.nextInt(10)) {
      case 0 -> singleQuoted(pick(random.nextBoolean() ? TEXT : PLAIN), out);
      case 1, 2 -> doubleQuoted(pick(random.nextBoolean() ? TEXT : PLAIN), out);
      case 3 -> tagged(out);
      default -> out.append(pick(PLAIN));
    }
  }

  private void tagged(StringBuilder out) {
    String[][] pairs = {
      {"!!str", "1"}, {"!!str", "yes"}, {"!!str", "~"}, {"!!int", "\"12\""}, {"!!int", "0x1F"},
      {"!!int", "abc"}, {"!!float", "1"}, {"!!float", "'1.5'"}, {"!!bool", "yes"}, {"!!bool", "1"},
      {"!!null", "~"}, {"!!null", "\"\""}, {"!!str", "\"\""}
    };
    String[] pair = pairs[random.nextInt(pairs.length)];
    out.append(pair[0]).append(' ').append(pair[1]);
  }

  /** Single-quoted, or double-quoted where single quotes cannot carry the text on one line. */
  private void singleQuoted(String text, StringBuilder out) {
    for (char c : text.toCharArray()) {
      if (c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f && c != 0x85 || c == 0xfeff) {
        doubleQuoted(text, out);
        return;
      }
    }
    out.append('\'');
    for (char c : text.toCharArray()) {
      out.append(c == '\'' ? "''" : String.valueOf(c));
    }
    out.append('\'');
  }

  private void doubleQuoted(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append(random.nextBoolean() ? "\\t" : "\t");
        case '/' -> out.append(random.nextBoolean() ? "\\/" : "/");
        case '\u0085' -> out.append(random.nextBoolean() ? "\\N" : "\\x85");
        case '\u2028' -> out.append("\\L");
        case '\u2029' -> out.append("\\P");
        case '\u00a0' -> out.append("\\_");
        default -> {
          if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0xfeff) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
