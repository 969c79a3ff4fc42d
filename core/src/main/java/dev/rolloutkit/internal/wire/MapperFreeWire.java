package dev.rolloutkit.internal.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.rolloutkit.internal.wire.model.ModelSerializers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a model object through its generated serializer with no Jackson mapper at all: the tokens, or the JSON tree,
 * that the shared mapper ({@code StackYaml.mapper()}) would make of it, or null where only the mapper can (a class with
 * no generated serializer, a value {@link Values#other} leaves to Jackson, a repeated key, a floating-point number).
 *
 * <p>Why: building Jackson's mapper, and fabric8's set-up of it, is a large part of a cold start, and a render of the
 * preset stacks needs none of it. Callers fall back to the mapper on null, so what they produce does not change;
 * {@code ModelWireTest} and {@code IstioWireTest} compare both ways over the preset stacks and seeded random objects of
 * every generated class.
 */
public final class MapperFreeWire {

  private static final List<GeneratedSerializers> REGISTRIES = registries();

  private MapperFreeWire() {}

  private static List<GeneratedSerializers> registries() {
    List<GeneratedSerializers> all = new ArrayList<>();
    all.add(new ModelSerializers());
    // The other generated registries (istio-bridge's) are services of Jackson's Serializers type, as ModelWire finds them.
    for (Object s : dev.rolloutkit.internal.Providers.serializers()) {
      if (s instanceof GeneratedSerializers registry) {
        all.add(registry);
      }
    }
    return List.copyOf(all);
  }

  /** The tokens the shared mapper would write for {@code value} ({@code mapper.writeValue(buffer, value)}), or null. */
  public static TokenBuffer tokens(Object value) {
    if (value == null) {
      return null;
    }
    JsonSerializer<Object> serializer = serializer(value.getClass().getName());
    if (serializer == null) {
      return null;
    }
    TokenBuffer tokens = new TokenBuffer((ObjectCodec) null, false);
    try {
      serializer.serialize(value, tokens, null);
      return tokens;
    } catch (Values.NeedsMapper | IOException e) {
      return null;
    }
  }

  /**
   * The tree the shared mapper would make of {@code value} ({@code mapper.valueToTree(value)}), or null. Built as the
   * generated serializer writes, without tokens in between: the tree {@link #node} reads from {@link #tokens}.
   */
  public static JsonNode tree(Object value) {
    if (value == null) {
      return null;
    }
    JsonSerializer<Object> serializer = serializer(value.getClass().getName());
    if (serializer == null) {
      return null;
    }
    TreeGenerator tree = new TreeGenerator();
    try {
      serializer.serialize(value, tree, null);
      return tree.root();
    } catch (Values.NeedsMapper | IOException e) {
      return null;
    }
  }

  /** {@link #tree} the way it was made before {@link TreeGenerator}: tokens, then read back (for the identity tests). */
  static JsonNode treeThroughTokens(Object value) {
    TokenBuffer tokens = tokens(value);
    if (tokens == null) {
      return null;
    }
    try (JsonParser parser = tokens.asParser()) {
      return node(parser, parser.nextToken());
    } catch (Values.NeedsMapper | IOException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static JsonSerializer<Object> serializer(String className) {
    for (GeneratedSerializers registry : REGISTRIES) {
      JsonSerializer<?> serializer = registry.serializerFor(className);
      if (serializer != null) {
        return (JsonSerializer<Object>) serializer;
      }
    }
    return null;
  }

  /** As Jackson's tree reader reads these tokens, for the tokens the generated serializers write without a mapper. */
  private static JsonNode node(JsonParser parser, JsonToken token) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (token) {
      case START_OBJECT: {
        ObjectNode object = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          if (object.replace(name, node(parser, parser.nextToken())) != null) {
            throw Values.NeedsMapper.INSTANCE; // Jackson's handling of a repeated key depends on its configuration
          }
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = nodes.arrayNode();
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
          array.add(node(parser, item));
        }
        return array;
      }
      case VALUE_STRING:
        return nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return nodes.numberNode(parser.getIntValue());
          case LONG:
            return nodes.numberNode(parser.getLongValue());
          default:
            throw Values.NeedsMapper.INSTANCE;
        }
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      default: // floating-point numbers (their node type follows the mapper's settings), embedded objects
        throw Values.NeedsMapper.INSTANCE;
    }
  }
}
