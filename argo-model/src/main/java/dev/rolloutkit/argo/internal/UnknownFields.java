package dev.rolloutkit.argo.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds the fields a typed object holds only because its schema did not know them (its {@code additionalProperties}),
 * with their JSON paths ({@code spec.strategy.canary.stepz}). Walks rolloutkit's generated models and fabric8's
 * Kubernetes and Istio models. Free-form objects, whose schema is {@code x-kubernetes-preserve-unknown-fields} and which
 * have no other field, are not counted: everything in them is expected.
 */
public final class UnknownFields {

  private UnknownFields() {}

  public static List<String> in(Object root) {
    List<String> found = new ArrayList<>();
    walk(root, "", found);
    return found.stream().map(p -> p.startsWith(".") ? p.substring(1) : p).toList();
  }

  private static void walk(Object value, String path, List<String> found) {
    if (value == null) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "." + k, found));
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", found);
      }
      return;
    }
    Class<?> type = value.getClass();
    boolean model = type.getName().startsWith("dev.rolloutkit.") || type.getName().startsWith("io.fabric8.kubernetes.api.model.")
        || type.getName().startsWith("io.fabric8.istio.api.");
    if (type.getName().equals("io.fabric8.kubernetes.api.model.GenericKubernetesResource")) {
      return;
    }
    if (!model || type.isEnum() || value instanceof IntOrString || value instanceof Quantity) {
      return;
    }
    List<Field> fields = fields(type);
    boolean freeForm = fields.stream().allMatch(f -> f.getName().equals("additionalProperties"));
    for (Field field : fields) {
      Object fieldValue = get(field, value);
      if (field.getName().equals("additionalProperties")) {
        if (!freeForm && fieldValue instanceof Map<?, ?> extra) {
          extra.keySet().forEach(k -> found.add(path + "." + k));
        }
      } else {
        JsonProperty json = field.getAnnotation(JsonProperty.class);
        walk(fieldValue, path + "." + (json != null && !json.value().isEmpty() ? json.value() : field.getName()), found);
      }
    }
  }

  private static List<Field> fields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
      for (Field f : t.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
          fields.add(f);
        }
      }
    }
    return fields;
  }

  private static Object get(Field field, Object target) {
    try {
      field.setAccessible(true);
      return field.get(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }
}
