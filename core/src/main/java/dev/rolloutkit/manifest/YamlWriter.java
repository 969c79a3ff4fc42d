package dev.rolloutkit.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.emitter.Emitter;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.ImplicitTuple;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.events.StreamStartEvent;

/**
 * Writes JSON trees as YAML that means the same to every reader: to Kubernetes (go-yaml v2, YAML
 * 1.1) and to YAML 1.2 tools alike. snakeyaml-engine's emitter lays the documents out (block style,
 * two-space indent, sequences not indented under their key, no folding of long lines); {@link
 * #style} chooses how each string is written, the one rule for every writer of rolloutkit:
 *
 * <ul>
 *   <li>double-quoted, with escapes, when it holds NEL, LS or PS (line breaks to YAML 1.1 only), a
 *       byte-order mark or a control character;
 *   <li>a literal block when it has line breaks;
 *   <li>single-quoted when any reader could take it for something else written plain ({@code no},
 *       {@code on}, {@code ~}, {@code 0777}, {@code 1e3}, {@code 2024-01-01}, {@code <<}, …; see
 *       {@link KubeScalars#plainIsSafe});
 *   <li>plain otherwise. Where a style is not possible for the text, the emitter picks a quoted
 *       one, never plain.
 * </ul>
 */
final class YamlWriter {

  static final DumpSettings SETTINGS =
      DumpSettings.builder()
          .setExplicitStart(true)
          .setDefaultFlowStyle(FlowStyle.BLOCK)
          .setIndent(2)
          .setSplitLines(false)
          .setWidth(Integer.MAX_VALUE)
          .build();

  private static final ImplicitTuple IMPLICIT = new ImplicitTuple(true, true);
  private static final Optional<org.snakeyaml.engine.v2.common.Anchor> NO_ANCHOR = Optional.empty();
  private static final Optional<String> NO_TAG = Optional.empty();

  private YamlWriter() {}

  /** Appends {@code documents} to {@code out}, each starting with {@code ---}. */
  static void write(Iterable<JsonNode> documents, StringBuilder out) {
    if (FastYaml.ENABLED && FastYaml.write(documents, out)) {
      return;
    }
    emit(documents, out);
  }

  /**
   * {@link #SETTINGS} with every non-ASCII character escaped in double quotes: for documents
   * holding LINE or PARAGRAPH SEPARATOR, which the emitter would otherwise write raw (it has no
   * {@code \L} or {@code \P}), and which YAML 1.1 readers, Kubernetes among them, take as line
   * breaks.
   */
  static final DumpSettings ASCII_SETTINGS =
      DumpSettings.builder()
          .setExplicitStart(true)
          .setDefaultFlowStyle(FlowStyle.BLOCK)
          .setIndent(2)
          .setSplitLines(false)
          .setWidth(Integer.MAX_VALUE)
          .setUseUnicodeEncoding(false)
          .build();

  /** {@link #write} through snakeyaml-engine's emitter, always (the library path). */
  static void emit(Iterable<JsonNode> documents, StringBuilder out) {
    boolean separators = false;
    for (JsonNode document : documents) {
      separators |= holdsSeparator(document);
    }
    Emitter emitter = new Emitter(separators ? ASCII_SETTINGS : SETTINGS, new Appender(out));
    emitter.emit(new StreamStartEvent());
    for (JsonNode document : documents) {
      emitter.emit(new DocumentStartEvent(true, Optional.empty(), Map.of()));
      node(document, emitter);
      emitter.emit(new DocumentEndEvent(false));
    }
    emitter.emit(new StreamEndEvent());
  }

  private static void node(JsonNode node, Emitter emitter) {
    if (node.isObject()) {
      emitter.emit(
          new MappingStartEvent(
              NO_ANCHOR, NO_TAG, true, node.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK));
      var fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        string(field.getKey(), emitter);
        node(field.getValue(), emitter);
      }
      emitter.emit(new MappingEndEvent());
    } else if (node.isArray()) {
      emitter.emit(
          new SequenceStartEvent(
              NO_ANCHOR, NO_TAG, true, node.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK));
      for (JsonNode item : node) {
        node(item, emitter);
      }
      emitter.emit(new SequenceEndEvent());
    } else if (node.isTextual()) {
      string(node.textValue(), emitter);
    } else if (node.isBinary()) {
      string(node.asText(), emitter); // base64, as JSON carries it
    } else if (node.isNumber()) {
      plain(number(node), emitter);
    } else if (node.isBoolean() || node.isNull()) {
      plain(node.asText(), emitter);
    } else {
      throw new IllegalArgumentException(
          "cannot write a " + node.getNodeType() + " value as YAML: " + node);
    }
  }

  /** Whether a key or text of {@code node} holds U+2028 or U+2029. */
  private static boolean holdsSeparator(JsonNode node) {
    if (node.isTextual()) {
      return separator(node.textValue());
    }
    if (node.isObject()) {
      var names = node.fieldNames();
      while (names.hasNext()) {
        if (separator(names.next())) {
          return true;
        }
      }
    }
    for (JsonNode child : node) {
      if (holdsSeparator(child)) {
        return true;
      }
    }
    return false;
  }

  private static boolean separator(String text) {
    return text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0;
  }

  /**
   * A number as written in YAML: integers as they are, floats in a form every reader reads as the
   * same number.
   */
  static String number(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.asText();
    }
    double d = node.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException(
          "cannot write " + d + ": Kubernetes objects are JSON, which has no NaN or infinity");
    }
    if (node.isBigDecimal()) {
      return node.decimalValue().toString();
    }
    return Double.toString(d); // 0.95, 1.0E-5: a float to YAML 1.1 and 1.2 readers alike
  }

  private static void string(String text, Emitter emitter) {
    emitter.emit(new ScalarEvent(NO_ANCHOR, NO_TAG, IMPLICIT, text, style(text)));
  }

  private static void plain(String text, Emitter emitter) {
    emitter.emit(new ScalarEvent(NO_ANCHOR, NO_TAG, IMPLICIT, text, ScalarStyle.PLAIN));
  }

  /**
   * How a string is written (see the class description): the one rule for render, fmt and every
   * public writer.
   */
  static ScalarStyle style(String text) {
    if (KubeScalars.needsEscapes(text)) {
      checkEncodable(text);
      return ScalarStyle.DOUBLE_QUOTED;
    }
    if (text.indexOf('\n') >= 0) {
      return ScalarStyle.LITERAL;
    }
    return KubeScalars.plainIsSafe(text) ? ScalarStyle.PLAIN : ScalarStyle.SINGLE_QUOTED;
  }

  /** Refuses what no YAML (or UTF-8) can carry: a lone surrogate. */
  private static void checkEncodable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            String.format(
                "cannot write a text holding a lone surrogate (U+%04X at character %d):"
                    + " it is not a character, and UTF-8 cannot encode it",
                (int) c, i));
      }
    }
  }

  /** The emitter's output, into a string builder. */
  private record Appender(StringBuilder out) implements StreamDataWriter {
    @Override
    public void write(String str) {
      out.append(str);
    }

    @Override
    public void write(String str, int off, int len) {
      out.append(str, off, off + len);
    }
  }
}
