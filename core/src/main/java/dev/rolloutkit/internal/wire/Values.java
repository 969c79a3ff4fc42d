package dev.rolloutkit.internal.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.Map;

/** What the generated serializers share: additional properties and the check that a map can be written directly. */
public final class Values {

  private Values() {}

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
      } else {
        p.findKeySerializer(key.getClass(), null).serialize(key, g, p);
      }
      Object value = e.getValue();
      if (value == null) {
        g.writeNull();
      } else if (value instanceof String text) {
        g.writeString(text);
      } else {
        p.defaultSerializeValue(value, g);
      }
    }
  }
}
