package dev.rolloutkit.lint;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rolloutkit.rules.SourceLocation;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

  private YamlLocations(String file, Map<String, int[]> positions) {
    this.file = file;
    this.positions = positions;
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
  static List<YamlLocations> of(String file, String text) throws IOException {
    List<YamlLocations> documents = new ArrayList<>();
    try (JsonParser parser = new YAMLFactory().createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.START_OBJECT) {
          Map<String, int[]> positions = new HashMap<>();
          positions.put("", at(parser.currentTokenLocation()));
          walkObject(parser, "", positions);
          documents.add(new YamlLocations(file, positions));
        } else if (token == JsonToken.START_ARRAY) {
          parser.skipChildren();
        }
      }
    }
    return documents;
  }

  private static void walkObject(JsonParser parser, String prefix, Map<String, int[]> positions) throws IOException {
    Deque<String> unused = new ArrayDeque<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String path = prefix.isEmpty() ? parser.currentName() : prefix + "." + parser.currentName();
      positions.putIfAbsent(path, at(parser.currentTokenLocation()));
      walkValue(parser, parser.nextToken(), path, positions);
    }
    unused.clear();
  }

  private static void walkValue(JsonParser parser, JsonToken token, String path, Map<String, int[]> positions) throws IOException {
    if (token == JsonToken.START_OBJECT) {
      walkObject(parser, path, positions);
    } else if (token == JsonToken.START_ARRAY) {
      int index = 0;
      JsonToken item;
      while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
        String itemPath = path + "[" + index++ + "]";
        positions.putIfAbsent(itemPath, at(parser.currentTokenLocation()));
        walkValue(parser, item, itemPath, positions);
      }
    }
  }

  private static int[] at(JsonLocation location) {
    return new int[] {location.getLineNr(), location.getColumnNr()};
  }
}
