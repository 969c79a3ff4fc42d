package dev.rolloutkit.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.type.SimpleType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Model objects as JSON trees, as fabric8 serialises them ({@code KubernetesSerialization}'s
 * mapper, {@code valueToTree}): the one way objects become data in rolloutkit, for the rules and
 * for the YAML it writes.
 *
 * <p>Fast path: the model classes' serializers generated at build time ({@code codegen/}, from what
 * Jackson's own bean serializers do), written straight into a tree without a mapper. A cold JVM
 * otherwise spends about 140 ms building fabric8's mapper and introspecting the classes of one
 * stack (docs/performance.md). A class without a generated serializer, or a value only the mapper
 * writes the mapper's way (a floating-point number, a map with non-string keys), goes to the
 * mapper. {@code ModelTreesTest} compares both ways over random objects of every generated class.
 * The system property {@code rolloutkit.generatedSerializers=false} switches the fast path off.
 */
final class ModelTrees {

  /**
   * Thrown by the fast path where only the mapper can write a value; the caller asks the mapper.
   * Never reaches users.
   */
  static final UnsupportedOperationException UNSUPPORTED =
      new UnsupportedOperationException("needs Jackson's mapper");

  private ModelTrees() {}

  private static final class Mapper {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static {
      new KubernetesSerialization(MAPPER, true); // configures MAPPER as fabric8 configures its own
    }
  }

  private static final class Generated {
    static final boolean ON =
        !"false".equals(System.getProperty("rolloutkit.generatedSerializers"));
    static final List<Serializers> REGISTRIES = registries();

    private static List<Serializers> registries() {
      List<Serializers> all = new ArrayList<>();
      all.add(new dev.rolloutkit.manifest.serializers.ModelSerializers());
      for (Serializers s :
          ServiceLoader.load(Serializers.class, ModelTrees.class.getClassLoader())) {
        if (s.getClass().getName().startsWith("dev.rolloutkit.")) {
          all.add(s);
        }
      }
      return List.copyOf(all);
    }
  }

  /** fabric8's mapper, configured as {@code new KubernetesSerialization()} configures its own. */
  static ObjectMapper mapper() {
    return Mapper.MAPPER;
  }

  /** The JSON tree of {@code value}: what {@code mapper().valueToTree(value)} gives. */
  static JsonNode tree(Object value) {
    JsonNode fast = Generated.ON ? generated(value) : null;
    return fast != null ? fast : Mapper.MAPPER.valueToTree(value);
  }

  /**
   * The tree by the generated serializer of {@code value}'s class, or null where there is none or
   * it needs the mapper.
   */
  static JsonNode generated(Object value) {
    if (value == null) {
      return null;
    }
    JsonSerializer<Object> serializer = serializer(value.getClass());
    if (serializer == null) {
      return null;
    }
    TreeGenerator tree = new TreeGenerator();
    try {
      serializer.serialize(value, tree, null);
      return tree.root();
    } catch (UnsupportedOperationException | IOException e) {
      return null;
    }
  }

  @SuppressWarnings({"unchecked", "deprecation"})
  private static JsonSerializer<Object> serializer(Class<?> type) {
    for (Serializers registry : Generated.REGISTRIES) {
      // The generated registries only look at the raw class; no configuration or description is
      // needed.
      JsonSerializer<?> s = registry.findSerializer(null, SimpleType.constructUnsafe(type), null);
      if (s != null) {
        return (JsonSerializer<Object>) s;
      }
    }
    return null;
  }
}
