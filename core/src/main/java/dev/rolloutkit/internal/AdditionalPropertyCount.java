package dev.rolloutkit.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableAnyProperty;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Counts, per thread, the values Jackson's reading puts into an object's additional properties (its any-setter): the
 * fields the object's schema has no place for, and any value fabric8's wrapping of typed properties hands over instead
 * of failing (it does so for template placeholders). A document read while the count stayed the same has no unknown
 * field anywhere, which lint tells the unknown-field check so that it need not walk the object
 * ({@code KnownFieldsOnlyTest} holds that against walking everything).
 *
 * <p>Registered after fabric8's modules: Jackson runs the last registered modifier first, so fabric8's wrapping of
 * properties captures the counting any-setter, not the one it replaces.
 */
public final class AdditionalPropertyCount extends SimpleModule {

  private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

  /** A module to register on every mapper that reads what is counted (after any module wrapping bean properties). */
  public AdditionalPropertyCount() {
    super("rolloutkit-additional-property-count");
    setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
          BeanDeserializerBuilder builder) {
        SettableAnyProperty any = builder.getAnySetter();
        if (any != null && !(any instanceof Counting)) {
          builder.setAnySetter(null);
          builder.setAnySetter(new Counting(any));
        }
        return builder;
      }
    });
  }

  /** How many values this thread's readings have given any-setters so far. */
  public static long count() {
    return COUNT.get()[0];
  }

  private static void counted() {
    COUNT.get()[0]++;
  }

  /** An any-setter that counts each value it is given and otherwise is {@code delegate}. */
  private static final class Counting extends SettableAnyProperty {
    private final SettableAnyProperty delegate;

    Counting(SettableAnyProperty delegate) {
      super(delegate.getProperty(), null, delegate.getType(), null, null, null);
      this.delegate = delegate;
    }

    @Override
    public SettableAnyProperty withValueDeserializer(JsonDeserializer<Object> deserializer) {
      return new Counting(delegate.withValueDeserializer(deserializer));
    }

    @Override
    public void fixAccess(DeserializationConfig config) {
      delegate.fixAccess(config);
    }

    @Override
    public BeanProperty getProperty() {
      return delegate.getProperty();
    }

    @Override
    public boolean hasValueDeserializer() {
      return delegate.hasValueDeserializer();
    }

    @Override
    public JavaType getType() {
      return delegate.getType();
    }

    @Override
    public String getPropertyName() {
      return delegate.getPropertyName();
    }

    @Override
    public int getParameterIndex() {
      return delegate.getParameterIndex();
    }

    @Override
    public boolean isFieldType() {
      return delegate.isFieldType();
    }

    @Override
    public boolean isSetterType() {
      return delegate.isSetterType();
    }

    @Override
    public Object createParameterObject() {
      return delegate.createParameterObject();
    }

    @Override
    public void deserializeAndSet(JsonParser p, DeserializationContext context, Object instance, String name) throws IOException {
      counted();
      delegate.deserializeAndSet(p, context, instance, name);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
      return delegate.deserialize(p, context);
    }

    @Override
    public void set(Object instance, Object name, Object value) throws IOException {
      counted();
      delegate.set(instance, name, value);
    }

    @Override
    protected void _set(Object instance, Object name, Object value) throws Exception {
      set(instance, name, value);
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }
}
