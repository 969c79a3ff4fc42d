package dev.rolloutkit.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolloutkit.manifest.KubeScalars.Resolved;
import dev.rolloutkit.manifest.KubeScalars.Unreadable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a YAML text into JSON trees exactly as kubectl does: the text is split into documents at
 * lines that start with {@code ---} (apimachinery's {@code YAMLReader}; only spaces or a comment
 * may follow the marker there), each document is parsed on its own (so one broken document does not
 * hide the others), and its first YAML document becomes JSON through go-yaml v2's resolution and
 * sigs.k8s.io/yaml's conversion ({@link KubeScalars}): merge keys applied in document order,
 * aliases expanded, keys made strings, repeated keys resolved to the last value. snakeyaml-engine
 * does the parsing.
 *
 * <p>What the two YAML versions read differently is refused, not guessed: NEL, LS and PS (U+0085,
 * U+2028, U+2029) are line breaks to Kubernetes's YAML 1.1 reader and ordinary characters to YAML
 * 1.2 readers, so a text holding one is an error at its position.
 */
final class YamlTrees {

  /** How deep documents may nest. */
  static final int MAX_DEPTH = 1000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * The parser's settings, made once (each makes its own schema and resolver). Documents are first
   * read without marks (positions cost about a third of the reading and are rarely asked for); a
   * document is read again with them when a position is wanted: for a problem found while reading,
   * or when {@link Positions} is first asked.
   */
  private static final LoadSettings MARKS =
      LoadSettings.builder().setUseMarks(true).setCodePointLimit(Integer.MAX_VALUE).build();

  private static final LoadSettings NO_MARKS =
      LoadSettings.builder().setUseMarks(false).setCodePointLimit(Integer.MAX_VALUE).build();

  private YamlTrees() {}

  /**
   * {@code settings} with a reading window that holds all of {@code text}: the scanner copies its
   * window each time a token outgrows it, which for a one-line value of megabytes in the default
   * 1,024-character window is quadratic (minutes and gigabytes for a 10 MB value).
   */
  static LoadSettings forText(LoadSettings settings, String text) {
    if (text.length() < 65_536) {
      return settings;
    }
    return LoadSettings.builder()
        .setUseMarks(settings.getUseMarks())
        .setParseComments(settings.getParseComments())
        .setCodePointLimit(Integer.MAX_VALUE)
        .setBufferSize(text.length() + 1)
        .build();
  }

  /**
   * One document of a file, as kubectl would send it: a JSON tree (null when empty), or why it
   * cannot be read.
   */
  record Document(
      int number, long start, JsonNode root, Positions positions, List<Note> notes, Note error) {

    boolean empty() {
      return root == null && error == null;
    }
  }

  /**
   * Something said about a place in a file: 0-based line and column packed as in {@link Positions}.
   */
  record Note(long position, String path, String message) {}

  /** Every document of {@code text} (named {@code file} in positions), empty ones included. */
  static List<Document> read(String file, String text) {
    if (isJson(text)) {
      return JsonTrees.read(file, text);
    }
    List<Document> documents = new ArrayList<>();
    int number = 0;
    for (Chunk chunk : split(text)) {
      number++;
      if (chunk.separatorProblem() != null) {
        documents.add(
            new Document(
                number,
                chunk.start(),
                null,
                new Positions(file, chunk.start()),
                List.of(),
                new Note(chunk.start(), "", chunk.separatorProblem())));
        continue;
      }
      documents.add(new ChunkReader(file, chunk, number, false).read());
    }
    return documents;
  }

  /** Whether kubectl reads the stream as JSON: its first non-white-space character is '{'. */
  static boolean isJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{';
      }
    }
    return false;
  }

  /** A part of the text between separator lines: its text and where it starts (line, column 0). */
  record Chunk(String text, int firstLine, long start, String separatorProblem) {}

  /**
   * The text split as apimachinery's {@code YAMLReader.Read} splits it: a line starting with {@code
   * ---} ends the document before it; anything but spaces or a {@code #} comment after the marker
   * is an error there.
   */
  static List<Chunk> split(String text) {
    List<Chunk> chunks = new ArrayList<>();
    int lineNo = 0;
    int chunkStartLine = 0;
    StringBuilder buffer = new StringBuilder();
    int pos = 0;
    while (pos < text.length()) {
      int end = text.indexOf('\n', pos);
      int next = end < 0 ? text.length() : end + 1;
      String line = text.substring(pos, end < 0 ? text.length() : end);
      String bare = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (bare.startsWith("---")) {
        String rest = bare.substring(3).strip();
        if (!rest.isEmpty() && rest.charAt(0) != '#') {
          if (buffer.length() > 0) {
            chunks.add(
                new Chunk(
                    buffer.toString(), chunkStartLine, Positions.pack(chunkStartLine, 0), null));
          }
          chunks.add(
              new Chunk(
                  "",
                  lineNo,
                  Positions.pack(lineNo, 0),
                  "invalid document separator: kubectl accepts only"
                      + " spaces or a comment after ---, not '"
                      + abbreviate(rest)
                      + "' (put the content on the next line)"));
          buffer.setLength(0);
          chunkStartLine = lineNo + 1;
        } else {
          if (buffer.length() > 0) {
            chunks.add(
                new Chunk(
                    buffer.toString(), chunkStartLine, Positions.pack(chunkStartLine, 0), null));
          }
          buffer.setLength(0);
          chunkStartLine = lineNo + 1;
        }
      } else {
        if (buffer.length() == 0) {
          chunkStartLine = lineNo;
        }
        buffer.append(text, pos, next);
      }
      pos = next;
      lineNo++;
    }
    if (buffer.length() > 0) {
      chunks.add(
          new Chunk(buffer.toString(), chunkStartLine, Positions.pack(chunkStartLine, 0), null));
    }
    return chunks;
  }

  static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  /**
   * Reads one chunk: its first YAML document, as go-yaml v2 decodes it into Go values and
   * sigs.k8s.io/yaml into JSON.
   */
  private static final class ChunkReader {

    private final String file;
    private final Chunk chunk;
    private final int number;

    /**
     * Whether events carry their positions; without, anything that needs a position reads the chunk
     * again with them.
     */
    private final boolean marks;

    private final List<Note> notes = new ArrayList<>();
    private Positions positions;
    private final Map<String, Anchored> anchors = new HashMap<>();

    /** go-yaml's counters against alias bombs ({@code decoder.decodeCount}, {@code aliasCount}). */
    private long decodeCount;

    private long aliasCount;

    ChunkReader(String file, Chunk chunk, int number, boolean marks) {
      this.file = file;
      this.chunk = chunk;
      this.number = number;
      this.marks = marks;
    }

    /**
     * Signals, when reading without marks, that a position is needed: the chunk is read again with
     * them.
     */
    private static final class NeedsMarks extends RuntimeException {
      private static final long serialVersionUID = 1L;
      static final NeedsMarks INSTANCE = new NeedsMarks();

      private NeedsMarks() {
        super(null, null, false, false);
      }
    }

    /** The positions of this chunk's document, read when first asked for. */
    private Positions later(long start) {
      return Positions.later(
          file, start, () -> new ChunkReader(file, chunk, number, true).read().positions());
    }

    /** A failure at a position, carried out of the event walk. */
    private static final class Failure extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final long position;

      Failure(long position, String message) {
        super(message, null, false, false);
        this.position = position;
      }
    }

    /**
     * What an anchor names: the value, and its resolution when it is a scalar (for use as a key).
     */
    private record Anchored(JsonNode value, Resolved scalar, long position) {}

    /**
     * A value JSON cannot carry (NaN, an infinity) or an entry whose key cannot be a JSON key
     * (null, beyond int64): as in sigs.k8s.io/yaml, which converts to JSON after go-yaml has
     * decoded the document, it is an error only if it is still in the document at the end (a
     * repeated key may have dropped it).
     */
    private static final class Poison extends com.fasterxml.jackson.databind.node.TextNode {
      private static final long serialVersionUID = 1L;
      final long at;
      final String message;

      Poison(long at, String message) {
        super("\u0000" + at + message);
        this.at = at;
        this.message = message;
      }
    }

    private int poisons;

    private Poison poison(long at, String message) {
      poisons++;
      return new Poison(at, message);
    }

    /** The first poison in document order, or null. */
    private static Poison firstPoison(JsonNode node) {
      if (node instanceof Poison p) {
        return p;
      }
      if (node.isContainerNode()) {
        for (JsonNode child : node) {
          Poison p = firstPoison(child);
          if (p != null) {
            return p;
          }
        }
      }
      return null;
    }

    Document read() {
      if (!marks) {
        try {
          return readWith(chunk.text());
        } catch (NeedsMarks | Failure | YamlEngineException | StackOverflowError e) {
          return new ChunkReader(file, chunk, number, true)
              .read(); // a problem to place: read again, with positions
        }
      }
      long start = chunk.start();
      positions = new Positions(file, start);
      String text = chunk.text();
      int breakAt = firstYaml11Break(text);
      if (breakAt >= 0) {
        char c = text.charAt(breakAt);
        return failed(
            positionOfIndex(text, breakAt),
            String.format(
                "U+%04X (%s) is a line break to Kubernetes (YAML 1.1) but not to YAML 1.2 tools, so"
                    + " this document means different things to them; remove it, or write it"
                    + " escaped (%s) in a double-quoted string",
                (int) c,
                c == 0x85 ? "NEXT LINE" : c == 0x2028 ? "LINE SEPARATOR" : "PARAGRAPH SEPARATOR",
                c == 0x85 ? "\\N" : c == 0x2028 ? "\\L" : "\\P"));
      }
      // snakeyaml-engine refuses a tab after "key:", which go-yaml skips as white space: each such
      // tab is read as a space.
      for (int attempt = 0; ; attempt++) {
        try {
          return parse(text);
        } catch (MarkedYamlEngineException e) {
          Mark mark = e.getProblemMark().orElse(null);
          int index =
              mark == null
                  ? -1
                  : text.offsetByCodePoints(
                      0, Math.min(mark.getIndex(), text.codePointCount(0, text.length())));
          int escape =
              index >= 1 && index < text.length() ? lineOrParagraphEscape(text, index) : -1;
          if (attempt < 10_000 && escape >= 0) {
            // \L and \P (LINE and PARAGRAPH SEPARATOR), escapes of YAML 1.1 and 1.2 that go-yaml
            // reads and snakeyaml-engine does not: written as \u2028 and \u2029, and the columns
            // after
            // them on that line read back as written.
            text =
                text.substring(0, escape)
                    + (text.charAt(escape + 1) == 'L' ? "\\u2028" : "\\u2029")
                    + text.substring(escape + 2);
            shifts.add(new long[] {mark.getLine(), mark.getColumn(), 4});
            anchors.clear();
            notes.clear();
            positions = new Positions(file, start);
            decodeCount = 0;
            aliasCount = 0;
            poisons = 0;
            continue;
          }
          if (attempt < 10_000
              && index >= 0
              && index < text.length()
              && text.charAt(index) == '\t'
              && tabSeparatesValue(text, index)) {
            text = text.substring(0, index) + ' ' + text.substring(index + 1);
            anchors.clear();
            notes.clear();
            positions = new Positions(file, start);
            decodeCount = 0;
            aliasCount = 0;
            poisons = 0;
            continue;
          }
          long at =
              mark == null
                  ? start
                  : Positions.pack(chunk.firstLine() + mark.getLine(), mark.getColumn());
          return failed(at, "not valid YAML: " + syntaxMessage(e));
        } catch (Failure f) {
          return failed(f.position, f.getMessage());
        } catch (org.snakeyaml.engine.v2.exceptions.ReaderException e) {
          int index =
              text.offsetByCodePoints(
                  0, Math.min(e.getPosition(), text.codePointCount(0, text.length())));
          return failed(
              positionOfIndex(text, index),
              String.format(
                  "not valid YAML: control character U+%04X is not allowed (YAML text may hold tabs"
                      + " and line breaks, no other control characters; write it escaped in a"
                      + " double-quoted string)",
                  e.getCodePoint()));
        } catch (YamlEngineException e) {
          return failed(start, "not valid YAML: " + firstLine(e.getMessage()));
        } catch (StackOverflowError e) {
          return failed(start, "nested too deeply to read (more than " + MAX_DEPTH + " levels)");
        }
      }
    }

    /** The fast reading, without marks: throws at anything that needs a position. */
    private Document readWith(String text) {
      if (firstYaml11Break(text) >= 0) {
        throw NeedsMarks.INSTANCE;
      }
      positions = later(chunk.start());
      return parse(text);
    }

    private Document failed(long at, String message) {
      return new Document(
          number, chunk.start(), null, positions, List.copyOf(notes), new Note(at, "", message));
    }

    private Document parse(String text) {
      Iterator<Event> events =
          new Parse(forText(marks ? MARKS : NO_MARKS, text)).parseString(text).iterator();
      JsonNode root = null;
      long rootAt = chunk.start();
      boolean inDocument = false;
      boolean documentSeen = false;
      while (events.hasNext()) {
        Event event = events.next();
        switch (event.getEventId()) {
          case DocumentStart:
            if (documentSeen) {
              needMarks();
              notes.add(
                  new Note(
                      at(event),
                      "",
                      "a second YAML document in one kubectl document (after '...'): kubectl reads"
                          + " only the first and ignores this one; start it with a --- line"
                          + " instead"));
              return new Document(number, chunk.start(), root, positions, List.copyOf(notes), null);
            }
            inDocument = true;
            documentSeen = true;
            break;
          case DocumentEnd:
            inDocument = false;
            break;
          case StreamEnd:
          case StreamStart:
            break;
          default:
            if (inDocument) {
              rootAt = at(event);
              positions = marks ? new Positions(file, rootAt) : later(rootAt);
              Value v = node(event, events, 0, "");
              root = v.node;
              if (poisons > 0) {
                Poison p = firstPoison(root);
                if (p != null) {
                  needMarks();
                  throw new Failure(p.at, p.message);
                }
              }
              positions.root(root);
            }
        }
      }
      if (root != null && root.isNull()) {
        root = null; // a document that is only "null" or "~" is skipped like an empty one
      }
      return new Document(number, rootAt, root, positions, List.copyOf(notes), null);
    }

    /**
     * A value read from the events: its JSON and, for scalars, how it resolved (keys need that).
     */
    private record Value(JsonNode node, Resolved scalar, boolean mapping) {}

    private Value node(Event event, Iterator<Event> events, int depth, String path) {
      if (depth > MAX_DEPTH) {
        throw new Failure(at(event), "nested more than " + MAX_DEPTH + " levels deep");
      }
      decodeCount++;
      if (event instanceof AliasEvent alias) {
        String name = alias.getAlias().getValue();
        Anchored anchored = anchors.get(name);
        if (anchored == null) {
          throw new Failure(at(event), "unknown anchor '" + name + "' referenced");
        }
        JsonNode copy = copyCounted(anchored.value, at(event));
        if (marks) {
          positions.copy(anchored.value, copy);
        }
        return new Value(copy, anchored.scalar, copy.isObject());
      }
      Value value;
      if (event instanceof ScalarEvent scalar) {
        Resolved r = resolve(scalar);
        try {
          value = new Value(KubeScalars.toJson(r), r, false);
        } catch (Unreadable e) {
          value = new Value(poison(at(event), path(path) + e.getMessage()), r, false);
        }
      } else if (event instanceof MappingStartEvent) {
        value = new Value(mapping(events, depth, path), null, true);
      } else if (event instanceof SequenceStartEvent) {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        for (Event item = events.next();
            item.getEventId() != Event.ID.SequenceEnd;
            item = events.next()) {
          long itemAt = at(item);
          Value v = node(item, events, depth + 1, path + "[" + index + "]");
          array.add(v.node);
          if (marks) {
            positions.item(array, itemAt);
          }
          index++;
        }
        value = new Value(array, null, false);
      } else {
        throw new Failure(at(event), "unexpected " + event.getEventId());
      }
      if (event instanceof NodeEvent ne && ne.getAnchor().isPresent()) {
        anchors.put(
            ne.getAnchor().get().getValue(), new Anchored(value.node, value.scalar, at(event)));
      }
      return value;
    }

    private ObjectNode mapping(Iterator<Event> events, int depth, String path) {
      ObjectNode object = NODES.objectNode();
      Map<String, Long> firstSeen = new HashMap<>();
      for (Event keyEvent = events.next();
          keyEvent.getEventId() != Event.ID.MappingEnd;
          keyEvent = events.next()) {
        long keyAt = at(keyEvent);
        if (keyEvent instanceof CollectionStartEvent) {
          throw new Failure(
              keyAt,
              "invalid map key: a mapping or sequence cannot be a key (Kubernetes keys are"
                  + " strings)");
        }
        if (isMerge(keyEvent)) {
          Event valueEvent = events.next();
          Value merged = node(valueEvent, events, depth + 1, path);
          merge(object, merged, valueEvent, keyAt);
          continue;
        }
        Value key = node(keyEvent, events, depth + 1, path);
        if (key.scalar == null) {
          throw new Failure(
              keyAt,
              "invalid map key: a mapping or sequence cannot be a key (Kubernetes keys are"
                  + " strings)");
        }
        String name;
        try {
          name = KubeScalars.toKey(key.scalar);
        } catch (Unreadable e) {
          // an entry no JSON can hold: an error if it is still there when the document is done
          name = "\u0000key " + poisons;
          Event valueEvent = events.next();
          node(valueEvent, events, depth + 1, path);
          object.set(name, poison(keyAt, path(path) + e.getMessage()));
          continue;
        }
        Event valueEvent = events.next();
        long valueAt = at(valueEvent);
        String childPath = path.isEmpty() ? name : path + "." + name;
        Value value = node(valueEvent, events, depth + 1, childPath);
        JsonNode previous = object.get(name);
        if (previous != null && firstSeen.containsKey(name)) {
          needMarks();
          long first = firstSeen.get(name);
          boolean same = previous.equals(value.node);
          notes.add(
              new Note(
                  keyAt,
                  childPath,
                  "key "
                      + childPath
                      + " is written twice (also at line "
                      + (Positions.line(first) + 1)
                      + ")"
                      + (same
                          ? " with the same value"
                          : "; Kubernetes keeps this later value and drops the earlier one")));
        }
        firstSeen.putIfAbsent(name, keyAt);
        object.set(name, value.node);
        if (marks) {
          positions.field(object, name, keyAt, valueAt);
        }
      }
      return object;
    }

    /**
     * go-yaml's {@code decoder.merge}: every field of the merged mapping(s) set in turn; earlier
     * ones of a list win.
     */
    private void merge(ObjectNode into, Value merged, Event valueEvent, long keyAt) {
      List<JsonNode> sources = new ArrayList<>();
      if (merged.node.isObject() && merged.mapping) {
        sources.add(merged.node);
      } else if (merged.node.isArray() && valueEvent instanceof SequenceStartEvent) {
        for (int i = merged.node.size() - 1; i >= 0; i--) {
          if (!merged.node.get(i).isObject()) {
            throw new Failure(keyAt, "map merge requires map or sequence of maps as the value");
          }
          sources.add(merged.node.get(i));
        }
      } else {
        throw new Failure(keyAt, "map merge requires map or sequence of maps as the value");
      }
      for (JsonNode source : sources) {
        source
            .fields()
            .forEachRemaining(
                e -> {
                  into.set(e.getKey(), e.getValue());
                  long[] where = marks ? positions.field(source, e.getKey()) : null;
                  if (where != null) {
                    positions.field(into, e.getKey(), where[0], where[1]);
                  }
                });
      }
    }

    private boolean isMerge(Event keyEvent) {
      if (!(keyEvent instanceof ScalarEvent s) || !s.getValue().equals("<<")) {
        return false;
      }
      boolean implicitPlain = s.getTag().isEmpty() && s.getScalarStyle() == ScalarStyle.PLAIN;
      return implicitPlain || s.getTag().map(KubeScalars.MERGE::equals).orElse(false);
    }

    private Resolved resolve(ScalarEvent scalar) {
      Optional<String> tag = scalar.getTag();
      if (tag.isPresent() && !tag.get().equals("!")) {
        try {
          return KubeScalars.tagged(tag.get(), scalar.getValue());
        } catch (Unreadable e) {
          throw new Failure(at(scalar), e.getMessage());
        }
      }
      if (tag.isEmpty() && scalar.getScalarStyle() == ScalarStyle.PLAIN) {
        return KubeScalars.plain(scalar.getValue());
      }
      return Resolved.string(scalar.getValue());
    }

    /** A deep copy of an anchored value, counted as go-yaml counts alias expansions. */
    private JsonNode copyCounted(JsonNode value, long at) {
      long size = count(value);
      decodeCount += size;
      aliasCount += size;
      if (aliasCount > 100
          && decodeCount > 1000
          && (double) aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
        throw new Failure(at, "document contains excessive aliasing");
      }
      return value.deepCopy();
    }

    private static long count(JsonNode node) {
      long n = 1;
      if (node.isObject()) {
        n += node.size(); // the keys
      }
      for (JsonNode child : node) {
        n += count(child);
      }
      return n;
    }

    /** go-yaml's {@code allowedAliasRatio}. */
    private static double allowedAliasRatio(long decodeCount) {
      if (decodeCount <= 400_000) {
        return 0.99;
      }
      if (decodeCount >= 4_000_000) {
        return 0.10;
      }
      return 0.99 - 0.89 * ((double) (decodeCount - 400_000) / 3_600_000);
    }

    private void needMarks() {
      if (!marks) {
        throw NeedsMarks.INSTANCE;
      }
    }

    private long at(Event event) {
      Mark m = event.getStartMark().orElse(null);
      return m == null
          ? chunk.start()
          : Positions.pack(chunk.firstLine() + m.getLine(), column(m.getLine(), m.getColumn()));
    }

    /**
     * {@code \L}, {@code \P} escapes rewritten longer: (line, column after which, extra
     * characters).
     */
    private final List<long[]> shifts = new ArrayList<>();

    /** The column as written, for a column of the text as read (after rewritten escapes). */
    private int column(int line, int column) {
      int written = column;
      for (long[] shift : shifts) {
        if (shift[0] == line && shift[1] < column) {
          written -= (int) shift[2];
        }
      }
      return written;
    }

    /**
     * The index of the backslash of a {@code \L} or {@code \P} escape that the scanner stopped at
     * {@code index}, or -1.
     */
    private static int lineOrParagraphEscape(String text, int index) {
      for (int i = Math.max(0, index - 1); i <= Math.min(index, text.length() - 2); i++) {
        char next = text.charAt(i + 1);
        if (text.charAt(i) == '\\' && (next == 'L' || next == 'P')) {
          int backslashes = 0;
          for (int j = i; j >= 0 && text.charAt(j) == '\\'; j--) {
            backslashes++;
          }
          if (backslashes % 2 == 1) {
            return i;
          }
        }
      }
      return -1;
    }

    private long positionOfIndex(String text, int index) {
      int line = 0;
      int lineStart = 0;
      for (int i = 0; i < index; i++) {
        if (text.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      return Positions.pack(chunk.firstLine() + line, text.codePointCount(lineStart, index));
    }

    private static String path(String path) {
      return path.isEmpty() ? "" : path + ": ";
    }
  }

  /** The index of the first NEL, LS or PS, or -1. */
  static int firstYaml11Break(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0x85 || c == 0x2028 || c == 0x2029) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether the tab at {@code index} is white space go-yaml skips (after a mapping value indicator,
   * or after other text on the line) rather than indentation or a tab after {@code -} or {@code ?},
   * which go-yaml refuses too.
   */
  private static boolean tabSeparatesValue(String text, int index) {
    int lineStart = text.lastIndexOf('\n', index - 1) + 1;
    int i = index - 1;
    while (i >= lineStart && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i--;
    }
    if (i < lineStart) {
      return false; // indentation
    }
    char before = text.charAt(i);
    boolean indicatorAlone =
        (before == '-' || before == '?')
            && (i == lineStart || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t');
    return !indicatorAlone;
  }

  /** The problem of a syntax error in one line, with snakeyaml-engine's own words. */
  static String syntaxMessage(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem().replace('\n', ' ').strip();
    String context = e.getContext() == null ? "" : e.getContext().replace('\n', ' ').strip();
    String text =
        context.isEmpty() ? problem : problem.isEmpty() ? context : context + ": " + problem;
    return text.isEmpty() ? firstLine(e.getMessage()) : text;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.strip().lines().findFirst().orElse(message);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
