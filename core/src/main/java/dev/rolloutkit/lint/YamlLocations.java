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
 * <p>The text is parsed once: the walk that notes the positions copies each token into a buffer, and the document's
 * tree is read from that buffer by the same mapper that would have read the text (so it is the tree reading the text
 * would give, without scanning the text a second time).
 */
final class YamlLocations {

  private final String file;
  private final JsonNode document;
  private TokenBuffer tokens;
  /** Line and column of the document, then of each key and sequence item in document order (a repeated key once). */
  private final int[] marks;
  /** Paths to line and column, worked out from the marks the first time a finding asks (few documents have any). */
  private Map<String, int[]> positions;
  private final List<String> repeatedKeys;

  private YamlLocations(String file, JsonNode document, TokenBuffer tokens, int[] marks, List<String> repeatedKeys) {
    this.file = file;
    this.document = document;
    this.tokens = tokens;
    this.marks = marks;
    this.repeatedKeys = repeatedKeys;
  }

  /** The document as a tree: null when the document is empty. */
  JsonNode document() {
    return document;
  }

  /**
   * The document's tokens, once (to read it typed without going through the tree again); the buffer is let go, since
   * the locations outlive it.
   */
  JsonParser takeTokens() {
    TokenBuffer taken = tokens;
    tokens = null;
    return taken.asParser();
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
        index(document, "", new int[] {2});
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

  /** Every document of {@code text}, in order, with the positions of its fields (none for a document that is no mapping). */
  static List<YamlLocations> of(String file, String text, ObjectMapper mapper) throws IOException {
    List<YamlLocations> documents = new ArrayList<>();
    try (JsonParser parser = mapper.getFactory().createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        // No native ids: YAML tags and anchors are left out, as reading the text into a tree leaves them out.
        TokenBuffer tokens = new TokenBuffer(mapper, false);
        Walk walk = new Walk(parser, tokens);
        if (token == JsonToken.START_OBJECT) {
          walk.mark(parser.currentTokenLocation());
          tokens.copyCurrentEvent(parser);
          walk.object();
        } else {
          tokens.copyCurrentStructure(parser);
        }
        JsonNode document;
        try (JsonParser buffered = tokens.asParser()) {
          document = mapper.readTree(buffered);
        }
        documents.add(new YamlLocations(file, document, tokens, Arrays.copyOf(walk.marks, walk.count), walk.repeated));
      }
    }
    return documents;
  }

  /** One document's walk: copies each token into the buffer, marks keys and items, checks repeats and aliases. */
  private static final class Walk {
    private final JsonParser parser;
    private final TokenBuffer tokens;
    private final List<String> repeated = new ArrayList<>();
    /** The path being walked, as names and indexes; made into text only for a repeated key. */
    private final List<Object> segments = new ArrayList<>();
    private int[] marks = new int[64];
    private int count;

    Walk(JsonParser parser, TokenBuffer tokens) {
      this.parser = parser;
      this.tokens = tokens;
    }

    void mark(JsonLocation at) {
      if (count + 2 > marks.length) {
        marks = Arrays.copyOf(marks, marks.length * 2);
      }
      marks[count++] = at.getLineNr();
      marks[count++] = at.getColumnNr();
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

    /** A key's scalar value, to tell a harmless repeat from a conflicting one. */
    private record Scalar(JsonToken token, String text) {}

    void object() throws IOException {
      Map<String, Scalar> seen = new HashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        tokens.copyCurrentEvent(parser);
        String name = parser.currentName();
        JsonLocation keyAt = parser.currentTokenLocation();
        JsonToken value = parser.nextToken();
        Scalar scalar = value.isScalarValue() ? new Scalar(value, parser.getText()) : null;
        segments.add(name);
        if (seen.containsKey(name)) {
          if (scalar == null || !scalar.equals(seen.get(name))) {
            throw new DuplicateKeyException(keyAt.getLineNr(), keyAt.getColumnNr(), path());
          }
          repeated.add(path()); // the tree keeps the first one only, and so do the marks
        } else {
          seen.put(name, scalar);
          mark(keyAt);
        }
        value(value);
        segments.remove(segments.size() - 1);
      }
      tokens.copyCurrentEvent(parser); // END_OBJECT
    }

    private void value(JsonToken token) throws IOException {
      if (parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml && yaml.isCurrentAlias()) {
        JsonLocation at = parser.currentTokenLocation();
        throw new AliasException(at.getLineNr(), at.getColumnNr(), parser.getText());
      }
      tokens.copyCurrentEvent(parser);
      if (token == JsonToken.START_OBJECT) {
        object();
      } else if (token == JsonToken.START_ARRAY) {
        int index = 0;
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
          segments.add(index++);
          mark(parser.currentTokenLocation());
          value(item);
          segments.remove(segments.size() - 1);
        }
        tokens.copyCurrentEvent(parser); // END_ARRAY
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
