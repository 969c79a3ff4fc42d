package dev.rolloutkit.internal.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.io.IOException;
import java.util.Map;

/**
 * What the generated serializers share: additional properties, the check that a map can be written directly, and the
 * values they leave to Jackson ({@link #other}).
 */
public final class Values {

  private Values() {}

  /**
   * Thrown, while writing without a mapper (a null provider), by a value only Jackson's mapper can write as it writes
   * it: the caller starts the object again with the mapper. Carries no stack trace; never reaches users.
   */
  public static final class NeedsMapper extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final NeedsMapper INSTANCE = new NeedsMapper();

    private NeedsMapper() {
      super("needs Jackson's mapper", null, false, false);
    }
  }

  /**
   * Writes a value the generated code has no direct call for. With a provider, that is Jackson's serializer for the
   * value's class, as before; without one ({@link MapperFreeWire}) only what is certain to come out the same way is
   * written here (strings, integers, longs, booleans, and an {@code IntOrString} holding one of these, which fabric8
   * writes as its value) and anything else throws {@link NeedsMapper}.
   */
  public static void other(Object value, JsonGenerator g, SerializerProvider p) throws IOException {
    if (p != null) {
      p.defaultSerializeValue(value, g);
    } else if (value instanceof String text) {
      g.writeString(text);
    } else if (value instanceof Integer number) {
      g.writeNumber(number.intValue());
    } else if (value instanceof Long number) {
      g.writeNumber(number.longValue());
    } else if (value instanceof Boolean flag) {
      g.writeBoolean(flag.booleanValue());
    } else if (value != null && value.getClass() == IntOrString.class) {
      Object inner = ((IntOrString) value).getValue();
      if (inner == null) {
        g.writeNull();
      } else if (inner instanceof String || inner instanceof Integer) {
        other(inner, g, null);
      } else {
        throw NeedsMapper.INSTANCE;
      }
    } else {
      throw NeedsMapper.INSTANCE;
    }
  }

  /** True if {@code value} is a map whose keys are all non-null strings (else Jackson writes it, and reports a null key). */
  public static boolean stringKeys(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return false;
    }
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The entries of a class's additional properties, as fields of the object being written: as Jackson's any-getter
   * writes them, null values included, in the map's order.
   */
  public static void additional(Map<?, ?> extra, JsonGenerator g, SerializerProvider p) throws IOException {
    if (extra == null) {
      return;
    }
    for (Map.Entry<?, ?> e : extra.entrySet()) {
      Object key = e.getKey();
      if (key instanceof String name) {
        g.writeFieldName(name);
      } else if (key == null) {
        throw JsonMappingException.from(g, "Null key for a Map not allowed in JSON (use a converting NullKeySerializer?)");
      } else if (p == null) {
        throw NeedsMapper.INSTANCE;
      } else {
        p.findKeySerializer(key.getClass(), null).serialize(key, g, p);
      }
      Object value = e.getValue();
      if (value == null) {
        g.writeNull();
      } else if (value instanceof String text) {
        g.writeString(text);
      } else {
        other(value, g, p);
      }
    }
  }
}
