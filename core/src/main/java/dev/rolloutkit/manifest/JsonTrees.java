package dev.rolloutkit.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolloutkit.manifest.YamlTrees.Document;
import dev.rolloutkit.manifest.YamlTrees.Note;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON stream (a text whose first character is '{', which kubectl then decodes as a
 * sequence of JSON values rather than YAML) into trees with positions, one document per top-level
 * value. Jackson does the parsing; numbers keep what was written (a {@code 1.0} stays a fraction,
 * as the API server reads it).
 */
final class JsonTrees {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(YamlTrees.MAX_DEPTH).build())
          .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  static List<Document> read(String file, String text) {
    List<Document> documents = new ArrayList<>();
    int number = 0;
    try (JsonParser parser = FACTORY.createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        number++;
        long start = position(parser.currentTokenLocation());
        Positions positions = new Positions(file, start);
        List<Note> notes = new ArrayList<>();
        try {
          JsonNode root = value(parser, token, positions, notes, "");
          positions.root(root);
          documents.add(
              new Document(
                  number, start, root.isNull() ? null : root, positions, List.copyOf(notes), null));
        } catch (JsonParseException e) {
          documents.add(
              new Document(
                  number,
                  start,
                  null,
                  positions,
                  List.copyOf(notes),
                  new Note(
                      position(e.getLocation()), "", "not valid JSON: " + e.getOriginalMessage())));
          return documents; // a JSON stream cannot be resynchronised after a syntax error
        }
      }
    } catch (JsonParseException e) {
      documents.add(
          new Document(
              number + 1,
              0,
              null,
              new Positions(file, 0),
              List.of(),
              new Note(
                  position(e.getLocation()), "", "not valid JSON: " + e.getOriginalMessage())));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return documents;
  }

  private static JsonNode value(
      JsonParser p, JsonToken token, Positions positions, List<Note> notes, String path)
      throws IOException {
    switch (token) {
      case START_OBJECT:
        {
          ObjectNode object = NODES.objectNode();
          for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            long keyAt = position(p.currentTokenLocation());
            JsonToken v = p.nextToken();
            long valueAt = position(p.currentTokenLocation());
            String childPath = path.isEmpty() ? name : path + "." + name;
            JsonNode child = value(p, v, positions, notes, childPath);
            if (object.has(name)) {
              notes.add(
                  new Note(
                      keyAt,
                      childPath,
                      "key "
                          + childPath
                          + " is written twice; the API server's strict decoding refuses"
                          + " a JSON object with a repeated field"));
            }
            object.set(name, child);
            positions.field(object, name, keyAt, valueAt);
          }
          return object;
        }
      case START_ARRAY:
        {
          ArrayNode array = NODES.arrayNode();
          int i = 0;
          for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            long at = position(p.currentTokenLocation());
            array.add(value(p, t, positions, notes, path + "[" + i++ + "]"));
            positions.item(array, at);
          }
          return array;
        }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? NODES.numberNode(p.getBigIntegerValue())
            : KubeScalars.integer(p.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseException(p, "unexpected " + token);
    }
  }

  private static long position(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return 0;
    }
    return Positions.pack(location.getLineNr() - 1, Math.max(0, location.getColumnNr() - 1));
  }
}
