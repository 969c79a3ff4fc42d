package dev.rolloutkit.lint;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Lint's documents of a text in {@link SubsetYamlEvents}' subset, read straight from the scanner: each value is given
 * the token Jackson's YAML parser gives it (the same resolution of plain scalars to booleans, nulls and numbers, with
 * the defaults lint's mapper uses), walked by {@link YamlLocations.Walk} and written into the document's token buffer
 * as copying the parser's tokens writes it. No SnakeYAML events, no parser. A text holding a number other than a
 * decimal {@code int} written plainly ({@code 1.5}, {@code 010}, {@code 0x1F}, {@code 1_000}, {@code 12345678901}) is
 * given up, and read through the parser, which knows how those read.
 */
final class SubsetYamlDocuments implements SubsetYamlEvents.Sink {

  /** SnakeYAML's resolver, for plain scalars starting with a digit, a sign or a dot (its patterns are only read). */
  private static final Resolver RESOLVER = new Resolver();

  private final String file;
  private final ObjectMapper mapper;
  private final boolean emptyAsNull;
  private final boolean onlyTrueAndFalse;
  private final List<YamlLocations> documents = new ArrayList<>();
  private TokenBuffer tokens;
  private YamlLocations.Walk walk;
  /**
   * The walk's first refusal (a key repeated with another value): thrown once the whole text is known to be in the
   * subset; otherwise the parser's route reads the text, and refuses the same key where SnakeYAML reads that far.
   */
  private YamlLocations.DuplicateKeyException refused;

  private SubsetYamlDocuments(String file, ObjectMapper mapper, int parserFeatures) {
    this.file = file;
    this.mapper = mapper;
    this.emptyAsNull = YAMLParser.Feature.EMPTY_STRING_AS_NULL.enabledIn(parserFeatures);
    this.onlyTrueAndFalse = YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS.enabledIn(parserFeatures);
  }

  /**
   * The documents of {@code text}, or null where the text is not in the subset or holds a number only the parser reads.
   *
   * @throws YamlLocations.DuplicateKeyException for a key repeated with another value, as the parser's walk throws it
   */
  static List<YamlLocations> read(String file, String text, ObjectMapper mapper) throws IOException {
    int features = ((YAMLFactory) mapper.getFactory()).getFormatParserFeatures();
    if (YAMLParser.Feature.EMPTY_DOCUMENT_AS_EMPTY_OBJECT.enabledIn(features)) {
      return null; // the parser makes an empty object of an empty text: its way
    }
    SubsetYamlDocuments sink = new SubsetYamlDocuments(file, mapper, features);
    if (!SubsetYamlEvents.scan(text, sink)) {
      return null;
    }
    if (sink.refused != null) {
      throw sink.refused;
    }
    return sink.documents;
  }

  @Override
  public void documentStart(long at, boolean explicit) {
    // No native ids, as for the parser's tokens (the subset has no tags or anchors anyway).
    tokens = new TokenBuffer(mapper, false);
    walk = new YamlLocations.Walk();
  }

  @Override
  public void documentEnd(long at) {
    if (refused == null) {
      documents.add(walk.document(file, mapper, tokens));
    }
  }

  @Override
  public void mappingStart(long at, boolean flow) {
    value(JsonToken.START_OBJECT, null, at);
    write(JsonToken.START_OBJECT, null, 0);
  }

  @Override
  public void mappingEnd(long at) {
    if (refused == null) {
      write(JsonToken.END_OBJECT, null, 0);
      walk.end();
    }
  }

  @Override
  public void sequenceStart(long at, boolean flow) {
    value(JsonToken.START_ARRAY, null, at);
    write(JsonToken.START_ARRAY, null, 0);
  }

  @Override
  public void sequenceEnd(long at) {
    if (refused == null) {
      write(JsonToken.END_ARRAY, null, 0);
      walk.end();
    }
  }

  @Override
  public void scalar(String value, SubsetYamlEvents.Style style, long at) {
    if (refused != null) {
      return; // the rest of the text is only scanned, for whether it is in the subset (any number in it: the parser's
              // route refuses the same key first)
    }
    if (walk.expectsKey()) {
      write(JsonToken.FIELD_NAME, value, 0);
      walk.key(value, SubsetYamlEvents.line(at) + 1, SubsetYamlEvents.column(at) + 1);
      return;
    }
    JsonToken token = token(value, style, emptyAsNull, onlyTrueAndFalse);
    int number = 0;
    if (token == JsonToken.VALUE_NUMBER_INT) {
      number = Integer.parseInt(value);
      if (walk.plainNumbers() && !Integer.toString(number).equals(value)) {
        walk.numberNotAsWritten(); // -0
      }
    }
    value(token, value, at);
    write(token, value, number);
  }

  private void value(JsonToken token, String text, long at) {
    if (refused != null) {
      return;
    }
    int line = SubsetYamlEvents.line(at) + 1;
    int column = SubsetYamlEvents.column(at) + 1;
    if (!walk.started()) {
      walk.root(token, text, line, column);
      return;
    }
    try {
      walk.value(token, text, line, column);
    } catch (YamlLocations.DuplicateKeyException e) {
      refused = e;
    }
  }

  /** Writes a token into the document's buffer as copying the parser's token writes it (nothing once refused). */
  private void write(JsonToken token, String text, int number) {
    if (refused != null) {
      return;
    }
    try {
      switch (token) {
        case START_OBJECT -> tokens.writeStartObject();
        case END_OBJECT -> tokens.writeEndObject();
        case START_ARRAY -> tokens.writeStartArray();
        case END_ARRAY -> tokens.writeEndArray();
        case FIELD_NAME -> tokens.writeFieldName(text);
        case VALUE_STRING -> tokens.writeString(text);
        case VALUE_NUMBER_INT -> tokens.writeNumber(number);
        case VALUE_TRUE -> tokens.writeBoolean(true);
        case VALUE_FALSE -> tokens.writeBoolean(false);
        default -> tokens.writeNull();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a token buffer writes to memory
    }
  }

  /**
   * The token Jackson's YAML parser gives an untagged scalar of the subset, with its features {@code emptyAsNull}
   * ({@code EMPTY_STRING_AS_NULL}: an empty plain scalar is resolved, to null; else it is an empty string) and {@code
   * onlyTrueAndFalse} ({@code PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS}: YAML 1.1's other boolean words are strings); or a
   * refusal where the scalar is a number the parser reads otherwise than as a plainly written {@code int}.
   */
  static JsonToken token(String value, SubsetYamlEvents.Style style, boolean emptyAsNull, boolean onlyTrueAndFalse) {
    if (style != SubsetYamlEvents.Style.PLAIN) {
      return JsonToken.VALUE_STRING; // not resolved: a string, empty or not
    }
    if (value.isEmpty()) {
      return emptyAsNull ? JsonToken.VALUE_NULL : JsonToken.VALUE_STRING; // the resolver's empty pattern is null's
    }
    char c = value.charAt(0);
    if (c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.') {
      if (decimalInt(value)) {
        return JsonToken.VALUE_NUMBER_INT;
      }
      if (!numberCharacters(value)) {
        return JsonToken.VALUE_STRING; // 500m, 10Mi, 30s: no number or timestamp pattern can match
      }
      Tag tag = RESOLVER.resolve(NodeId.scalar, value, true);
      if (tag == Tag.INT || tag == Tag.FLOAT) {
        throw SubsetYamlEvents.declined();
      }
      return JsonToken.VALUE_STRING; // a string, a timestamp or a merge key: text to Jackson
    }
    if (value.length() > 5 || WORD_STARTS.indexOf(c) < 0) {
      return JsonToken.VALUE_STRING; // longer than every word, or starting otherwise
    }
    // The resolver's patterns for these first characters are word lists (booleans, nulls).
    return switch (value) {
      case "true", "True", "TRUE" -> JsonToken.VALUE_TRUE;
      case "false", "False", "FALSE" -> JsonToken.VALUE_FALSE;
      case "yes", "Yes", "YES", "on", "On", "ON" -> onlyTrueAndFalse ? JsonToken.VALUE_STRING : JsonToken.VALUE_TRUE;
      case "no", "No", "NO", "off", "Off", "OFF" -> onlyTrueAndFalse ? JsonToken.VALUE_STRING : JsonToken.VALUE_FALSE;
      case "null", "Null", "NULL", "~" -> JsonToken.VALUE_NULL;
      default -> JsonToken.VALUE_STRING;
    };
  }

  /** The first characters of the boolean and null words. */
  private static final String WORD_STARTS = "tTfFyYnNoO~";
  /** Every character SnakeYAML's integer, float and timestamp patterns can match. */
  private static final String NUMBER_CHARACTERS = "0123456789+-_.:abcdefABCDEFxinINtTZ \t";

  private static boolean numberCharacters(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (NUMBER_CHARACTERS.indexOf(value.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code 0}, or an optional minus and up to nine digits not starting with 0: a decimal the parser reads as an {@code int}. */
  private static boolean decimalInt(String value) {
    int start = value.charAt(0) == '-' ? 1 : 0;
    int digits = value.length() - start;
    if (digits < 1 || digits > 9 || value.charAt(start) == '0' && digits > 1) {
      return false;
    }
    for (int i = start; i < value.length(); i++) {
      char d = value.charAt(i);
      if (d < '0' || d > '9') {
        return false;
      }
    }
    return true;
  }
}
