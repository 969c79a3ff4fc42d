package dev.rolloutkit.lint;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.rolloutkit.rules.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One document of a YAML text and where each of its fields is: field paths ({@code spec.strategy.canary.steps[3].pause})
 * to 1-based line and column. A path that was not written (a finding about a missing field) falls back to its nearest
 * written parent.
 *
 * <p>The text is parsed once: the walk that notes the positions copies each token into a buffer, from which the
 * document is read typed, and its tree only when something asks for it (a finding to locate, a filter or an observer),
 * by the same mapper that would have read the text: the tree reading the text would give, without scanning it again.
 * The walk notes what lint checks before reading typed: whether the document is empty or a mapping, and its top-level
 * {@code apiVersion} and {@code kind}.
 */
final class YamlLocations {

  private final String file;
  private final ObjectMapper mapper;
  private final TokenBuffer tokens;
  private final JsonToken first;
  private final Map<String, String> topLevelText;
  /** Read from the tokens the first time it is asked for. */
  private JsonNode document;
  /** Line and column of the document, then of each key and sequence item in document order (a repeated key once). */
  private final int[] marks;
  /** Paths to line and column, worked out from the marks the first time a finding asks (few documents have any). */
  private Map<String, int[]> positions;
  private final List<String> repeatedKeys;
  private final boolean plainNumbers;

  private YamlLocations(String file, ObjectMapper mapper, TokenBuffer tokens, JsonToken first, Map<String, String> topLevelText,
      int[] marks, List<String> repeatedKeys, boolean plainNumbers) {
    this.file = file;
    this.mapper = mapper;
    this.tokens = tokens;
    this.first = first;
    this.topLevelText = topLevelText;
    this.marks = marks;
    this.repeatedKeys = repeatedKeys;
    this.plainNumbers = plainNumbers;
  }

  /**
   * True if every number in the document is a whole number written as Java writes it ({@code 8080}, {@code -1}; not
   * {@code 1.10}, {@code 010}, {@code +5}, {@code 1_000}): then a string field holding one reads the same from the
   * tokens as from the document's tree, whose numbers print as numbers do.
   */
  boolean plainNumbers() {
    return plainNumbers;
  }

  /** True for a document with nothing in it: no content, {@code null}, or an empty string. */
  boolean empty() {
    return first == JsonToken.VALUE_NULL || first == JsonToken.VALUE_STRING && "".equals(topLevelText.get(""));
  }

  /** True if the document is a mapping. */
  boolean mapping() {
    return first == JsonToken.START_OBJECT;
  }

  /** The text of a top-level field whose value is a string ({@code apiVersion}, {@code kind}), or null. */
  String topLevelText(String field) {
    return topLevelText.get(field);
  }

  /** The document as a tree, read from its tokens the first time. */
  synchronized JsonNode document() {
    if (document == null) {
      try (JsonParser buffered = tokens.asParser()) {
        document = mapper.readTree(buffered);
      } catch (IOException e) {
        throw new IllegalStateException("re-reading buffered tokens of " + file, e);
      }
    }
    return document;
  }

  /** The document's tokens, to read it typed without a tree in between. */
  JsonParser tokens() {
    return tokens.asParser();
  }

  /** Paths of keys written twice in one mapping with the same scalar value (harmless; reported as a warning). */
  List<String> repeatedKeys() {
    return repeatedKeys;
  }

  /** The location of {@code path} ({@code ""} for the document itself). */
  Optional<SourceLocation> locate(String path) {
    if (marks.length == 0) {
      return Optional.empty();
    }
    if (path.isEmpty()) {
      return Optional.of(SourceLocation.of(file, marks[0], marks[1]));
    }
    synchronized (this) {
      if (positions == null) {
        positions = new HashMap<>();
        positions.put("", new int[] {marks[0], marks[1]});
        index(document(), "", new int[] {2});
      }
    }
    String p = path;
    while (true) {
      int[] at = positions.get(p);
      if (at != null) {
        return Optional.of(SourceLocation.of(file, at[0], at[1]));
      }
      if (p.isEmpty()) {
        return Optional.empty();
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
  }

  /**
   * Gives each key and item of the tree its mark: the tree holds the document's keys and items in the order the walk
   * met them (a repeated key once, where it was first written), so the n-th one met is the n-th mark.
   */
  private void index(JsonNode node, String path, int[] next) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        positions.putIfAbsent(fieldPath, new int[] {marks[next[0]], marks[next[0] + 1]});
        next[0] += 2;
        index(field.getValue(), fieldPath, next);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String itemPath = path + "[" + i + "]";
        positions.putIfAbsent(itemPath, new int[] {marks[next[0]], marks[next[0] + 1]});
        next[0] += 2;
        index(node.get(i), itemPath, next);
      }
    }
  }

  /**
   * Every document of {@code text}, in order, with the positions of its fields (none for a document that is no mapping).
   * A text in {@link SubsetYamlEvents}' subset, read with lint's mapper, goes from the scanner into the documents
   * ({@link SubsetYamlDocuments}); any other, or one holding a scalar whose reading only the parser knows, through the
   * mapper's parser.
   */
  static List<YamlLocations> of(String file, String text, ObjectMapper mapper) throws IOException {
    if (mapper.getFactory() instanceof SubsetYamlFactory) {
      List<YamlLocations> documents = SubsetYamlDocuments.read(file, text, mapper);
      if (documents != null) {
        return documents;
      }
    }
    return throughParser(file, text, mapper);
  }

  /** {@link #of} through the mapper's parser. */
  static List<YamlLocations> throughParser(String file, String text, ObjectMapper mapper) throws IOException {
    List<YamlLocations> documents = new ArrayList<>();
    try (JsonParser parser = mapper.getFactory().createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        // No native ids: YAML tags and anchors are left out, as reading the text into a tree leaves them out.
        TokenBuffer tokens = new TokenBuffer(mapper, false);
        Walk walk = new Walk();
        JsonLocation at = parser.currentTokenLocation();
        walk.root(token, token == JsonToken.VALUE_STRING ? parser.getText() : null, at.getLineNr(), at.getColumnNr());
        if (token == JsonToken.START_OBJECT) {
          tokens.copyCurrentEvent(parser);
          walkObject(parser, tokens, walk);
        } else {
          tokens.copyCurrentStructure(parser);
        }
        documents.add(walk.document(file, mapper, tokens));
      }
    }
    return documents;
  }

  /** Feeds the rest of the object just started to the walk, copying each token into the buffer. */
  private static void walkObject(JsonParser parser, TokenBuffer tokens, Walk walk) throws IOException {
    while (walk.open()) {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        tokens.copyCurrentEvent(parser);
        walk.end();
      } else if (token == JsonToken.FIELD_NAME) {
        tokens.copyCurrentEvent(parser);
        JsonLocation at = parser.currentTokenLocation();
        walk.key(parser.currentName(), at.getLineNr(), at.getColumnNr());
      } else {
        String text = token.isScalarValue() ? parser.getText() : null;
        if (token.isNumeric() && walk.plainNumbers()
            && (token != JsonToken.VALUE_NUMBER_INT || !parser.getNumberValue().toString().equals(text))) {
          walk.numberNotAsWritten();
        }
        int line = 0;
        int column = 0;
        if (walk.inArray()) { // an object's values are marked where their keys are
          JsonLocation at = parser.currentTokenLocation();
          line = at.getLineNr();
          column = at.getColumnNr();
        }
        walk.value(token, text, line, column);
        if (parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml && yaml.isCurrentAlias()) {
          JsonLocation at = parser.currentTokenLocation();
          throw new AliasException(at.getLineNr(), at.getColumnNr(), parser.getText());
        }
        tokens.copyCurrentEvent(parser);
      }
    }
  }

  /**
   * One document's walk, told each token in order: marks keys and items, finds repeated keys, notes the top-level
   * {@code apiVersion} and {@code kind} and whether every number is written as it prints. Whoever reads the text
   * copies the tokens into the document's buffer.
   */
  static final class Walk {
    private final List<String> repeated = new ArrayList<>();
    /** The path being walked, as names and indexes; made into text only for a repeated key. */
    private final List<Object> segments = new ArrayList<>();
    /** Top-level fields with string values (the last written, as in the tree); the document's own text under "". */
    private final Map<String, String> topLevelText = new HashMap<>(4);
    /** The open containers, innermost last: an object's keys, or an array's next index. */
    private final List<Object> open = new ArrayList<>();
    /** Key lists of closed mappings, for the next ones. */
    private final List<Keys> spare = new ArrayList<>();
    private int[] marks = new int[64];
    private int count;
    /** No number so far that prints differently from how it is written. */
    private boolean plainNumbers = true;
    private JsonToken first;
    /** The key just read in the innermost object, waiting for its value, and where it is. */
    private String key;
    private int keyLine;
    private int keyColumn;

    private void mark(int line, int column) {
      if (count + 2 > marks.length) {
        marks = Arrays.copyOf(marks, marks.length * 2);
      }
      marks[count++] = line;
      marks[count++] = column;
    }

    String path() {
      StringBuilder b = new StringBuilder();
      for (Object segment : segments) {
        if (segment instanceof String name) {
          if (b.length() > 0) {
            b.append('.');
          }
          b.append(name);
        } else {
          b.append('[').append(segment).append(']');
        }
      }
      return b.toString();
    }

    boolean plainNumbers() {
      return plainNumbers;
    }

    /** A number that prints otherwise than it is written ({@code 010}, {@code 1.10}, {@code -0}). */
    void numberNotAsWritten() {
      plainNumbers = false;
    }

    /** True while a container of the document is open. */
    boolean open() {
      return !open.isEmpty();
    }

    /** True if the innermost open container is an array. */
    boolean inArray() {
      return !open.isEmpty() && open.get(open.size() - 1) instanceof int[];
    }

    /** True if the innermost open container is an object waiting for a key. */
    boolean expectsKey() {
      return key == null && !open.isEmpty() && open.get(open.size() - 1) instanceof Keys;
    }

    /** True once the document's first token has been told. */
    boolean started() {
      return first != null;
    }

    /** The document's first token, at a 1-based line and column; an object's is the walk's first mark. */
    void root(JsonToken token, String text, int line, int column) {
      first = token;
      if (token == JsonToken.START_OBJECT) {
        mark(line, column);
        open.add(keys());
      } else if (token == JsonToken.VALUE_STRING) {
        topLevelText.put("", text);
      }
    }

    /** A key of the innermost object, at a 1-based line and column. */
    void key(String name, int line, int column) {
      key = name;
      keyLine = line;
      keyColumn = column;
    }

    /**
     * The first token of a value in the innermost container (its text if a scalar), at a 1-based line and column (an
     * array's items only: an object's values are marked at their keys).
     */
    void value(JsonToken token, String text, int line, int column) throws DuplicateKeyException {
      Object container = open.get(open.size() - 1);
      if (container instanceof Keys seen) {
        String name = key;
        key = null;
        if (open.size() == 1 && (name.equals("apiVersion") || name.equals("kind"))) {
          topLevelText.remove(name);
          if (token == JsonToken.VALUE_STRING) {
            topLevelText.put(name, text);
          }
        }
        segments.add(name);
        int before = seen.indexOf(name);
        if (before >= 0) {
          if (!seen.sameScalar(before, token, text)) {
            throw new DuplicateKeyException(keyLine, keyColumn, path());
          }
          repeated.add(path()); // the tree keeps the first one only, and so do the marks
        } else {
          seen.add(name, token, text);
          mark(keyLine, keyColumn);
        }
      } else {
        int[] next = (int[]) container;
        segments.add(next[0]++);
        mark(line, column);
      }
      if (token == JsonToken.START_OBJECT) {
        open.add(keys());
      } else if (token == JsonToken.START_ARRAY) {
        open.add(new int[1]);
      } else {
        segments.remove(segments.size() - 1);
      }
    }

    /** The end of the innermost container. */
    void end() {
      if (open.remove(open.size() - 1) instanceof Keys done) {
        done.clear();
        spare.add(done);
      }
      if (!open.isEmpty()) {
        segments.remove(segments.size() - 1);
      }
    }

    /** The document walked, its tokens in {@code tokens}. */
    YamlLocations document(String file, ObjectMapper mapper, TokenBuffer tokens) {
      return new YamlLocations(file, mapper, tokens, first, topLevelText, Arrays.copyOf(marks, count), repeated,
          plainNumbers && first == JsonToken.START_OBJECT);
    }

    /** A mapping's key list, one that a closed mapping of this document left if there is one. */
    private Keys keys() {
      return spare.isEmpty() ? new Keys() : spare.remove(spare.size() - 1);
    }

    /**
     * The keys of one mapping with their scalar values (to tell a harmless repeat from a conflicting one): scanned while
     * few (most mappings), hashed beyond.
     */
    private static final class Keys {
      private String[] names = new String[8];
      /** Each key's value if a scalar: its token and text; null for a collection. */
      private JsonToken[] tokens = new JsonToken[8];
      private String[] texts = new String[8];
      private int size;
      private Map<String, Integer> index;

      void clear() {
        size = 0;
        index = null;
      }

      int indexOf(String name) {
        if (index != null) {
          return index.getOrDefault(name, -1);
        }
        for (int i = 0; i < size; i++) {
          if (names[i].equals(name)) {
            return i;
          }
        }
        return -1;
      }

      /** True if key {@code i} and a repeat of it both have a scalar value, the same. */
      boolean sameScalar(int i, JsonToken token, String text) {
        return text != null && texts[i] != null && tokens[i] == token && texts[i].equals(text);
      }

      void add(String name, JsonToken token, String text) {
        if (size == names.length) {
          names = Arrays.copyOf(names, size * 2);
          tokens = Arrays.copyOf(tokens, size * 2);
          texts = Arrays.copyOf(texts, size * 2);
        }
        names[size] = name;
        tokens[size] = token;
        texts[size] = text;
        if (index != null) {
          index.put(name, size);
        } else if (size == 16) {
          index = new HashMap<>();
          for (int i = 0; i <= size; i++) {
            index.put(names[i], i);
          }
        }
        size++;
      }
    }
  }

  /** Input the walk refuses, at a line and column. */
  static class PositionedException extends IOException {
    final int line;
    final int column;

    PositionedException(int line, int column, String message) {
      super(message);
      this.line = line;
      this.column = column;
    }
  }

  /** A YAML alias, which would be read as plain text and change the manifest's meaning. */
  static final class AliasException extends PositionedException {
    AliasException(int line, int column, String alias) {
      super(line, column, "YAML alias *" + alias + " is not supported: it would be read as the plain text \"" + alias
          + "\" and change the manifest's meaning; write the value out");
    }
  }

  /** A key written twice in one mapping with different values: which one applies is ambiguous. */
  static final class DuplicateKeyException extends PositionedException {
    DuplicateKeyException(int line, int column, String path) {
      super(line, column, "not valid YAML: duplicate key " + path + " with a different value (which one applies is ambiguous)");
    }
  }
}
