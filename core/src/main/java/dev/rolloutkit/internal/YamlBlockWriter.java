package dev.rolloutkit.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.rolloutkit.internal.wire.MapperFreeWire;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Writes an object as fabric8's {@code asYaml} does, byte for byte, with an emitter of its own for the part of YAML
 * rolloutkit writes: block mappings and sequences, {@code []} and {@code {}} for empty ones, and string, integer,
 * boolean and null scalars. The object goes into a token buffer through its generated serializer without a mapper
 * ({@link MapperFreeWire}) where it can, else through the same Jackson mapper; layout and scalar
 * styles follow the rules of snakeyaml-engine's emitter under fabric8's settings (explicit {@code ---}, block style,
 * indent 2, sequences not indented under their key, width 80 with lines folded at spaces, plain where YAML allows,
 * else single-quoted, else double-quoted; multi-line strings literal; single-letter {@code y}/{@code n} keys
 * double-quoted).
 *
 * <p>What it does not reproduce it refuses with {@link DirectYaml.Unsupported}, leaving the output as it was, and the
 * caller takes the slower exact path: floating-point numbers, binary values, strings with control or other
 * non-printable characters (tabs and carriage returns included) or a lone surrogate, and a mapping with a repeated key. (A string that would read back as
 * something else when plain is quoted, so no scalar here needs an explicit tag.) {@code YamlBlockWriterTest} proves the
 * bytes equal over every preset, every golden file and seeded random documents, and that presets never fall back.
 */
final class YamlBlockWriter {

  private static final DumpSettings SETTINGS =
      DumpSettings.builder().setExplicitStart(true).setDefaultFlowStyle(FlowStyle.BLOCK).build();
  private static final ScalarResolver RESOLVER = SETTINGS.getSchema().getScalarResolver();

  private static final int BEST_INDENT = 2;
  private static final int BEST_WIDTH = 80;
  /** The emitter counts a key's tag ({@code !!str}) in its 128-character limit for simple keys. */
  private static final int MAX_SIMPLE_KEY = 128 - "!!str".length();

  private enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

  /** Asked only for an object {@link MapperFreeWire} cannot write (so a render of a preset never builds the mapper). */
  private final Supplier<ObjectMapper> mapper;

  YamlBlockWriter(Supplier<ObjectMapper> mapper) {
    this.mapper = mapper;
  }

  /** Appends one document ({@code ---} first) to {@code out}; on {@link DirectYaml.Unsupported}, {@code out} is left as it was. */
  void write(Object value, StringBuilder out) {
    int mark = out.length();
    try {
      TokenBuffer tokens = MapperFreeWire.tokens(value);
      if (tokens == null) {
        ObjectMapper jackson = mapper.get();
        tokens = new TokenBuffer(jackson, false);
        jackson.writeValue(tokens, value);
      }
      try (JsonParser parser = tokens.asParser()) {
        Emitter emitter = new Emitter(parser, out);
        emitter.document(parser.nextToken());
      }
    } catch (DirectYaml.Unsupported e) {
      out.setLength(mark);
      throw e;
    } catch (IOException e) {
      out.setLength(mark);
      throw new DirectYaml.Unsupported(e.getMessage());
    }
  }

  /** One document's emitter: the state the upstream emitter keeps (indent, column, whitespace, indention, contexts). */
  private static final class Emitter {
    private final JsonParser parser;
    private final StringBuilder out;

    private int[] indents = new int[16];
    private int depth;
    /** -1 stands for the upstream emitter's "no indent yet". */
    private int indent = -1;
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private boolean mappingContext;
    private boolean simpleKeyContext;

    Emitter(JsonParser parser, StringBuilder out) {
      this.parser = parser;
      this.out = out;
    }

    void document(JsonToken root) throws IOException {
      writeIndent();
      writeIndicator("---", true, false, false);
      node(root, false, false);
      writeIndent();
    }

    private void node(JsonToken token, boolean mapping, boolean simpleKey) throws IOException {
      mappingContext = mapping;
      simpleKeyContext = simpleKey;
      switch (token) {
        case START_OBJECT -> mapping();
        case START_ARRAY -> sequence();
        case VALUE_STRING -> {
          String text = parser.getText();
          scalar(text, requested(text));
        }
        // An integer's decimal digits, true, false and null resolve to their own tags: plain, no tag, no analysis needed.
        case VALUE_NUMBER_INT -> writeWord(parser.getNumberValue().toString());
        case VALUE_TRUE -> writeWord("true");
        case VALUE_FALSE -> writeWord("false");
        case VALUE_NULL -> writeWord("null");
        default -> throw new DirectYaml.Unsupported("token " + token);
      }
    }

    private void mapping() throws IOException {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_OBJECT) {
        writeIndicator("{", true, true, false);
        writeIndicator("}", false, false, false);
        return;
      }
      increaseIndent(false, false);
      List<String> keys = new ArrayList<>(8);
      Set<String> keySet = null;
      for (; t != JsonToken.END_OBJECT; t = parser.nextToken()) {
        String key = parser.currentName();
        if (keySet == null) {
          if (keys.contains(key)) {
            throw new DirectYaml.Unsupported("repeated key " + key);
          }
          keys.add(key);
          if (keys.size() > 8) {
            keySet = new HashSet<>(keys);
          }
        } else if (!keySet.add(key)) {
          throw new DirectYaml.Unsupported("repeated key " + key);
        }
        writeIndent();
        boolean yesNo = key.length() == 1 && "yYnN".indexOf(key.charAt(0)) >= 0;
        Style requested = yesNo ? Style.DOUBLE_QUOTED : requested(key);
        if (!key.isEmpty() && key.length() < MAX_SIMPLE_KEY && key.indexOf('\n') < 0) {
          mappingContext = true;
          simpleKeyContext = true;
          scalar(key, requested);
          writeIndicator(":", false, false, false);
        } else {
          // Not a simple key: the emitter writes "? key", then ":" on a line of its own.
          writeIndicator("?", true, false, true);
          mappingContext = true;
          simpleKeyContext = false;
          scalar(key, requested);
          writeIndent();
          writeIndicator(":", true, false, true);
        }
        node(parser.nextToken(), true, false);
      }
      popIndent();
    }

    private void sequence() throws IOException {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY) {
        writeIndicator("[", true, true, false);
        writeIndicator("]", false, false, false);
        return;
      }
      increaseIndent(false, mappingContext && !indention);
      for (; t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        writeIndent();
        writeIndicator("-", true, false, true);
        node(t, false, false);
      }
      popIndent();
    }

    // Scalars.

    /**
     * Whether the schema resolves {@code text} to a string when plain, as its resolver would decide. The resolvers are
     * registered by first character ({@code t f} booleans, {@code n} null, {@code - 0-9 .} numbers, {@code $}
     * environment variables) plus one for the empty text, so anything else is a string; {@code t f n} resolve only on
     * the exact words; and a number needs digits, signs, dots, {@code e} or the letters of {@code inf} and {@code nan}.
     * Only a text that passes all of that goes to the resolver's regular expressions.
     */
    private static boolean resolvesToString(String text) {
      if (text.isEmpty()) {
        return false;
      }
      switch (text.charAt(0)) {
        case 't', 'f' -> {
          return !text.equals("true") && !text.equals("false");
        }
        case 'n' -> {
          return !text.equals("null");
        }
        case '$' -> {
          return Tag.STR.equals(RESOLVER.resolve(text, true));
        }
        case '-', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
          for (int i = 0; i < text.length(); i++) {
            if ("0123456789+-.eEinfa".indexOf(text.charAt(i)) < 0) {
              return true;
            }
          }
          return Tag.STR.equals(RESOLVER.resolve(text, true));
        }
        default -> {
          return true;
        }
      }
    }

    /** The representer asks for literal style for a string with a line break or NEL, else plain. */
    private static Style requested(String text) {
      return text.indexOf('\n') >= 0 || text.indexOf('\u0085') >= 0 ? Style.LITERAL : Style.PLAIN;
    }

    /** A plain scalar without spaces or line breaks (and not empty): what plain-style writing reduces to for it. */
    private void writeWord(String text) {
      if (!whitespace) {
        column++;
        out.append(' ');
      }
      whitespace = false;
      indention = false;
      column += text.length();
      out.append(text);
    }

    /** A string scalar (value or key). */
    private void scalar(String text, Style requested) {
      Analysis analysis = Analysis.of(text);
      if (analysis.special) {
        throw new DirectYaml.Unsupported("a scalar with characters that need escapes");
      }
      boolean plainImplicit = resolvesToString(text);
      Style style = choose(requested, plainImplicit, analysis);
      increaseIndent(true, false);
      boolean split = !simpleKeyContext;
      switch (style) {
        case PLAIN -> {
          if (analysis.plainWord) {
            writeWord(text);
          } else {
            writePlain(text, split);
          }
        }
        case SINGLE_QUOTED -> writeSingleQuoted(text, split);
        case DOUBLE_QUOTED -> writeDoubleQuoted(text, split);
        case LITERAL -> writeLiteral(text);
      }
      popIndent();
    }

    private Style choose(Style requested, boolean plainImplicit, Analysis analysis) {
      if (requested == Style.DOUBLE_QUOTED) {
        return Style.DOUBLE_QUOTED;
      }
      if (requested == Style.PLAIN && plainImplicit
          && !(simpleKeyContext && (analysis.empty || analysis.multiline)) && analysis.allowBlockPlain) {
        return Style.PLAIN;
      }
      if (requested == Style.LITERAL && !simpleKeyContext && analysis.allowBlock) {
        return Style.LITERAL;
      }
      if (requested == Style.PLAIN && analysis.allowSingleQuoted && !(simpleKeyContext && analysis.multiline)) {
        return Style.SINGLE_QUOTED;
      }
      return Style.DOUBLE_QUOTED;
    }

    // Indentation and indicators.

    private void increaseIndent(boolean flow, boolean indentless) {
      if (depth == indents.length) {
        indents = java.util.Arrays.copyOf(indents, depth * 2);
      }
      indents[depth++] = indent;
      if (indent < 0) {
        indent = flow ? BEST_INDENT : 0;
      } else if (!indentless) {
        indent += BEST_INDENT;
      }
    }

    private void popIndent() {
      indent = indents[--depth];
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean whitespaceAfter, boolean indentation) {
      if (!whitespace && needWhitespace) {
        column++;
        out.append(' ');
      }
      whitespace = whitespaceAfter;
      indention = indention && indentation;
      column += indicator.length();
      out.append(indicator);
    }

    private void writeIndent() {
      int to = Math.max(indent, 0);
      if (!indention || column > to || (column == to && !whitespace)) {
        writeLineBreak();
      }
      writeWhitespace(to - column);
    }

    private void writeWhitespace(int length) {
      if (length <= 0) {
        return;
      }
      whitespace = true;
      for (int i = 0; i < length; i++) {
        out.append(' ');
      }
      column += length;
    }

    private void writeLineBreak() {
      whitespace = true;
      indention = true;
      column = 0;
      out.append('\n');
    }

    private void write(String text, int start, int end) {
      column += end - start;
      out.append(text, start, end);
    }

    // Scalar writers: the upstream emitter's, for text without characters that need escapes ('\n' is the only break).

    private void writePlain(String text, boolean split) {
      if (text.isEmpty()) {
        return;
      }
      if (!whitespace) {
        column++;
        out.append(' ');
      }
      whitespace = false;
      indention = false;
      boolean spaces = false;
      boolean breaks = false;
      int start = 0;
      for (int end = 0; end <= text.length(); end++) {
        char ch = end < text.length() ? text.charAt(end) : 0;
        if (spaces) {
          if (ch != ' ') {
            if (start + 1 == end && column > BEST_WIDTH && split) {
              writeIndent();
              whitespace = false;
              indention = false;
            } else {
              write(text, start, end);
            }
            start = end;
          }
        } else if (breaks) {
          if (ch != '\n') {
            if (text.charAt(start) == '\n') {
              writeLineBreak();
            }
            for (int i = start; i < end; i++) {
              writeLineBreak();
            }
            writeIndent();
            whitespace = false;
            indention = false;
            start = end;
          }
        } else if (ch == 0 || ch == ' ' || ch == '\n') {
          write(text, start, end);
          start = end;
        }
        if (ch != 0) {
          spaces = ch == ' ';
          breaks = ch == '\n';
        }
      }
    }

    private void writeSingleQuoted(String text, boolean split) {
      writeIndicator("'", true, false, false);
      boolean spaces = false;
      boolean breaks = false;
      int start = 0;
      for (int end = 0; end <= text.length(); end++) {
        char ch = end < text.length() ? text.charAt(end) : 0;
        if (spaces) {
          if (ch != ' ') {
            if (start + 1 == end && column > BEST_WIDTH && split && start != 0 && end != text.length()) {
              writeIndent();
            } else {
              write(text, start, end);
            }
            start = end;
          }
        } else if (breaks) {
          if (ch != '\n') {
            if (text.charAt(start) == '\n') {
              writeLineBreak();
            }
            for (int i = start; i < end; i++) {
              writeLineBreak();
            }
            writeIndent();
            start = end;
          }
        } else if (ch == '\n' || ch == 0 || ch == ' ' || ch == '\'') {
          if (start < end) {
            write(text, start, end);
            start = end;
          }
        }
        if (ch == '\'') {
          column += 2;
          out.append("''");
          start = end + 1;
        }
        if (ch != 0) {
          spaces = ch == ' ';
          breaks = ch == '\n';
        }
      }
      writeIndicator("'", false, false, false);
    }

    private void writeDoubleQuoted(String text, boolean split) {
      writeIndicator("\"", true, false, false);
      int start = 0;
      for (int end = 0; end <= text.length(); end++) {
        char ch = end < text.length() ? text.charAt(end) : 0;
        boolean last = end == text.length();
        if (last || ch == '"' || ch == '\\' || ch == '\u2028' || ch == '\u2029' || ch == '\ufeff' || ch < 0x20 || ch > 0x7e) {
          if (start < end) {
            write(text, start, end);
            start = end;
          }
          if (!last) {
            String data = switch (ch) {
              case '"' -> "\\\"";
              case '\\' -> "\\\\";
              case '\n' -> "\\n";
              case '\u0085' -> "\\N";
              case '\u00a0' -> "\\_";
              default -> {
                // Printable non-ASCII (Analysis refused everything else): written as is, a surrogate pair whole.
                if (Character.isHighSurrogate(ch) && end + 1 < text.length()) {
                  end++;
                  yield text.substring(end - 1, end + 1);
                }
                yield String.valueOf(ch);
              }
            };
            column += data.length();
            out.append(data);
            start = end + 1;
          }
        }
        if (0 < end && end < text.length() - 1 && (ch == ' ' || start >= end) && column + (end - start) > BEST_WIDTH && split) {
          String data = start >= end ? "\\" : text.substring(start, end) + "\\";
          if (start < end) {
            start = end;
          }
          column += data.length();
          out.append(data);
          writeIndent();
          whitespace = false;
          indention = false;
          if (text.charAt(start) == ' ') {
            column += 1;
            out.append('\\');
          }
        }
      }
      writeIndicator("\"", false, false, false);
    }

    private void writeLiteral(String text) {
      StringBuilder hints = new StringBuilder();
      if (text.charAt(0) == '\n' || text.charAt(0) == ' ') {
        hints.append(BEST_INDENT);
      }
      char last = text.charAt(text.length() - 1);
      if (last != '\n') {
        hints.append('-');
      } else if (text.length() == 1 || text.charAt(text.length() - 2) == '\n') {
        hints.append('+');
      }
      writeIndicator("|" + hints, true, false, false);
      writeLineBreak();
      boolean breaks = true;
      int start = 0;
      for (int end = 0; end <= text.length(); end++) {
        char ch = end < text.length() ? text.charAt(end) : 0;
        if (breaks) {
          if (ch == 0 || ch != '\n') {
            for (int i = start; i < end; i++) {
              writeLineBreak();
            }
            if (ch != 0) {
              writeIndent();
            }
            start = end;
          }
        } else if (ch == 0 || ch == '\n') {
          out.append(text, start, end); // the upstream emitter does not count these columns either
          if (ch == 0) {
            writeLineBreak();
          }
          start = end;
        }
        if (ch != 0) {
          breaks = ch == '\n';
        }
      }
    }
  }

  /** What the upstream emitter's scalar analysis decides, for the styles this writer chooses between. */
  private static final class Analysis {
    boolean empty;
    boolean multiline;
    boolean special;
    boolean allowBlockPlain = true;
    boolean allowSingleQuoted = true;
    boolean allowBlock = true;
    /** Neither spaces nor line breaks: plain writing appends it whole. */
    boolean plainWord;

    private static final Analysis WORD = new Analysis();

    static {
      WORD.plainWord = true;
    }

    static Analysis of(String scalar) {
      if (isWord(scalar)) {
        return WORD;
      }
      Analysis a = new Analysis();
      if (scalar.isEmpty()) {
        a.empty = true;
        a.allowBlock = false;
        return a;
      }
      boolean blockIndicators = scalar.startsWith("---") || scalar.startsWith("...");
      boolean leadingSpace = false;
      boolean leadingBreak = false;
      boolean trailingSpace = false;
      boolean trailingBreak = false;
      boolean breakSpace = false;
      boolean spaceBreak = false;
      boolean precededByWhitespace = true;
      boolean followedByWhitespace = scalar.length() == 1 || isBlankOrBreak(scalar.codePointAt(1));
      boolean previousSpace = false;
      boolean previousBreak = false;
      int index = 0;
      while (index < scalar.length()) {
        int c = scalar.codePointAt(index);
        if (index == 0) {
          if ("#,[]{}&*!|>'\"%@`".indexOf(c) != -1) {
            blockIndicators = true;
          }
          if ((c == '?' || c == ':' || c == '-') && followedByWhitespace) {
            blockIndicators = true;
          }
        } else if ((c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace)) {
          blockIndicators = true;
        }
        boolean lineBreak = c == '\n';
        if (lineBreak) {
          a.multiline = true;
        }
        if (!(c == '\n' || (0x20 <= c && c <= 0x7E))
            && !(c == 0x85 || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))) {
          a.special = true;
        }
        if (c == ' ') {
          leadingSpace |= index == 0;
          trailingSpace |= index == scalar.length() - 1;
          breakSpace |= previousBreak;
          previousSpace = true;
          previousBreak = false;
        } else if (lineBreak) {
          leadingBreak |= index == 0;
          trailingBreak |= index == scalar.length() - 1;
          spaceBreak |= previousSpace;
          previousSpace = false;
          previousBreak = true;
        } else {
          previousSpace = false;
          previousBreak = false;
        }
        index += Character.charCount(c);
        precededByWhitespace = c == 0 || c == ' ' || c == '\t' || lineBreak;
        followedByWhitespace = true;
        if (index + 1 < scalar.length()) {
          int next = index + Character.charCount(scalar.codePointAt(index));
          if (next < scalar.length()) {
            int n = scalar.codePointAt(next);
            followedByWhitespace = n == 0 || n == ' ' || n == '\t' || lineBreak;
          }
        }
      }
      if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
        a.allowBlockPlain = false;
      }
      if (trailingSpace) {
        a.allowBlock = false;
      }
      if (breakSpace) {
        a.allowBlockPlain = false;
        a.allowSingleQuoted = false;
      }
      if (spaceBreak || a.special) {
        a.allowBlockPlain = false;
        a.allowSingleQuoted = false;
        a.allowBlock = false;
      }
      if (blockIndicators) {
        a.allowBlockPlain = false;
      }
      return a;
    }

    /**
     * Letters, digits and {@code _ / . -}, starting with a letter, digit, {@code _} or {@code /}: no indicator anywhere,
     * no space, no break, nothing special, so the full analysis would allow every style and find nothing multi-line.
     */
    private static boolean isWord(String s) {
      int n = s.length();
      if (n == 0) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '/'
            || (i > 0 && (c == '.' || c == '-'));
        if (!ok) {
          return false;
        }
      }
      return true;
    }

    /** The upstream emitter's "null, blank, tab or line break" for the character after the first. */
    private static boolean isBlankOrBreak(int c) {
      return c == 0 || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
  }
}
