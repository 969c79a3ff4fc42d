package dev.rolloutkit.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.emitter.Emitter;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.ImplicitTuple;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.events.StreamStartEvent;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Writes an object as fabric8's {@code KubernetesSerialization.asYaml} does (with minimised quotes), byte for byte,
 * without its detour through maps and YAML nodes: the object is serialised by the same Jackson mapper into a token
 * buffer, and each token becomes the event snakeyaml-engine's serializer would have made of the corresponding node,
 * fed to the same emitter with the same settings. Scalars are represented by a representer that makes the same
 * decisions as fabric8's (single-letter {@code y}/{@code n} keys double-quoted, multi-line strings literal).
 *
 * <p>What this path does not reproduce it refuses ({@link Unsupported}) and the caller writes that object with
 * {@code asYaml}: embedded binary values, non-double floating-point numbers and mappings with a repeated key (which
 * the map detour would have collapsed). Identity with {@code asYaml} is tested over every profile's stack and seeded
 * random documents ({@code DirectYamlTest}).
 */
final class DirectYaml {

  /** Signals a value this writer does not reproduce exactly; the caller falls back to {@code asYaml}. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  private static final DumpSettings SETTINGS =
      DumpSettings.builder().setExplicitStart(true).setDefaultFlowStyle(FlowStyle.BLOCK).build();
  private static final ScalarResolver RESOLVER = SETTINGS.getSchema().getScalarResolver();
  private static final Optional<String> MAP_TAG = Optional.of(Tag.MAP.getValue());
  private static final Optional<String> SEQ_TAG = Optional.of(Tag.SEQ.getValue());

  private final ObjectMapper mapper;

  DirectYaml(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Appends one document ({@code ---} first) to {@code out}; on {@link Unsupported}, {@code out} is left as it was. */
  void write(Object value, StringBuilder out) {
    int mark = out.length();
    try {
      TokenBuffer tokens = new TokenBuffer(mapper, false);
      mapper.writeValue(tokens, value);
      Emitter emitter = new Emitter(SETTINGS, new Appender(out));
      Scalars scalars = new Scalars(SETTINGS);
      emitter.emit(new StreamStartEvent());
      emitter.emit(new DocumentStartEvent(SETTINGS.isExplicitStart(), SETTINGS.getYamlDirective(), SETTINGS.getTagDirective()));
      try (JsonParser parser = tokens.asParser()) {
        new Walk(parser, emitter, scalars).node(parser.nextToken());
      }
      emitter.emit(new DocumentEndEvent(SETTINGS.isExplicitEnd()));
      emitter.emit(new StreamEndEvent());
    } catch (Unsupported e) {
      out.setLength(mark);
      throw e;
    } catch (IOException e) {
      out.setLength(mark);
      throw new Unsupported(e.getMessage());
    }
  }

  private static final class Walk {
    private final JsonParser parser;
    private final Emitter emitter;
    private final Scalars scalars;

    Walk(JsonParser parser, Emitter emitter, Scalars scalars) {
      this.parser = parser;
      this.emitter = emitter;
      this.scalars = scalars;
    }

    void node(JsonToken token) throws IOException {
      switch (token) {
        case START_OBJECT -> mapping();
        case START_ARRAY -> {
          emitter.emit(new SequenceStartEvent(Optional.empty(), SEQ_TAG, true, FlowStyle.BLOCK));
          for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            node(t);
          }
          emitter.emit(new SequenceEndEvent());
        }
        case VALUE_STRING -> scalar(scalars.value(parser.getText()));
        case VALUE_NUMBER_INT -> scalar(scalars.value(parser.getNumberValue()));
        case VALUE_NUMBER_FLOAT -> {
          if (parser.getNumberType() != JsonParser.NumberType.DOUBLE) {
            throw new Unsupported("floating-point number of type " + parser.getNumberType());
          }
          scalar(scalars.value(parser.getDoubleValue()));
        }
        case VALUE_TRUE -> scalar(scalars.value(Boolean.TRUE));
        case VALUE_FALSE -> scalar(scalars.value(Boolean.FALSE));
        case VALUE_NULL -> scalar(scalars.value(null));
        default -> throw new Unsupported("token " + token);
      }
    }

    private void mapping() throws IOException {
      emitter.emit(new MappingStartEvent(Optional.empty(), MAP_TAG, true, FlowStyle.BLOCK));
      List<String> keys = null;
      Set<String> keySet = null;
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
        String key = parser.currentName();
        if (keys == null) {
          keys = new ArrayList<>(8);
        }
        if (keySet != null) {
          if (!keySet.add(key)) {
            throw new Unsupported("repeated key " + key);
          }
        } else {
          if (keys.contains(key)) {
            throw new Unsupported("repeated key " + key);
          }
          keys.add(key);
          if (keys.size() > 8) {
            keySet = new HashSet<>(keys);
          }
        }
        scalar(scalars.key(key));
        node(parser.nextToken());
      }
      emitter.emit(new MappingEndEvent());
    }

    private void scalar(ScalarNode node) {
      String text = node.getValue();
      Tag tag = node.getTag();
      ImplicitTuple implicit = new ImplicitTuple(tag.equals(RESOLVER.resolve(text, true)), tag.equals(RESOLVER.resolve(text, false)));
      emitter.emit(new ScalarEvent(Optional.empty(), Optional.of(tag.getValue()), implicit, text, node.getScalarStyle()));
    }
  }

  /**
   * fabric8's representer, scalars only: with minimised quotes a string is plain (the emitter quotes it where YAML
   * needs it), except a mapping key that is one of {@code y Y n N}, which is double-quoted.
   */
  private static final class Scalars extends StandardRepresenter {
    private boolean quote;

    Scalars(DumpSettings settings) {
      super(settings);
    }

    ScalarNode key(String key) {
      quote = key.length() == 1 && "yYnN".indexOf(key.charAt(0)) >= 0;
      try {
        return scalarNode(key);
      } finally {
        quote = false;
      }
    }

    ScalarNode value(Object value) {
      quote = false;
      return scalarNode(value);
    }

    private ScalarNode scalarNode(Object value) {
      Node node = representData(value);
      if (!(node instanceof ScalarNode scalar)) {
        throw new Unsupported("value of " + (value == null ? "null" : value.getClass().getName()) + " is not a scalar");
      }
      return scalar;
    }

    @Override
    protected Node representScalar(Tag tag, String value, ScalarStyle style) {
      ScalarStyle chosen = style;
      if (style == ScalarStyle.PLAIN) {
        chosen = quote && tag == Tag.STR ? ScalarStyle.DOUBLE_QUOTED : defaultScalarStyle;
      }
      return new ScalarNode(tag, value, chosen);
    }
  }

  /** The emitter's output, appended to a builder. */
  private static final class Appender implements StreamDataWriter {
    private final StringBuilder out;

    Appender(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void write(String str) {
      out.append(str);
    }

    @Override
    public void write(String str, int off, int len) {
      out.append(str, off, off + len);
    }

    @Override
    public void flush() {}
  }
}
