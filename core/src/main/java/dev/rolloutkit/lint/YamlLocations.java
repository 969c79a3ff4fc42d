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
import java.util.HashMap;
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
  private final Map<String, int[]> positions;
  private final List<String> repeatedKeys;

  private YamlLocations(String file, JsonNode document, TokenBuffer tokens, Map<String, int[]> positions, List<String> repeatedKeys) {
    this.file = file;
    this.document = document;
    this.tokens = tokens;
    this.positions = positions;
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

  /** Every document of {@code text}, in order, with the positions of its fields (none for a document that is no mapping). */
  static List<YamlLocations> of(String file, String text, ObjectMapper mapper) throws IOException {
    List<YamlLocations> documents = new ArrayList<>();
    try (JsonParser parser = mapper.getFactory().createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        // No native ids: YAML tags and anchors are left out, as reading the text into a tree leaves them out.
        TokenBuffer tokens = new TokenBuffer(mapper, false);
        Map<String, int[]> positions = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        if (token == JsonToken.START_OBJECT) {
          positions.put("", at(parser.currentTokenLocation()));
          tokens.copyCurrentEvent(parser);
          walkObject(parser, tokens, "", positions, repeated);
        } else {
          tokens.copyCurrentStructure(parser);
        }
        JsonNode document;
        try (JsonParser buffered = tokens.asParser()) {
          document = mapper.readTree(buffered);
        }
        documents.add(new YamlLocations(file, document, tokens, positions, repeated));
      }
    }
    return documents;
  }

  private static void walkObject(JsonParser parser, TokenBuffer tokens, String prefix, Map<String, int[]> positions,
      List<String> repeated) throws IOException {
    Map<String, String> scalars = new HashMap<>();
    JsonToken t;
    while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
      tokens.copyCurrentEvent(parser);
      String name = parser.currentName();
      String path = prefix.isEmpty() ? name : prefix + "." + name;
      JsonLocation keyAt = parser.currentTokenLocation();
      JsonToken value = parser.nextToken();
      String scalar = value.isScalarValue() ? value + ":" + parser.getText() : null;
      if (scalars.containsKey(name)) {
        if (scalar == null || !scalar.equals(scalars.get(name))) {
          throw new DuplicateKeyException(keyAt.getLineNr(), keyAt.getColumnNr(), path);
        }
        repeated.add(path);
      } else {
        scalars.put(name, scalar);
      }
      positions.putIfAbsent(path, at(keyAt));
      walkValue(parser, tokens, value, path, positions, repeated);
    }
    tokens.copyCurrentEvent(parser); // END_OBJECT
  }

  private static void walkValue(JsonParser parser, TokenBuffer tokens, JsonToken token, String path, Map<String, int[]> positions,
      List<String> repeated) throws IOException {
    if (parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml && yaml.isCurrentAlias()) {
      JsonLocation at = parser.currentTokenLocation();
      throw new AliasException(at.getLineNr(), at.getColumnNr(), parser.getText());
    }
    tokens.copyCurrentEvent(parser);
    if (token == JsonToken.START_OBJECT) {
      walkObject(parser, tokens, path, positions, repeated);
    } else if (token == JsonToken.START_ARRAY) {
      int index = 0;
      JsonToken item;
      while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
        String itemPath = path + "[" + index++ + "]";
        positions.putIfAbsent(itemPath, at(parser.currentTokenLocation()));
        walkValue(parser, tokens, item, itemPath, positions, repeated);
      }
      tokens.copyCurrentEvent(parser); // END_ARRAY
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

  private static int[] at(JsonLocation location) {
    return new int[] {location.getLineNr(), location.getColumnNr()};
  }
}
