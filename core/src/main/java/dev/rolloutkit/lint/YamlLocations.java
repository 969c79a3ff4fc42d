package dev.rolloutkit.lint;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rolloutkit.rules.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each field of each document of a YAML text is: field paths ({@code spec.strategy.canary.steps[3].pause}) to
 * 1-based line and column. A path that was not written (a finding about a missing field) falls back to its nearest
 * written parent.
 */
final class YamlLocations {

  private final String file;
  private final Map<String, int[]> positions;
  private final List<String> repeatedKeys;

  private YamlLocations(String file, Map<String, int[]> positions, List<String> repeatedKeys) {
    this.file = file;
    this.positions = positions;
    this.repeatedKeys = repeatedKeys;
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

  /** One index per document that is a mapping, in order. */
  static List<YamlLocations> of(String file, String text, com.fasterxml.jackson.core.JsonFactory factory) throws IOException {
    List<YamlLocations> documents = new ArrayList<>();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.START_OBJECT) {
          Map<String, int[]> positions = new HashMap<>();
          List<String> repeated = new ArrayList<>();
          positions.put("", at(parser.currentTokenLocation()));
          walkObject(parser, "", positions, repeated);
          documents.add(new YamlLocations(file, positions, repeated));
        } else if (token == JsonToken.START_ARRAY) {
          parser.skipChildren();
        }
      }
    }
    return documents;
  }

  private static void walkObject(JsonParser parser, String prefix, Map<String, int[]> positions, List<String> repeated) throws IOException {
    Map<String, String> scalars = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
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
      walkValue(parser, value, path, positions, repeated);
    }
  }

  private static void walkValue(JsonParser parser, JsonToken token, String path, Map<String, int[]> positions, List<String> repeated)
      throws IOException {
    if (parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml && yaml.isCurrentAlias()) {
      JsonLocation at = parser.currentTokenLocation();
      throw new AliasException(at.getLineNr(), at.getColumnNr(), parser.getText());
    }
    if (token == JsonToken.START_OBJECT) {
      walkObject(parser, path, positions, repeated);
    } else if (token == JsonToken.START_ARRAY) {
      int index = 0;
      JsonToken item;
      while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
        String itemPath = path + "[" + index++ + "]";
        positions.putIfAbsent(itemPath, at(parser.currentTokenLocation()));
        walkValue(parser, item, itemPath, positions, repeated);
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

  private static int[] at(JsonLocation location) {
    return new int[] {location.getLineNr(), location.getColumnNr()};
  }
}
