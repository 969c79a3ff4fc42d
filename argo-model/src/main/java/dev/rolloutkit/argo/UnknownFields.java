package dev.rolloutkit.argo;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Finds the fields a typed object holds only because its schema did not know them (its {@code
 * additionalProperties}), with their JSON paths ({@code spec.strategy.canary.stepz}). Walks
 * rolloutkit's generated models and fabric8's Kubernetes and Istio models. Free-form objects, whose
 * schema is {@code x-kubernetes-preserve-unknown-fields} and which have no other field, are not
 * counted: everything in them is expected.
 */
public final class UnknownFields {

  private UnknownFields() {}

  /**
   * Returns the JSON paths of the fields {@code root} holds only because its schema did not know
   * them, in the order they are met; empty for a scalar, a null or an object whose every field is
   * known.
   */
  /** An unknown field: its JSON path, and the fields its object's schema does know. */
  public record Unknown(String path, List<String> known) {
    /** The field's own name, the last part of its path. */
    public String name() {
      return path.substring(Math.max(path.lastIndexOf('.'), path.lastIndexOf(']')) + 1);
    }
  }

  /**
   * Returns the fields {@code root} holds only because its schema did not know them, each with the
   * fields its object does know (for suggesting what was meant), in the order they are met.
   */
  public static List<Unknown> find(Object root) {
    if (!holds(root)) {
      return List.of();
    }
    Walk walk = new Walk();
    walk.known = new ArrayList<>();
    walk.value(root);
    if (walk.found == null) {
      return List.of();
    }
    List<Unknown> unknown = new ArrayList<>();
    for (int i = 0; i < walk.found.size(); i++) {
      unknown.add(new Unknown(walk.found.get(i), walk.known.get(i)));
    }
    return unknown;
  }

  public static List<String> in(Object root) {
    if (!holds(root)) {
      return List.of();
    }
    Walk walk = new Walk();
    walk.value(root);
    return walk.found == null ? List.of() : List.copyOf(walk.found);
  }

  /** Whether a value can hold fields: scalars and nulls cannot, so they are not walked. */
  private static boolean holds(Object value) {
    return value != null
        && !(value instanceof String || value instanceof Number || value instanceof Boolean);
  }

  /**
   * One walk: the place of the value being walked is kept as a stack of keys ({@code null} for a
   * list item) and list indexes, made into path text only for an unknown field.
   */
  private static final class Walk {
    private String[] keys = new String[16];
    private int[] indexes = new int[16];
    private int depth;
    private List<String> found;
    private List<List<String>> known;

    private void push(String key, int index) {
      if (depth == keys.length) {
        keys = Arrays.copyOf(keys, depth * 2);
        indexes = Arrays.copyOf(indexes, depth * 2);
      }
      keys[depth] = key;
      indexes[depth++] = index;
    }

    /**
     * The path of field {@code name} of the value being walked ({@code
     * spec.strategy.canary.stepz}).
     */
    private String path(Object name) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < depth; i++) {
        if (keys[i] == null) {
          b.append('[').append(indexes[i]).append(']');
        } else {
          b.append('.').append(keys[i]);
        }
      }
      b.append('.').append(name);
      return b.charAt(0) == '.' ? b.substring(1) : b.toString();
    }

    private void item(Object item, int index) {
      if (holds(item)) {
        push(null, index);
        value(item);
        depth--;
      }
    }

    void value(Object value) {
      if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (holds(e.getValue())) {
            push(String.valueOf(e.getKey()), -1);
            value(e.getValue());
            depth--;
          }
        }
        return;
      }
      if (value instanceof List<?> list && list instanceof RandomAccess) {
        for (int i = 0, n = list.size(); i < n; i++) {
          item(list.get(i), i);
        }
        return;
      }
      if (value instanceof Collection<?> items) {
        int i = 0;
        for (Object item : items) {
          item(item, i++);
        }
        return;
      }
      Shape shape = SHAPES.get(value.getClass());
      if (shape == null) {
        return;
      }
      Property[] properties = shape.properties();
      for (int i = 0; i < properties.length; i++) { // (indexed: no iterator per object walked)
        Property property = properties[i];
        Object fieldValue = get(property.field(), value);
        if (!holds(fieldValue)) {
          continue;
        }
        if (property.additional()) {
          if (!shape.freeForm() && fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
            if (found == null) {
              found = new ArrayList<>();
            }
            for (Object name : extra.keySet()) {
              found.add(path(name));
              if (known != null) {
                known.add(NAMES.get(value.getClass()));
              }
            }
          }
        } else {
          push(property.name(), -1);
          value(fieldValue);
          depth--;
        }
      }
    }
  }

  /**
   * A model class's instance fields that can hold an object, with their JSON names (fields declared
   * as text, numbers, flags, enums, IntOrString or Quantity, or as lists and maps of those, cannot,
   * and are not read); whether the class is free-form (no field but additionalProperties).
   */
  private record Shape(Property[] properties, boolean freeForm) {}

  /**
   * Each model class's JSON field names, worked out only when an unknown field is found in one (a
   * render meets none, and reading every field's annotations costs a cold start).
   */
  private static final ClassValue<List<String>> NAMES =
      new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
          List<String> names = new ArrayList<>();
          for (Field field : fields(type)) {
            if (!field.getName().equals("additionalProperties")) {
              JsonProperty json = field.getAnnotation(JsonProperty.class);
              names.add(json != null && !json.value().isEmpty() ? json.value() : field.getName());
            }
          }
          return List.copyOf(names);
        }
      };

  private record Property(Field field, String name, boolean additional) {}

  /**
   * Each class's shape, worked out once (null for classes that are no model, or whose content is
   * expected as it is).
   */
  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          boolean model =
              type.getName().startsWith("dev.rolloutkit.")
                  || type.getName().startsWith("io.fabric8.kubernetes.api.model.")
                  || type.getName().startsWith("io.fabric8.istio.api.");
          if (type.getName().equals("io.fabric8.kubernetes.api.model.GenericKubernetesResource")) {
            return null;
          }
          if (!model
              || type.isEnum()
              || IntOrString.class.isAssignableFrom(type)
              || Quantity.class.isAssignableFrom(type)) {
            return null;
          }
          List<Property> properties = new ArrayList<>();
          boolean freeForm = true;
          for (Field field : fields(type)) {
            boolean additional = field.getName().equals("additionalProperties");
            freeForm &= additional;
            if (!additional && leaf(field.getGenericType())) {
              continue;
            }
            field.setAccessible(true);
            JsonProperty json = field.getAnnotation(JsonProperty.class);
            String name = json != null && !json.value().isEmpty() ? json.value() : field.getName();
            properties.add(new Property(field, name, additional));
          }
          return new Shape(properties.toArray(new Property[0]), freeForm);
        }
      };

  /**
   * Whether a field declared as {@code type} holds only scalars, or lists and maps of them (Jackson
   * reads into the declared types), so that walking it can find nothing.
   */
  static boolean leaf(Type type) {
    if (type instanceof Class<?> c) {
      return c.isPrimitive()
          || c == String.class
          || Number.class.isAssignableFrom(c)
          || c == Boolean.class
          || c == Character.class
          || c.isEnum()
          || IntOrString.class.isAssignableFrom(c)
          || Quantity.class.isAssignableFrom(c);
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw) && args.length == 1) {
        return leaf(args[0]);
      }
      if (Map.class.isAssignableFrom(raw) && args.length == 2) {
        return leaf(args[1]);
      }
    }
    return false;
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
      return field.get(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }
}
