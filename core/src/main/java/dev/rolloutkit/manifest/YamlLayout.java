package dev.rolloutkit.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;

/**
 * The layout {@link YamlFormat} gives a YAML text: the text's own tokens, copied character for
 * character, laid out again. snakeyaml-engine parses the text; each node's start and end positions
 * say which characters are its own, and only what lies between nodes (indentation, the space after
 * a colon, the lines between entries) is written anew:
 *
 * <ul>
 *   <li>block mappings indented by two spaces per level, block sequences at their key's column;
 *   <li>scalars (plain, quoted, multi-line), aliases, anchors, tags and flow collections copied as
 *       written, their continuation lines re-indented (their leading white space is not part of the
 *       value);
 *   <li>block scalars' lines moved as a whole, so every line keeps its indentation relative to the
 *       others;
 *   <li>comments kept in their places: at the end of the line they ended, or on their own line at
 *       their level;
 *   <li>blank lines kept, trailing white space removed.
 * </ul>
 *
 * What it cannot lay out without guessing (explicit keys, indentation indicators on block scalars,
 * content on a document-marker line) is {@link Unsupported}; {@link YamlFormat} then leaves the
 * text as it is.
 */
final class YamlLayout {

  /** A construct this layout does not handle; the text is left as it is. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message, null, false, false);
    }
  }

  private final String text;
  private final List<Event> events = new ArrayList<>();
  private final int[] charIndex; // code point index → char index, when the text has surrogate pairs
  private int next;
  private int cursor;
  private final List<String> lines = new ArrayList<>();
  private StringBuilder line = new StringBuilder();

  /** Lines of block scalars, whose trailing white space is content. */
  private final java.util.Set<Integer> verbatim = new java.util.HashSet<>();

  /** Whether the output line ends in a comment (nothing more may go on it). */
  private boolean commented;

  /**
   * Where structures began in the text (their column) and where they begin now: for comments
   * between them.
   */
  private final TreeMap<Integer, Integer> columns = new TreeMap<>();

  private YamlLayout(String text) {
    this.text = text;
    LoadSettings settings = LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build();
    new Parse(YamlTrees.forText(settings, text)).parseString(text).forEach(events::add);
    if (text.codePointCount(0, text.length()) != text.length()) {
      charIndex = new int[text.codePointCount(0, text.length()) + 1];
      for (int cp = 0, ch = 0; cp < charIndex.length; cp++) {
        charIndex[cp] = ch;
        if (ch < text.length()) {
          ch += Character.charCount(text.codePointAt(ch));
        }
      }
    } else {
      charIndex = null;
    }
  }

  /** {@code text} laid out again. */
  static String layOut(String text) {
    YamlLayout layout = new YamlLayout(text);
    layout.stream();
    return layout.result();
  }

  private String result() {
    lines.add(line.toString());
    // the text ends with one line break (none for an empty text)
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    StringBuilder out = new StringBuilder(text.length() + 64);
    for (int i = 0; i < lines.size(); i++) {
      out.append(verbatim.contains(i) ? lines.get(i) : strip(lines.get(i))).append('\n');
    }
    if (!text.endsWith("\n") && out.length() > 0) {
      out.setLength(
          out.length()
              - 1); // no final line break added: at the end of a block scalar it would be data
    }
    return out.toString();
  }

  private static String strip(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return s.substring(0, end);
  }

  private Event peek() {
    return events.get(next);
  }

  private Event take() {
    return events.get(next++);
  }

  private int start(Event e) {
    int cp = e.getStartMark().orElseThrow().getIndex();
    return charIndex == null ? cp : charIndex[cp];
  }

  private int end(Event e) {
    int cp = e.getEndMark().orElseThrow().getIndex();
    return charIndex == null ? cp : charIndex[cp];
  }

  private int columnOf(int index) {
    int lineStart = text.lastIndexOf('\n', index - 1) + 1;
    return text.codePointCount(lineStart, index);
  }

  private void newLine() {
    lines.add(line.toString());
    line = new StringBuilder();
    commented = false;
  }

  /** An empty line after the current one. */
  private void blankLine() {
    if (!atLineStart()) {
      newLine();
    }
    line.setLength(0);
    newLine();
  }

  private boolean atLineStart() {
    return strip(line.toString()).isEmpty();
  }

  private void startLine(int indent) {
    if (!atLineStart()) {
      newLine();
    }
    line.setLength(0);
    line.append(" ".repeat(indent));
    commented = false;
  }

  private void stream() {
    take(); // StreamStart
    while (peek() instanceof DocumentStartEvent document) {
      take();
      if (document.isExplicit()) {
        gap(start(document), 0);
        String marker = text.substring(start(document), end(document));
        for (String l : marker.split("\n", -1)) {
          startLine(0);
          line.append(strip(l));
        }
        cursor = end(document);
      }
      columns.clear();
      columns.put(0, 0);
      if (!(peek() instanceof DocumentEndEvent)) {
        Event root = take();
        boolean empty =
            root instanceof ScalarEvent s
                && s.getValue().isEmpty()
                && s.getScalarStyle() == ScalarStyle.PLAIN
                && s.getAnchor().isEmpty()
                && s.getTag().isEmpty();
        if (!empty) { // an empty document ("---" and nothing) is the marker alone
          if (document.isExplicit()) {
            int eol = text.indexOf('\n', end(document));
            if (eol < 0 || start(root) < eol) {
              throw new Unsupported(
                  "content on the line of a --- marker"); // kubectl refuses it too
            }
          }
          gap(start(root), 0);
          node(root, 0, Context.TOP);
        }
      }
      DocumentEndEvent end = (DocumentEndEvent) take();
      if (end.isExplicit()) {
        gap(start(end), 0);
        startLine(0);
        line.append("...");
        cursor = end(end);
      }
    }
    gap(text.length(), 0); // comments after the last document
  }

  private boolean onLineOf(int a, int b) {
    return text.lastIndexOf('\n', a - 1) == text.lastIndexOf('\n', b - 1);
  }

  private enum Context {
    TOP,
    MAPPING_VALUE,
    SEQUENCE_ITEM
  }

  /**
   * Writes the node that {@code event} starts. {@code indent} is the column of the key or "-" the
   * node belongs to, or (at the top, or below a "-" that stands alone) the column the node itself
   * starts at.
   */
  private void node(Event event, int indent, Context context) {
    if (event instanceof ScalarEvent scalar) {
      if (context == Context.TOP) {
        startLine(indent);
      }
      scalar(scalar, indent);
    } else if (event instanceof AliasEvent) {
      if (context == Context.TOP) {
        startLine(indent);
      }
      line.append(text, start(event), end(event));
      cursor = end(event);
      trailing();
    } else if (event instanceof CollectionStartEvent collection && collection.isFlow()) {
      if (context == Context.TOP) {
        startLine(indent);
      }
      flow(collection, indent);
    } else if (event instanceof MappingStartEvent mapping) {
      mapping(mapping, indent, context);
    } else if (event instanceof SequenceStartEvent sequence) {
      sequence(sequence, indent, context);
    } else {
      throw new Unsupported("unexpected " + event.getEventId());
    }
  }

  private void mapping(MappingStartEvent mapping, int indent, Context context) {
    int entryIndent = context == Context.TOP ? indent : indent + 2;
    boolean inline = context == Context.SEQUENCE_ITEM; // the first key on the line of its "- "
    properties(mapping);
    boolean first = true;
    while (!(peek().getEventId() == Event.ID.MappingEnd)) {
      Event key = take();
      if (!(key instanceof ScalarEvent || key instanceof AliasEvent) || isMultiLine(key)) {
        throw new Unsupported("a key that is not a one-line scalar");
      }
      gap(start(key), entryIndent);
      remember(columnOf(start(key)), entryIndent);
      if (!(first && inline && atLineEnd())) {
        startLine(entryIndent);
      }
      first = false;
      line.append(text, start(key), end(key));
      cursor = end(key);
      int colon = text.indexOf(':', cursor);
      if (colon < 0 || !text.substring(cursor, colon).isBlank()) {
        throw new Unsupported("a key not followed by ':'");
      }
      line.append(':');
      cursor = colon + 1;
      Event value = take();
      if (value instanceof ScalarEvent s
          && s.getValue().isEmpty()
          && s.getScalarStyle() == ScalarStyle.PLAIN
          && s.getAnchor().isEmpty()
          && s.getTag().isEmpty()) {
        trailing(); // "key:" with no value
        continue;
      }
      if (value instanceof CollectionStartEvent c && !c.isFlow()) {
        node(value, entryIndent, Context.MAPPING_VALUE);
      } else {
        gapOnLine(start(value));
        if (commented) {
          startLine(entryIndent + 2); // "key: # comment", then the value on the next line
        } else {
          line.append(' ');
        }
        node(value, entryIndent, Context.MAPPING_VALUE);
      }
    }
    take(); // MappingEnd
  }

  private void sequence(SequenceStartEvent sequence, int indent, Context context) {
    int itemIndent = context == Context.SEQUENCE_ITEM ? indent + 2 : indent;
    boolean inline = context == Context.SEQUENCE_ITEM;
    properties(sequence);
    boolean first = true;
    while (!(peek().getEventId() == Event.ID.SequenceEnd)) {
      Event item = take();
      int dash = nextIndicator('-', start(item));
      gap(dash, itemIndent);
      remember(columnOf(dash), itemIndent);
      if (!(first && inline && atLineEnd())) {
        startLine(itemIndent);
      }
      first = false;
      line.append('-');
      cursor = dash + 1;
      if (item instanceof ScalarEvent s
          && s.getValue().isEmpty()
          && s.getScalarStyle() == ScalarStyle.PLAIN
          && s.getAnchor().isEmpty()
          && s.getTag().isEmpty()) {
        trailing(); // "-" with no value
        continue;
      }
      if (item instanceof CollectionStartEvent c && !c.isFlow()) {
        if (hasProperties(c) || !onLineOf(start(item), dash)) {
          // properties, or the item's content starts on a later line: "-" alone, the content below
          // at the next level
          gap(start(item), itemIndent + 2);
          node(item, itemIndent + 2, Context.TOP);
        } else {
          line.append(' ');
          node(item, itemIndent, Context.SEQUENCE_ITEM);
        }
      } else {
        gapOnLine(start(item));
        if (commented) {
          startLine(itemIndent + 2); // "- # comment", then the value on the next line
        } else {
          line.append(' ');
        }
        node(item, itemIndent, Context.SEQUENCE_ITEM);
      }
    }
    take(); // SequenceEnd
  }

  /**
   * The position of the indicator {@code c} that introduces the node at {@code nodeStart}: the
   * first character after the cursor that is not white space or a comment.
   */
  private int nextIndicator(char c, int nodeStart) {
    int i = cursor;
    while (i < nodeStart) {
      char ch = text.charAt(i);
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
        i++;
      } else if (ch == '#') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end;
      } else if (ch == c) {
        return i;
      } else {
        break;
      }
    }
    throw new Unsupported("a sequence item without '" + c + "'");
  }

  /**
   * Whether the current output line holds only indentation and an indicator, so the next node may
   * go on it.
   */
  private boolean atLineEnd() {
    String l = strip(line.toString());
    return l.endsWith("-");
  }

  private static boolean hasProperties(CollectionStartEvent c) {
    return c.getAnchor().isPresent() || c.getTag().isPresent();
  }

  /**
   * A block collection's anchor and tag, written where they stand (after the key or "-"), with a
   * comment after them.
   */
  private void properties(CollectionStartEvent collection) {
    if (!hasProperties(collection)) {
      return;
    }
    int from = start(collection);
    gapOnLine(from);
    int lineEnd = text.indexOf('\n', from);
    String rest = text.substring(from, lineEnd < 0 ? text.length() : lineEnd);
    int hash = rest.indexOf(" #");
    String props = (hash < 0 ? rest : rest.substring(0, hash)).strip();
    if (props.isEmpty()) {
      throw new Unsupported("collection properties");
    }
    if (!atLineStart()) {
      line.append(' ');
    }
    line.append(props);
    cursor = from + rest.indexOf(props) + props.length();
    trailing();
  }

  private boolean isMultiLine(Event e) {
    return text.substring(start(e), end(e)).indexOf('\n') >= 0;
  }

  private void scalar(ScalarEvent scalar, int indent) {
    String own = text.substring(start(scalar), end(scalar));
    cursor = end(scalar);
    ScalarStyle style = scalar.getScalarStyle();
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      blockScalar(own, indent);
      return;
    }
    String[] parts = own.split("\n", -1);
    line.append(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].strip();
      if (part.isEmpty()) {
        blankLine(); // an empty line inside a flow scalar is a line break of its value: keep it
      } else {
        startLine(indent + 2);
        line.append(part);
      }
    }
    trailing();
  }

  /**
   * A literal or folded scalar: its header as written, its lines moved as a whole to two spaces
   * past {@code indent}.
   */
  private void blockScalar(String own, int indent) {
    int headerEnd = own.indexOf('\n');
    String header = headerEnd < 0 ? own : own.substring(0, headerEnd);
    int hash = header.indexOf('#');
    String indicators = (hash < 0 ? header : header.substring(0, hash)).strip();
    // The anchor and tag, if any, come before the indicator.
    String indicator = indicators.substring(indicators.lastIndexOf(' ') + 1);
    if (indicator.chars().anyMatch(Character::isDigit)) {
      throw new Unsupported("a block scalar with an indentation indicator");
    }
    line.append(header.strip());
    if (headerEnd < 0) {
      return;
    }
    List<String> content = List.of(own.substring(headerEnd + 1).split("\n", -1));
    int old = Integer.MAX_VALUE;
    for (String l : content) {
      if (!l.isBlank()) {
        int spaces = 0;
        while (spaces < l.length() && l.charAt(spaces) == ' ') {
          spaces++;
        }
        old = Math.min(old, spaces);
        break; // the first non-empty line sets the indentation
      }
    }
    int now = indent + 2;
    int last =
        content.size() - 1; // the slice ends at the start of the next line: its last part is empty
    for (int i = 0; i < last; i++) {
      String l = content.get(i);
      newLine();
      verbatim.add(lines.size());
      if (old == Integer.MAX_VALUE || l.length() <= old && l.isBlank()) {
        line.append(
            l.length() > old && old != Integer.MAX_VALUE ? " ".repeat(now) + l.substring(old) : "");
      } else if (l.startsWith(" ".repeat(old))) {
        line.append(" ".repeat(now)).append(l.substring(old));
      } else {
        throw new Unsupported("a block scalar line less indented than its first line");
      }
    }
    if (last >= 0
        && !content.get(last).isEmpty()) { // the text ends inside the scalar, without a line break
      newLine();
      verbatim.add(lines.size());
      line.append(" ".repeat(now))
          .append(content.get(last).substring(Math.min(old, content.get(last).length())));
    }
  }

  /**
   * A flow collection written as it stands, its continuation lines re-indented two spaces past
   * {@code indent}.
   */
  private void flow(CollectionStartEvent collection, int indent) {
    int depth = 0;
    Event last = collection;
    do {
      Event e = take();
      last = e;
      if (e instanceof CollectionStartEvent) {
        depth++;
      } else if (e.getEventId() == Event.ID.MappingEnd || e.getEventId() == Event.ID.SequenceEnd) {
        depth--;
      }
    } while (depth >= 0);
    String own = text.substring(start(collection), end(last));
    String[] parts = own.split("\n", -1);
    line.append(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].strip();
      if (part.isEmpty()) {
        blankLine();
      } else {
        startLine(indent + 2);
        line.append(part);
      }
    }
    cursor = end(last);
    trailing();
  }

  /**
   * A comment after what was just written, on the same line of the text, goes to the end of the
   * output line.
   */
  private void trailing() {
    int lineEnd = text.indexOf('\n', cursor);
    int until = lineEnd < 0 ? text.length() : lineEnd;
    String rest = text.substring(cursor, until);
    int hash = rest.indexOf('#');
    if (hash >= 0 && rest.substring(0, hash).isBlank()) {
      line.append(' ').append(strip(rest.substring(hash)));
      commented = true;
      cursor = until;
    }
  }

  /**
   * What lies between the cursor and {@code until} on the cursor's line (white space, a comment);
   * the cursor moves there.
   */
  private void gapOnLine(int until) {
    int lineEnd = text.indexOf('\n', cursor);
    if (lineEnd >= 0 && lineEnd < until) {
      gap(until, 0);
      return;
    }
    String between = text.substring(cursor, until);
    if (!between.isBlank()) {
      throw new Unsupported("text between a key and its value: '" + between.strip() + "'");
    }
    cursor = until;
  }

  /**
   * The lines between the cursor and {@code until}: a comment on the cursor's line stays at the end
   * of the output line; comment lines are written at their level ({@code indent} for the next
   * entry, or the level they were written at); blank lines are kept.
   */
  private void gap(int until, int indent) {
    if (until <= cursor) {
      return;
    }
    String between = text.substring(cursor, until);
    String[] parts = between.split("\n", -1);
    // parts[0]: the rest of the cursor's line; parts[last]: the start of the next token's line.
    String first = parts[0];
    int firstFullLine = 1;
    if (cursor == 0 || text.charAt(cursor - 1) == '\n') {
      first =
          ""; // the cursor is at the start of a line (after a block scalar): parts[0] is a whole
      // line
      firstFullLine = 0;
    }
    int hash = first.indexOf('#');
    if (hash >= 0) {
      String before = first.substring(0, hash);
      if (!before.isBlank() && !before.strip().equals(":") && !before.strip().equals("-")) {
        throw new Unsupported("text between nodes: '" + before.strip() + "'");
      }
      line.append(atLineStart() ? "" : " ").append(strip(first.substring(hash)));
      commented = true;
    } else if (!first.isBlank()
        && parts.length > 1
        && !first.strip().equals("-")
        && !first.strip().equals(":")) {
      throw new Unsupported("text between nodes: '" + first.strip() + "'");
    }
    // At the end of the text, its last line is a line like the others (a comment without a final
    // line break).
    int lastLine = until == text.length() ? parts.length : parts.length - 1;
    for (int i = firstFullLine; i < lastLine; i++) {
      String l = parts[i];
      if (l.isBlank()) {
        blankLine();
        continue;
      }
      String body = l.stripLeading();
      if (!body.startsWith("#")) {
        throw new Unsupported("text between nodes: '" + l.strip() + "'");
      }
      startLine(levelOf(l.length() - body.length(), indent));
      line.append(strip(body));
      commented = true;
    }
    cursor = until;
  }

  /**
   * The output column for a comment written at {@code column}: the level it stood at, or {@code
   * indent}.
   */
  private int levelOf(int column, int indent) {
    Integer exact = columns.get(column);
    if (exact != null) {
      return exact;
    }
    var below = columns.floorEntry(column);
    return below == null ? indent : Math.max(indent, below.getValue());
  }

  private void remember(int column, int indent) {
    columns
        .tailMap(column, false)
        .clear(); // deeper levels seen before belong to an earlier structure
    columns.put(column, indent);
  }
}
