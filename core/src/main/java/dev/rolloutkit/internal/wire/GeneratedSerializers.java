package dev.rolloutkit.internal.wire;

import com.fasterxml.jackson.databind.JsonSerializer;

/**
 * A registry of generated serializers (core's {@code ModelSerializers}, istio-bridge's {@code IstioSerializers}), asked by
 * class name, so a caller can write a model object without a Jackson mapper (see {@link MapperFreeWire}).
 */
public interface GeneratedSerializers {

  /** The generated serializer for the class of this binary name, or null. */
  JsonSerializer<?> serializerFor(String className);
}
