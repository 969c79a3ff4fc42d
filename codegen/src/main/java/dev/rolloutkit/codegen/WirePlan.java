package dev.rolloutkit.codegen;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.ser.AnyGetterWriter;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializer;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.std.NullSerializer;
import io.fabric8.kubernetes.model.jackson.BeanPropertyWriterDelegate;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Jackson does to write each model class, read from the serializers Jackson itself builds for
 * a mapper configured as at run time: the properties in Jackson's order, each with its getter, its
 * null handling and the kind of value it holds. A class whose serializer uses anything this plan
 * does not reproduce (a custom or contextual serializer, type information, views, filters, object
 * ids, unwrapping, non-null default exclusion, a field read directly) is left to Jackson; the
 * classes that refer to it call Jackson for it.
 */
final class WirePlan {

  /** The kind of value a property, list item or map value holds, by its declared type. */
  sealed interface ValueKind {}

  /**
   * Written directly: {@code String}, {@code Integer}, {@code Long}, {@code Boolean}, {@code
   * Double}.
   */
  record Scalar(Class<?> type) implements ValueKind {}

  /** A class this plan writes. */
  record Bean(Class<?> type) implements ValueKind {}

  /** A {@code java.util.List} of items of one kind. */
  record ListOf(ValueKind item) implements ValueKind {}

  /** A {@code java.util.Map} with {@code String} keys and values of one kind. */
  record MapOf(ValueKind value) implements ValueKind {}

  /**
   * Anything else: Jackson finds the serializer for the value's class at run time, as it would
   * anyway.
   */
  record Dynamic() implements ValueKind {}

  /** One property as Jackson writes it. */
  record Property(
      String name,
      String getter,
      ValueKind kind,
      boolean writesNull,
      boolean skipsEmpty,
      Optional<String> yieldsTo) {}

  /**
   * A class this plan writes; {@code anyGetter} is the getter of its additional properties, if any.
   */
  record WrittenClass(
      Class<?> type, List<Property> properties, Optional<String> anyGetter, int anyGetterIndex) {}

  private static final List<Class<?>> SCALARS =
      List.of(String.class, Integer.class, Long.class, Boolean.class, Double.class);

  private final SerializerProvider provider;
  private final Map<Class<?>, Optional<WrittenClass>> classes = new LinkedHashMap<>();
  private final Deque<Class<?>> pending = new ArrayDeque<>();
  private final List<String> leftToJackson = new ArrayList<>();

  WirePlan(SerializerProvider provider) {
    this.provider = provider;
  }

  /** Plans {@code roots} and every class reachable from their properties. */
  WirePlan plan(List<Class<?>> roots) throws JsonMappingException {
    roots.forEach(this::enqueue);
    while (!pending.isEmpty()) {
      Class<?> type = pending.poll();
      classes.put(type, describe(type));
    }
    return this;
  }

  /** The classes written directly, in the order they were found. */
  List<WrittenClass> written() {
    return classes.values().stream().flatMap(Optional::stream).toList();
  }

  /** Classes reachable from the roots that Jackson keeps writing, each with the reason. */
  List<String> leftToJackson() {
    return List.copyOf(leftToJackson);
  }

  boolean writes(Class<?> type) {
    return classes.getOrDefault(type, Optional.empty()).isPresent();
  }

  private void enqueue(Class<?> type) {
    if (!classes.containsKey(type) && !pending.contains(type)) {
      classes.put(type, Optional.empty()); // placeholder until described; keeps cycles finite
      pending.add(type);
    }
  }

  private Optional<WrittenClass> describe(Class<?> type) throws JsonMappingException {
    JsonSerializer<Object> serializer = provider.findValueSerializer(type);
    if (serializer.getClass() != BeanSerializer.class) {
      return Optional
          .empty(); // String, numbers, enums with @JsonValue, IntOrString, Quantity, ...: Jackson's
      // own
    }
    if (!Modifier.isPublic(type.getModifiers()) || type.getCanonicalName() == null) {
      return leave(type, "not a public, named class");
    }
    if (provider.findTypeSerializer(provider.constructType(type)) != null) {
      return leave(type, "written with type information");
    }
    BeanSerializer bean = (BeanSerializer) serializer;
    if (bean.usesObjectId()
        || bean.isUnwrappingSerializer()
        || read(bean, "_typeId") != null
        || read(bean, "_propertyFilterId") != null
        || read(bean, "_filteredProps") != null) {
      return leave(type, "object ids, type ids, filters or views");
    }
    List<Property> properties = new ArrayList<>();
    Optional<String> anyGetter = Optional.empty();
    int anyGetterIndex = -1;
    for (Iterator<PropertyWriter> it = bean.properties(); it.hasNext(); ) {
      PropertyWriter writer = it.next();
      if (writer instanceof AnyGetterWriter any) {
        Optional<String> getter = publicGetter((AnnotatedMember) read(any, "_accessor"));
        if (getter.isEmpty()
            || !Map.class.isAssignableFrom(
                ((AnnotatedMember) read(any, "_accessor")).getRawType())) {
          return leave(type, "additional properties not read through a public Map getter");
        }
        anyGetter = getter;
        anyGetterIndex = properties.size();
        continue;
      }
      BeanPropertyWriter plain =
          writer instanceof BeanPropertyWriterDelegate delegate
              ? (BeanPropertyWriter) read(delegate, "delegate")
              : (BeanPropertyWriter) writer;
      if (plain.getClass() != BeanPropertyWriter.class) {
        return leave(
            type,
            "property '" + writer.getName() + "' is written by " + plain.getClass().getName());
      }
      Optional<String> problem = unsupported(plain);
      if (problem.isPresent()) {
        return leave(type, "property '" + plain.getName() + "': " + problem.get());
      }
      Optional<String> yieldsTo = Optional.empty();
      if (writer instanceof BeanPropertyWriterDelegate delegate
          && read(delegate, "anyGetter") != null) {
        yieldsTo = publicGetter((AnnotatedMember) read(delegate, "anyGetter"));
        if (yieldsTo.isEmpty()) {
          return leave(
              type,
              "property '"
                  + plain.getName()
                  + "' yields to additional properties without a public getter");
        }
      }
      ValueKind kind = kindOf(plain.getType());
      boolean skipsEmpty = read(plain, "_suppressableValue") == BeanPropertyWriter.MARKER_FOR_EMPTY;
      if (skipsEmpty
          && !(kind instanceof ListOf
              || kind instanceof MapOf
              || kind instanceof Scalar
              || kind instanceof Bean)) {
        return leave(
            type,
            "property '"
                + plain.getName()
                + "' is left out when empty, and its emptiness is Jackson's to judge");
      }
      properties.add(
          new Property(
              plain.getName(),
              plain.getMember().getName(),
              kind,
              plain.hasNullSerializer(),
              skipsEmpty,
              yieldsTo));
    }
    return Optional.of(new WrittenClass(type, properties, anyGetter, anyGetterIndex));
  }

  private Optional<String> unsupported(BeanPropertyWriter writer) {
    if (!(writer.getMember() instanceof AnnotatedMethod method)
        || !Modifier.isPublic(method.getAnnotated().getModifiers())
        || method.getParameterCount() != 0) {
      return Optional.of("not read through a public getter");
    }
    if (writer.getAnnotation(JsonSerialize.class) != null || writer.getTypeSerializer() != null) {
      return Optional.of("custom serializer or type information");
    }
    if (writer.getViews() != null) {
      return Optional.of("views");
    }
    Object suppressable = read(writer, "_suppressableValue");
    if (suppressable != null && suppressable != BeanPropertyWriter.MARKER_FOR_EMPTY) {
      return Optional.of("excluded when equal to a default");
    }
    if (writer.hasNullSerializer()
        && !(read(writer, "_nullSerializer") instanceof NullSerializer)) {
      return Optional.of("custom null serializer");
    }
    if (!writer.hasNullSerializer() && !writer.willSuppressNulls()) {
      return Optional.of("nulls neither written nor suppressed");
    }
    return Optional.empty();
  }

  private ValueKind kindOf(JavaType type) {
    Class<?> raw = type.getRawClass();
    if (SCALARS.contains(raw)) {
      return new Scalar(raw);
    }
    if (raw == List.class && type.getContentType() != null) {
      return new ListOf(kindOf(type.getContentType()));
    }
    if (raw == Map.class
        && type.getKeyType() != null
        && type.getKeyType().getRawClass() == String.class) {
      return new MapOf(kindOf(type.getContentType()));
    }
    if (!type.isContainerType()
        && !raw.isPrimitive()
        && !raw.isInterface()
        && !raw.isEnum()
        && !raw.getName().startsWith("java.")
        && raw != Object.class) {
      enqueue(raw);
      return new Bean(raw);
    }
    return new Dynamic();
  }

  private Optional<WrittenClass> leave(Class<?> type, String why) {
    leftToJackson.add(type.getName() + ": " + why);
    return Optional.empty();
  }

  private static Optional<String> publicGetter(AnnotatedMember member) {
    return member instanceof AnnotatedMethod method
            && Modifier.isPublic(method.getAnnotated().getModifiers())
            && method.getParameterCount() == 0
        ? Optional.of(method.getName())
        : Optional.empty();
  }

  /**
   * A protected or private field of one of Jackson's or fabric8's writer classes (the plan only
   * reads them).
   */
  private static Object read(Object owner, String name) {
    for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
      } catch (NoSuchFieldException e) {
        // declared further up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + c.getName() + "." + name, e);
      }
    }
    throw new IllegalStateException(
        owner.getClass().getName()
            + " has no field "
            + name
            + ": the Jackson or fabric8 version changed; update WirePlan");
  }
}
