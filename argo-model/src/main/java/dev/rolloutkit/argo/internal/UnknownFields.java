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
    walk(root, null, found);
    return found.stream().map(p -> p.startsWith(".") ? p.substring(1) : p).toList();
  }

  /**
   * Where a value is: its parent's place and its own key ({@code index < 0}) or list index. The path text is made only
   * for the (rare) unknown field, not for every value walked.
   */
  private record Place(Place parent, String key, int index) {
    static String of(Place place) {
      if (place == null) {
        return "";
      }
      return of(place.parent) + (place.index < 0 ? "." + place.key : "[" + place.index + "]");
    }
  }

  /** Whether a value can hold fields: scalars and nulls cannot, so they get no place. */
  private static boolean holds(Object value) {
    return value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean);
  }

  private static void walk(Object value, Place at, List<String> found) {
    if (!holds(value)) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (holds(e.getValue())) {
          walk(e.getValue(), new Place(at, String.valueOf(e.getKey()), -1), found);
        }
      }
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        if (holds(item)) {
          walk(item, new Place(at, null, i), found);
        }
        i++;
      }
      return;
    }
    Shape shape = SHAPES.get(value.getClass());
    if (shape == null) {
      return;
    }
    for (Property property : shape.properties()) {
      Object fieldValue = get(property.field(), value);
      if (!holds(fieldValue)) {
        continue;
      }
      if (property.additional()) {
        if (!shape.freeForm() && fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
          String prefix = Place.of(at);
          extra.keySet().forEach(k -> found.add(prefix + "." + k));
        }
      } else {
        walk(fieldValue, new Place(at, property.name(), -1), found);
      }
    }
  }

  /** A model class's instance fields with their JSON names; whether it is free-form (nothing but additionalProperties). */
  private record Shape(List<Property> properties, boolean freeForm) {}

  private record Property(Field field, String name, boolean additional) {}

  /** Each class's shape, worked out once (null for classes that are no model, or whose content is expected as it is). */
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      boolean model = type.getName().startsWith("dev.rolloutkit.") || type.getName().startsWith("io.fabric8.kubernetes.api.model.")
          || type.getName().startsWith("io.fabric8.istio.api.");
      if (type.getName().equals("io.fabric8.kubernetes.api.model.GenericKubernetesResource")) {
        return null;
      }
      if (!model || type.isEnum() || IntOrString.class.isAssignableFrom(type) || Quantity.class.isAssignableFrom(type)) {
        return null;
      }
      List<Property> properties = new ArrayList<>();
      for (Field field : fields(type)) {
        field.setAccessible(true);
        JsonProperty json = field.getAnnotation(JsonProperty.class);
        String name = json != null && !json.value().isEmpty() ? json.value() : field.getName();
        properties.add(new Property(field, name, field.getName().equals("additionalProperties")));
      }
      return new Shape(List.copyOf(properties), properties.stream().allMatch(Property::additional));
    }
  };

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
      return field.get(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }
}
