package dev.rolloutkit.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Collection;
import java.util.Map;

/**
 * JSON trees read into the typed model as strictly as the API server decodes objects: a value of
 * the wrong type is an error naming the field and the type expected, never a coercion. fabric8's
 * own mapper is lenient on purpose (a string {@code "3"} read into an integer field, a mismatched
 * value kept aside as an additional property); the API server refuses all of these ({@code
 * replicas: "3"}, {@code setWeight: 10.5}, {@code paused: 7}, a number where a label value is a
 * string). Which class a kind has is fabric8's registry's answer (the models register theirs as
 * services).
 */
final class StrictTyping {

  private StrictTyping() {}

  private static final class Holder {
    static final ObjectMapper STRICT = strictMapper();
    static final KubernetesSerialization REGISTRY =
        new KubernetesSerialization(new ObjectMapper(), true);
  }

  private static ObjectMapper strictMapper() {
    ObjectMapper mapper =
        JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(
                DeserializationFeature
                    .FAIL_ON_UNKNOWN_PROPERTIES) // unknown fields are kept and judged by the rules
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .addModule(new JavaTimeModule())
            .build();
    for (LogicalType type :
        new LogicalType[] {
          LogicalType.Integer,
          LogicalType.Float,
          LogicalType.Boolean,
          LogicalType.Enum,
          LogicalType.POJO,
          LogicalType.Collection,
          LogicalType.Map,
          LogicalType.Array,
          LogicalType.DateTime
        }) {
      mapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
          .setAcceptBlankAsEmpty(false);
    }
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    return mapper;
  }

  /**
   * A value that does not fit its field: where (a path in the document) and what was expected, in
   * words.
   */
  static final class Mismatch extends Exception {
    private static final long serialVersionUID = 1L;
    final String path;

    Mismatch(String path, String message) {
      super(message, null, false, false);
      this.path = path;
    }
  }

  /**
   * The class fabric8 registers for the kind, or {@link GenericKubernetesResource} when none is
   * registered.
   */
  static Class<? extends KubernetesResource> classFor(String apiVersion, String kind) {
    Class<? extends KubernetesResource> type =
        Holder.REGISTRY.getRegisteredKubernetesResource(apiVersion, kind);
    return type == null || !HasMetadata.class.isAssignableFrom(type)
        ? GenericKubernetesResource.class
        : type;
  }

  /** {@code tree} read as {@code type}, or the first value that does not fit. */
  static HasMetadata read(JsonNode tree, Class<? extends KubernetesResource> type) throws Mismatch {
    try {
      return (HasMetadata) Holder.STRICT.treeToValue(tree, type);
    } catch (JsonMappingException e) {
      String path = path(e);
      JsonNode value = at(tree, e);
      throw new Mismatch(
          path,
          (path.isEmpty() ? "" : path + ": ") + expected(e, value) + ", got " + describe(value));
    } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new Mismatch(
          "",
          "cannot be read as " + type.getSimpleName() + ": " + YamlTrees.firstLine(e.getMessage()));
    }
  }

  /**
   * The field path of a mapping failure, as the rules write paths ({@code
   * spec.steps[2].setWeight}).
   */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static JsonNode at(JsonNode tree, JsonMappingException e) {
    JsonNode node = tree;
    for (JsonMappingException.Reference r : e.getPath()) {
      if (node == null) {
        return null;
      }
      node = r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
    }
    return node;
  }

  private static String expected(JsonMappingException e, JsonNode value) {
    Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (target == null) {
      return "a value of another type";
    }
    if (target == Integer.class
        || target == int.class
        || target == Long.class
        || target == long.class
        || target == Short.class) {
      return "expected an integer";
    }
    if (target == Double.class
        || target == double.class
        || target == Float.class
        || target == float.class) {
      return "expected a number";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "expected true or false";
    }
    if (target == String.class) {
      return "expected a string (quote the value if it is meant as text)";
    }
    if (target == IntOrString.class) {
      return "expected an integer or a string";
    }
    if (target == Quantity.class) {
      return "expected a quantity such as 500m, 2 or 1Gi";
    }
    if (Map.class.isAssignableFrom(target)) {
      return "expected a mapping";
    }
    if (Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "expected a sequence";
    }
    if (target.isEnum()) {
      return "expected one of " + java.util.Arrays.toString(target.getEnumConstants());
    }
    return "expected a mapping (" + target.getSimpleName() + ")";
  }

  /** A value in words: {@code the string "3"}, {@code the number 2.5}, {@code a mapping}. */
  static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    if (value.isTextual()) {
      String text = value.textValue();
      return "the string \"" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "\"";
    }
    if (value.isNumber()) {
      return "the number " + value.asText();
    }
    if (value.isBoolean()) {
      return "the boolean "
          + value.asText()
          + " (YAML reads yes, no, on, off, y and n unquoted as booleans too)";
    }
    if (value.isNull()) {
      return "null";
    }
    return value.isObject()
        ? "a mapping"
        : value.isArray() ? "a sequence" : value.getNodeType().toString().toLowerCase();
  }
}
