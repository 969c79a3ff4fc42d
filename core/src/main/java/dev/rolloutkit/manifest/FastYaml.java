package dev.rolloutkit.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The fast path of {@link YamlWriter}: writes the documents most manifests are made of (block
 * mappings and sequences of plain and single-quoted one-line scalars) straight into text, byte for
 * byte as snakeyaml-engine's emitter lays them out under {@link YamlWriter#SETTINGS}, and gives up
 * on anything else (a literal or double-quoted scalar, a key of 128 characters or more, a sequence
 * in a sequence, a text whose plain style it cannot decide), leaving the whole write to the
 * emitter. A render's YAML is most of a cold start's writing time through the emitter; {@code
 * FastYamlTest} checks this path against the emitter's output, and {@code
 * -Drolloutkit.fastYaml=false} turns it off.
 */
final class FastYaml {

  static final boolean ENABLED = !"false".equals(System.getProperty("rolloutkit.fastYaml"));

  /** The emitter's longest simple (implicit) key, less one. */
  private static final int MAX_SIMPLE_KEY = 127;

  private FastYaml() {}

  /** Signals a document this path leaves to the emitter. */
  private static final class GiveUp extends Exception {
    GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  /**
   * Appends {@code documents} to {@code out} as the emitter would and returns true, or leaves
   * {@code out} as it was and returns false.
   */
  static boolean write(Iterable<JsonNode> documents, StringBuilder out) {
    int start = out.length();
    try {
      for (JsonNode document : documents) {
        if (!document.isObject() || document.isEmpty()) {
          throw GIVE_UP;
        }
        out.append("---\n");
        mapping(document, 0, out);
      }
      return true;
    } catch (GiveUp e) {
      out.setLength(start);
      return false;
    }
  }

  /**
   * A non-empty block mapping whose first key starts at the current position, at {@code indent}.
   */
  private static void mapping(JsonNode node, int indent, StringBuilder out) throws GiveUp {
    boolean first = true;
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!first) {
        spaces(indent, out);
      }
      first = false;
      String key = field.getKey();
      if (key.length() > MAX_SIMPLE_KEY) {
        throw GIVE_UP;
      }
      scalar(key, out);
      out.append(':');
      value(field.getValue(), indent, out);
    }
  }

  /** The value of a mapping entry whose key is at {@code indent}, written after the colon. */
  private static void value(JsonNode value, int indent, StringBuilder out) throws GiveUp {
    if (value.isObject()) {
      if (value.isEmpty()) {
        out.append(" {}\n");
      } else {
        out.append('\n');
        spaces(indent + 2, out);
        mapping(value, indent + 2, out);
      }
    } else if (value.isArray()) {
      if (value.isEmpty()) {
        out.append(" []\n");
      } else {
        out.append('\n');
        sequence(value, indent, out);
      }
    } else {
      out.append(' ');
      leaf(value, out);
      out.append('\n');
    }
  }

  /** A non-empty block sequence at {@code indent}, each item on a new line. */
  private static void sequence(JsonNode node, int indent, StringBuilder out) throws GiveUp {
    for (JsonNode item : node) {
      spaces(indent, out);
      out.append("- ");
      if (item.isObject()) {
        if (item.isEmpty()) {
          out.append("{}\n");
        } else {
          mapping(item, indent + 2, out);
        }
      } else if (item.isArray()) {
        if (item.isEmpty()) {
          out.append("[]\n");
        } else {
          throw GIVE_UP;
        }
      } else {
        leaf(item, out);
        out.append('\n');
      }
    }
  }

  private static void leaf(JsonNode node, StringBuilder out) throws GiveUp {
    if (node.isTextual()) {
      scalar(node.textValue(), out);
    } else if (node.isNumber()) {
      out.append(YamlWriter.number(node));
    } else if (node.isBoolean() || node.isNull()) {
      out.append(node.asText());
    } else {
      throw GIVE_UP;
    }
  }

  /** A string as {@link YamlWriter#style} and the emitter would write it, or give up. */
  private static void scalar(String text, StringBuilder out) throws GiveUp {
    if (text.isEmpty() || !printableAscii(text)) {
      throw GIVE_UP;
    }
    if (KubeScalars.plainIsSafe(text)) {
      if (!plainAllowed(text)) {
        throw GIVE_UP; // the emitter would pick a quoted style; leave the choice to it
      }
      out.append(text);
    } else {
      out.append('\'');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        out.append(c);
        if (c == '\'') {
          out.append('\'');
        }
      }
      out.append('\'');
    }
  }

  /** Printable ASCII and spaces only: no line break, tab, control or non-ASCII character. */
  private static boolean printableAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the emitter allows {@code text} plain in block context, for printable ASCII: no leading
   * or trailing space, no indicator where it starts a token, no {@code ": "} or {@code " #"}, no
   * trailing colon, no document marker. Answers false where unsure.
   */
  static boolean plainAllowed(String text) {
    char first = text.charAt(0);
    int last = text.length() - 1;
    if (first == ' ' || text.charAt(last) == ' ' || text.charAt(last) == ':') {
      return false;
    }
    if ("#,[]{}&*!|>'\"%@`-?:".indexOf(first) >= 0) {
      return false;
    }
    if (text.startsWith("...")) {
      return false;
    }
    for (int i = 1; i < last; i++) {
      char c = text.charAt(i);
      if (c == ':' && text.charAt(i + 1) == ' ' || c == '#' && text.charAt(i - 1) == ' ') {
        return false;
      }
    }
    return last == 0 || !(text.charAt(last) == '#' && text.charAt(last - 1) == ' ');
  }

  private static void spaces(int n, StringBuilder out) {
    for (int i = 0; i < n; i++) {
      out.append(' ');
    }
  }
}
