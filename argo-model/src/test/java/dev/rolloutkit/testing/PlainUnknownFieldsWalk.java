package dev.rolloutkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rolloutkit.argo.UnknownFields;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The reference for {@link UnknownFields}: the plainest walk that finds the same fields, reading
 * every instance field of every model object and building each path as it goes, with no shortcut.
 * Slow and obviously right.
 */
public final class PlainUnknownFieldsWalk {

  private PlainUnknownFieldsWalk() {}

  /** The unknown fields of {@code root} as the plain walk finds them. */
  public static List<String> in(Object root) {
    List<String> found = new ArrayList<>();
    walk(root, "", found);
    return found;
  }

  /**
   * Asserts that {@link UnknownFields#in} finds what the plain walk finds in random objects
   * (seeded) of each named class, and that the objects had some unknown fields to find.
   */
  public static void assertSameAsPlainWalk(List<String> classNames, int seed) throws Exception {
    Random random = new Random(seed);
    int found = 0;
    for (String name : classNames) {
      Object value = new RandomModelObjects(random).fill(Class.forName(name));
      List<String> expected = in(value);
      assertThat(UnknownFields.in(value)).as("%s, seed %d", name, seed).isEqualTo(expected);
      found += expected.size();
    }
    assertThat(found)
        .as("unknown fields in the random objects, seed %d", seed)
        .isGreaterThan(classNames.size() / 10);
  }

  private static void walk(Object value, String at, List<String> found) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, at + "." + k, found));
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, at + "[" + i++ + "]", found);
      }
      return;
    }
    Class<?> type = value.getClass();
    String n = type.getName();
    boolean model =
        n.startsWith("dev.rolloutkit.")
            || n.startsWith("io.fabric8.kubernetes.api.model.")
            || n.startsWith("io.fabric8.istio.api.");
    if (!model
        || n.equals("io.fabric8.kubernetes.api.model.GenericKubernetesResource")
        || type.isEnum()
        || value instanceof IntOrString
        || value instanceof Quantity) {
      return;
    }
    List<Field> fields = new ArrayList<>();
    for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
      for (Field f : t.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
          fields.add(f);
        }
      }
    }
    boolean freeForm = fields.stream().allMatch(f -> f.getName().equals("additionalProperties"));
    for (Field f : fields) {
      f.setAccessible(true);
      Object v;
      try {
        v = f.get(value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      if (f.getName().equals("additionalProperties")) {
        if (!freeForm && v instanceof Map<?, ?> extra) {
          extra.keySet().forEach(k -> found.add(strip(at + "." + k)));
        }
      } else {
        JsonProperty json = f.getAnnotation(JsonProperty.class);
        walk(
            v,
            at + "." + (json != null && !json.value().isEmpty() ? json.value() : f.getName()),
            found);
      }
    }
  }

  private static String strip(String path) {
    return path.startsWith(".") ? path.substring(1) : path;
  }
}
