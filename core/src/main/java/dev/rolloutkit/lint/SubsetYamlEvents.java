package dev.rolloutkit.lint;

import java.util.List;
import org.yaml.snakeyaml.events.Event;

/**
 * Reads the YAML that manifests are written in into the events SnakeYAML's parser would give for it, or declines; the
 * events go to a {@link Sink}: {@link SubsetYamlEventList} makes SnakeYAML's events of them, for Jackson's YAML parser,
 * and {@link SubsetYamlDocuments} lint's documents, without a parser in between.
 *
 * <p>The subset: block mappings and sequences (indentless sequences under a key included) with one entry per line,
 * plain scalars (values going on over deeper-indented lines, as emitters fold long ones, included; keys on one line),
 * single- and double-quoted scalars on one line, literal block scalars ({@code |}, {@code |-}, {@code |+}) with the
 * indentation taken from their first line, flow sequences and mappings on one line, comments, blank lines and
 * {@code ---} between documents. Anything else (anchors, aliases, tags, folded block scalars, quoted scalars over
 * several lines, complex keys, directives, tabs, carriage returns, other line breaks, a byte-order mark, characters
 * YAML does not allow, deep nesting) makes {@link #read} return null ({@link #scan} false), and the text is read by
 * SnakeYAML, which then also reports any error. Within the subset Jackson reads from these events exactly the tokens, values and token locations it reads
 * from SnakeYAML's: the events have SnakeYAML's values and styles and its start marks (line, column and index) for
 * every scalar, mapping and sequence start. End marks are not reproduced everywhere (they only place errors, and texts
 * with errors are SnakeYAML's).
 */
final class SubsetYamlEvents {

  /** How a scalar was written. */
  enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

  /**
   * What the scanner reads, in order: for each document its start, one value (a mapping, or an empty plain scalar) and
   * its end. Positions are SnakeYAML's marks packed into a {@code long} ({@link #index}, {@link #line} and {@link
   * #column}, 0-based), or {@link #END} for the end of the text. A sink may throw {@link #declined()} to give the text
   * up; the scanner then returns false.
   */
  interface Sink {
    void documentStart(long at, boolean explicit);

    void documentEnd(long at);

    void mappingStart(long at, boolean flow);

    void mappingEnd(long at);

    void sequenceStart(long at, boolean flow);

    void sequenceEnd(long at);

    void scalar(String value, Style style, long at);
  }

  /** The position of the end of the text (worked out only by a sink that needs it: {@link #endMark(String)}). */
  static final long END = -1L;

  static int index(long at) {
    return (int) (at >>> 42);
  }

  static int line(long at) {
    return (int) (at >>> 21) & 0x1FFFFF;
  }

  static int column(long at) {
    return (int) at & 0x1FFFFF;
  }

  /** SnakeYAML's position at the end of {@code text}: its length, the number of line breaks, the last line's length. */
  static long endMark(String text) {
    int last = text.lastIndexOf('\n');
    int lines = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      lines++;
    }
    return pack(text.length(), lines, text.length() - last - 1);
  }

  private static long pack(int index, int line, int column) {
    return (long) index << 42 | (long) line << 21 | column;
  }
  /** Far below the readers' own limit of 100, so that limit's error always comes from SnakeYAML. */
  private static final int MAX_DEPTH = 60;
  /** SnakeYAML looks for a simple key's ':' up to 1,024 characters on; beyond that it is an error. */
  private static final int MAX_KEY_LENGTH = 1000;
  /** Longer texts go to SnakeYAML (positions are packed in 21 bits each). */
  private static final int MAX_LENGTH = (1 << 21) - 1;

  /** Thrown, without a stack trace, where the text leaves the subset. */
  private static final class Outside extends RuntimeException {
    Outside() {
      super("outside the subset", null, false, false);
    }
  }

  private static final Outside OUTSIDE = new Outside();

  /** What a {@link Sink} throws to give a text up. */
  static RuntimeException declined() {
    return OUTSIDE;
  }

  private final String text;
  private final int length;
  private final Sink sink;
  /** Start of the current line, its 0-based number, and the number of spaces it starts with (-1 at the end of text). */
  private int lineStart;
  private int line;
  private int indent;
  private int depth;

  private SubsetYamlEvents(String text, Sink sink) {
    this.text = text;
    this.length = text.length();
    this.sink = sink;
  }

  /** SnakeYAML's events for {@code text}, or null when the text is not in the subset. */
  static List<Event> read(String text) {
    SubsetYamlEventList events = new SubsetYamlEventList(text);
    return scan(text, events) ? events.events() : null;
  }

  /** Reads {@code text} into {@code sink}; false, part-way through, when the text is not in the subset or the sink declines. */
  static boolean scan(String text, Sink sink) {
    if (text.length() > MAX_LENGTH || !allowedCharacters(text)) {
      return false;
    }
    try {
      new SubsetYamlEvents(text, sink).stream();
      return true;
    } catch (Outside | StringIndexOutOfBoundsException e) {
      return false; // (an index past the end would be a slip of this scanner's: SnakeYAML reads such a text too)
    }
  }

  /** Printable characters and '\n' only: no tab, carriage return, NEL, line or paragraph separator, BOM or surrogate. */
  private static boolean allowedCharacters(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c <= 0x7E || c == '\n') {
        continue;
      }
      if (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029 || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) {
        continue;
      }
      return false;
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Lines

  private long mark(int index) {
    return pack(index, line, index - lineStart);
  }

  /** The position of the current line's start, or {@link #END} at the end of the text. */
  private long lineMark() {
    return atEnd() ? END : mark(lineStart);
  }

  private int lineEnd(int from) {
    int end = text.indexOf('\n', from);
    return end < 0 ? length : end;
  }

  /** Moves to the start of the line after the one holding {@code index}. */
  private void nextLine(int index) {
    int end = lineEnd(index);
    if (end == length) {
      lineStart = length;
      indent = -1;
      return;
    }
    lineStart = end + 1;
    line++;
    indent = 0;
  }

  /** From the current line start, passes blank and comment-only lines; sets {@link #indent} (-1 at the end). */
  private void toContent() {
    while (lineStart < length) {
      int p = lineStart;
      while (p < length && text.charAt(p) == ' ') {
        p++;
      }
      if (p < length && text.charAt(p) != '\n' && text.charAt(p) != '#') {
        indent = p - lineStart;
        return;
      }
      nextLine(p);
    }
    indent = -1;
  }

  private boolean atEnd() {
    return indent < 0;
  }

  private char at(int index) {
    return index < length ? text.charAt(index) : '\n';
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\n';
  }

  /** True if the current line starts with a document marker ({@code ---} or {@code ...} then a blank). */
  private boolean documentMarker() {
    if (indent != 0 || lineStart + 3 > length) {
      return false;
    }
    char c = text.charAt(lineStart);
    return (c == '-' || c == '.') && text.startsWith(c == '-' ? "---" : "...", lineStart) && blank(at(lineStart + 3));
  }

  /** Requires only spaces, then the end of the line or a comment after at least one space, from {@code index}. */
  private void restOfLineEmpty(int index) {
    int p = index;
    while (at(p) == ' ') {
      p++;
    }
    if (at(p) == '\n' || at(p) == '#' && p > index) {
      return;
    }
    throw OUTSIDE;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Documents

  private void stream() {
    toContent();
    while (!atEnd()) {
      boolean explicit = documentMarker();
      long documentStart = mark(lineStart);
      if (explicit) {
        if (text.charAt(lineStart) == '.') {
          throw OUTSIDE;
        }
        restOfLineEmpty(lineStart + 3);
        nextLine(lineStart);
        toContent();
      }
      sink.documentStart(documentStart, explicit);
      if (atEnd() || documentMarker()) {
        sink.scalar("", Style.PLAIN, lineMark());
      } else if (indent == 0 && key(lineStart) >= 0) {
        mapping(0, lineStart);
      } else {
        throw OUTSIDE;
      }
      sink.documentEnd(lineMark());
      if (!atEnd() && !documentMarker()) {
        throw OUTSIDE;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Block collections

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw OUTSIDE;
    }
  }

  /** A block mapping whose keys stand at column {@code column}; the first at {@code first} on the current line. */
  private void mapping(int column, int first) {
    enter();
    sink.mappingStart(mark(first), false);
    int keyAt = first;
    while (true) {
      int colon = key(keyAt);
      if (colon < 0) {
        throw OUTSIDE;
      }
      keyScalar(keyAt, colon);
      if (!valueBelow(colon, column, true)) {
        inlineValue(spaces(colon + 1), column);
      }
      if (atEnd() || documentMarker() || indent < column) {
        break;
      }
      if (indent > column) {
        throw OUTSIDE;
      }
      keyAt = lineStart + column;
    }
    sink.mappingEnd(lineMark());
    depth--;
  }

  /**
   * A block sequence whose entries' dashes stand at column {@code column}, starting on the current line;
   * {@code indentless} for one written under its key at the key's own indentation.
   */
  private void sequence(int column, boolean indentless) {
    enter();
    sink.sequenceStart(mark(lineStart + column), false);
    while (true) {
      int dash = lineStart + column;
      if (!valueBelow(dash, column, false)) {
        int p = spaces(dash + 1);
        if (entry(p)) {
          throw OUTSIDE; // a sequence in a sequence on one line
        } else if (key(p) >= 0) {
          mapping(p - lineStart, p);
        } else {
          inlineValue(p, column);
        }
      }
      if (atEnd() || documentMarker() || indent < column) {
        break;
      }
      if (indent > column) {
        throw OUTSIDE;
      }
      if (!entry(lineStart + column)) {
        if (indentless) {
          break; // the next key of the mapping the sequence was written under
        }
        throw OUTSIDE;
      }
    }
    sink.sequenceEnd(lineMark());
    depth--;
  }

  /**
   * The value after an indicator (a key's ':' or an entry's '-') at {@code indicator}, in a block collection at
   * {@code column}, when nothing but a comment follows the indicator on its line: the collection on the deeper lines
   * below, an indentless sequence at the collection's own column where {@code indentless} allows one, or else an empty
   * scalar. Returns false, having read nothing, when the value is written on the indicator's line.
   */
  private boolean valueBelow(int indicator, int column, boolean indentless) {
    int p = spaces(indicator + 1);
    if (at(p) != '\n' && !(at(p) == '#' && p > indicator + 1)) {
      return false;
    }
    long empty = mark(indicator + 1);
    nextLine(p);
    toContent();
    boolean below = !atEnd() && !documentMarker();
    if (below && indent > column) {
      nested(indent);
    } else if (below && indentless && indent == column && entry(lineStart + column)) {
      sequence(column, true);
    } else {
      emptyScalar(empty);
    }
    return true;
  }

  /** The collection starting on the current line at column {@code column}, deeper than its parent. */
  private void nested(int column) {
    int p = lineStart + column;
    if (entry(p)) {
      sequence(column, false);
    } else if (key(p) >= 0) {
      mapping(column, p);
    } else {
      throw OUTSIDE; // a scalar on the line after its key
    }
  }

  /** True if a block sequence entry starts at {@code index}: a dash followed by a blank. */
  private boolean entry(int index) {
    return at(index) == '-' && blank(at(index + 1));
  }

  private void plainScalar(String value, long start) {
    sink.scalar(value, Style.PLAIN, start);
  }

  private void emptyScalar(long at) {
    sink.scalar("", Style.PLAIN, at);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Keys and values on a line

  /** If a mapping key starts at {@code index}, the index of its ':' (followed by a blank); else -1. */
  private int key(int index) {
    char c = at(index);
    int end;
    if (c == '\'' || c == '"') {
      end = quotedEnd(index);
      if (end < 0) {
        return -1;
      }
    } else if (plainStart(index, false)) {
      end = plainEnd(index, false);
      while (at(end) == ' ') {
        end++;
      }
    } else {
      return -1;
    }
    if (at(end) != ':' || !blank(at(end + 1)) || end - index > MAX_KEY_LENGTH) {
      return -1;
    }
    return end;
  }

  private void keyScalar(int index, int colon) {
    char c = text.charAt(index);
    if (c == '\'' || c == '"') {
      quoted(index);
    } else {
      int end = colon;
      while (text.charAt(end - 1) == ' ') {
        end--;
      }
      plainScalar(text.substring(index, end), mark(index));
    }
  }

  /**
   * A value written after its key or dash at {@code index}, in a block collection at column {@code parent}; leaves the
   * reader at the next content line.
   */
  private void inlineValue(int index, int parent) {
    char c = text.charAt(index);
    if (c == '|') {
      literal(index, parent);
    } else if (c == '\'' || c == '"' || c == '[' || c == '{') {
      int after = c == '[' || c == '{' ? flow(index) : quoted(index);
      restOfLineEmpty(after);
      nextLine(after);
      toContent();
    } else if (plainStart(index, false)) {
      plain(index, parent);
    } else {
      throw OUTSIDE;
    }
    if (!atEnd() && indent > parent) {
      throw OUTSIDE; // a deeper line after a value that does not go on over it: an error, or read otherwise by SnakeYAML
    }
  }

  /**
   * A plain scalar value at {@code index} in a block collection at column {@code parent}, going on over the lines
   * indented deeper than the collection (folded as SnakeYAML folds them: one line break to a space, each empty line to
   * a line break); leaves the reader at the next content line.
   */
  private void plain(int index, int parent) {
    long start = mark(index);
    int end = plainEnd(index, false);
    StringBuilder value = null;
    while (true) {
      int stop = spaces(end);
      if (at(stop) == ':') {
        throw OUTSIDE; // "mapping values are not allowed here"
      }
      if (at(stop) == '#' || stop >= length) {
        break;
      }
      // The line ends: a following line indented deeper than the collection goes on with the scalar.
      int next = stop + 1;
      int emptyLines = 0;
      int column;
      while (true) {
        column = spaces(next) - next;
        if (next + column < length && text.charAt(next + column) == '\n') {
          emptyLines++;
          next += column + 1;
        } else {
          break;
        }
      }
      if (next + column >= length || column < parent + 1 || text.charAt(next + column) == '#') {
        break;
      }
      int chunk = next + column;
      int chunkEnd = plainEnd(chunk, false);
      if (chunkEnd == chunk) {
        throw OUTSIDE;
      }
      if (value == null) {
        value = new StringBuilder().append(text, index, end);
      }
      value.append(emptyLines == 0 ? " " : "\n".repeat(emptyLines)).append(text, chunk, chunkEnd);
      line += 1 + emptyLines;
      lineStart = next;
      end = chunkEnd;
    }
    plainScalar(value == null ? text.substring(index, end) : value.toString(), start);
    restOfLineEmpty(end);
    nextLine(end);
    toContent();
  }

  /** SnakeYAML's test for a plain scalar's first character. */
  private boolean plainStart(int index, boolean flow) {
    char c = at(index);
    if (blank(c) || "-?:,[]{}#&*!|>'\"%@`".indexOf(c) >= 0) {
      char next = at(index + 1);
      return !blank(next) && (c == '-' || !flow && (c == '?' || c == ':'));
    }
    return true;
  }

  /** The end (exclusive) of a plain scalar on one line starting at {@code index}, before trailing spaces. */
  private int plainEnd(int index, boolean flow) {
    int p = index;
    int end = index;
    while (true) {
      if (at(p) == '#') {
        return end;
      }
      int q = p;
      while (true) {
        char c = at(q);
        if (blank(c) || c == ':' && (blank(at(q + 1)) || flow && ",[]{}".indexOf(at(q + 1)) >= 0)
            || flow && ",?[]{}".indexOf(c) >= 0) {
          break;
        }
        q++;
      }
      if (q == p) {
        return end;
      }
      end = q;
      p = q;
      while (at(p) == ' ') {
        p++;
      }
      if (p == q || at(p) == '\n') {
        return end;
      }
    }
  }

  /** The index of the closing quote of the scalar quoted at {@code index} on this line, or -1. */
  private int quotedEnd(int index) {
    char quote = text.charAt(index);
    for (int p = index + 1; p < length; p++) {
      char c = text.charAt(p);
      if (c == '\n') {
        return -1;
      }
      if (c == quote) {
        if (quote == '\'' && at(p + 1) == '\'') {
          p++;
          continue;
        }
        return p + 1;
      }
      if (c == '\\' && quote == '"') {
        p++;
      }
    }
    return -1;
  }

  /** Emits the scalar quoted at {@code index}; returns the index after its closing quote. */
  private int quoted(int index) {
    char quote = text.charAt(index);
    StringBuilder value = new StringBuilder();
    int p = index + 1;
    while (true) {
      char c = at(p);
      if (c == '\n') {
        throw OUTSIDE; // runs over lines, or is not closed
      }
      if (c == quote) {
        if (quote == '\'' && at(p + 1) == '\'') {
          value.append('\'');
          p += 2;
          continue;
        }
        break;
      }
      if (c == '\\' && quote == '"') {
        p = escape(p + 1, value);
        continue;
      }
      value.append(c);
      p++;
    }
    sink.scalar(value.toString(), quote == '\'' ? Style.SINGLE_QUOTED : Style.DOUBLE_QUOTED, mark(index));
    return p + 1;
  }

  /** Appends the escape whose letter is at {@code index}, as SnakeYAML reads it; returns the index after it. */
  private int escape(int index, StringBuilder value) {
    char c = at(index);
    String replacement = switch (c) {
      case '0' -> "\0";
      case 'a' -> "\u0007";
      case 'b' -> "\b";
      case 't' -> "\t";
      case 'n' -> "\n";
      case 'v' -> "\u000B";
      case 'f' -> "\f";
      case 'r' -> "\r";
      case 'e' -> "\u001B";
      case ' ' -> " ";
      case '"' -> "\"";
      case '\\' -> "\\";
      case 'N' -> "\u0085";
      case '_' -> "\u00A0";
      case 'L' -> "\u2028";
      case 'P' -> "\u2029";
      default -> null;
    };
    if (replacement != null) {
      value.append(replacement);
      return index + 1;
    }
    int digits = c == 'x' ? 2 : c == 'u' ? 4 : 0;
    if (digits == 0 || index + digits >= length) {
      throw OUTSIDE; // \U, an escaped line break, or an escape SnakeYAML refuses
    }
    int code = 0;
    for (int i = 1; i <= digits; i++) {
      int d = Character.digit(text.charAt(index + i), 16);
      if (d < 0 || text.charAt(index + i) > 'f') {
        throw OUTSIDE;
      }
      code = code * 16 + d;
    }
    if (Character.isSurrogate((char) code)) {
      throw OUTSIDE;
    }
    value.append((char) code);
    return index + digits + 1;
  }

  /**
   * A literal block scalar whose indicator is at {@code index}, in a block collection at column {@code parent}: the
   * indentation is that of its first line, which must be written; leaves the reader at the next content line.
   */
  private void literal(int index, int parent) {
    long start = mark(index);
    int p = index + 1;
    char chomping = at(p) == '-' || at(p) == '+' ? text.charAt(p++) : ' ';
    while (at(p) == ' ') {
      p++;
    }
    if (at(p) != '\n' || p >= length) {
      throw OUTSIDE; // an indentation indicator, a comment, or nothing after the header
    }
    nextLine(p);
    int column = 0;
    while (at(lineStart + column) == ' ') {
      column++;
    }
    if (at(lineStart + column) == '\n' || column < parent + 1) {
      throw OUTSIDE; // leading empty lines, or an empty scalar
    }
    StringBuilder value = new StringBuilder();
    int emptyLines;
    boolean lineBreak;
    while (true) {
      int end = lineEnd(lineStart);
      value.append(text, lineStart + column, end);
      lineBreak = end < length;
      nextLine(end);
      // Empty lines (spaces up to the indentation) belong to the scalar; a line indented less ends it.
      emptyLines = 0;
      boolean more = false;
      while (lineStart < length) {
        int spaces = 0;
        while (at(lineStart + spaces) == ' ') {
          spaces++;
        }
        int after = lineStart + spaces;
        if (after < length && text.charAt(after) != '\n') {
          more = spaces >= column;
          break;
        }
        if (spaces > column) {
          throw OUTSIDE; // a line of spaces beyond the indentation is content
        }
        if (after >= length) {
          break; // spaces at the very end, without a line break
        }
        emptyLines++;
        nextLine(lineStart);
      }
      if (!more) {
        break;
      }
      value.append('\n');
      value.append("\n".repeat(emptyLines));
    }
    if (chomping != '-' && lineBreak) {
      value.append('\n');
    }
    if (chomping == '+') {
      value.append("\n".repeat(emptyLines));
    }
    sink.scalar(value.toString(), Style.LITERAL, start);
    toContent();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Flow collections on one line

  /** Emits the flow collection opening at {@code index}; returns the index after its closing bracket. */
  private int flow(int index) {
    enter();
    boolean sequence = text.charAt(index) == '[';
    char close = sequence ? ']' : '}';
    if (sequence) {
      sink.sequenceStart(mark(index), true);
    } else {
      sink.mappingStart(mark(index), true);
    }
    int p = spaces(index + 1);
    if (at(p) != close) {
      while (true) {
        if (sequence) {
          p = flowNode(p, false);
        } else {
          p = flowNode(p, true);
          if (at(p) != ':' || at(p + 1) != ' ') {
            throw OUTSIDE;
          }
          p = flowNode(spaces(p + 1), false);
        }
        p = spaces(p);
        if (at(p) == ',') {
          p = spaces(p + 1);
          if (at(p) == close) {
            throw OUTSIDE;
          }
        } else if (at(p) == close) {
          break;
        } else {
          throw OUTSIDE;
        }
      }
    }
    if (sequence) {
      sink.sequenceEnd(mark(p + 1));
    } else {
      sink.mappingEnd(mark(p + 1));
    }
    depth--;
    return p + 1;
  }

  private int spaces(int index) {
    int p = index;
    while (at(p) == ' ') {
      p++;
    }
    return p;
  }

  /**
   * A scalar or collection in a flow collection at {@code index}; returns the index after it (after a key's trailing
   * spaces, where its ':' should be). A plain scalar ending at ':' that is not a key is refused.
   */
  private int flowNode(int index, boolean key) {
    char c = at(index);
    if (c == '\'' || c == '"') {
      return quoted(index);
    }
    if (!key && (c == '[' || c == '{')) {
      return flow(index);
    }
    if (!plainStart(index, true)) {
      throw OUTSIDE;
    }
    int end = plainEnd(index, true);
    int stop = spaces(end);
    if (at(stop) == '#' || at(stop) == '?' || at(stop) == ':' != key) {
      throw OUTSIDE;
    }
    plainScalar(text.substring(index, end), mark(index));
    return key ? stop : end;
  }
}
