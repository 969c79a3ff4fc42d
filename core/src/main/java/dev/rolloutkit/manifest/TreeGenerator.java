package dev.rolloutkit.manifest;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.base.GeneratorBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;

/**
 * A generator that builds, as it is written to, the tree Jackson's tree reader makes of the tokens
 * the generated serializers write without a mapper (see {@link ModelTrees}): objects, arrays, text,
 * booleans, nulls, and integers as {@code int} or {@code long} nodes as they were written. Anything
 * else (a floating-point or big number, binary or raw content, a repeated key) throws {@link
 * ModelTrees#UNSUPPORTED}, and the caller asks the mapper.
 */
final class TreeGenerator extends GeneratorBase {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Open containers, innermost last. */
  private final ArrayDeque<JsonNode> open = new ArrayDeque<>();

  /** The name just written in the innermost object, waiting for its value. */
  private String name;

  private JsonNode root;

  TreeGenerator() {
    super(0, null);
  }

  /** The value written, once it is complete. */
  JsonNode root() {
    if (root == null || !open.isEmpty()) {
      throw ModelTrees.UNSUPPORTED;
    }
    return root;
  }

  private void value(JsonNode node) {
    JsonNode container = open.peekLast();
    if (container == null) {
      if (root != null) {
        throw ModelTrees.UNSUPPORTED; // a second root value
      }
      root = node;
    } else if (container instanceof ObjectNode object) {
      if (name == null || object.replace(name, node) != null) {
        throw ModelTrees
            .UNSUPPORTED; // a value without a name, or a repeated key (the mapper's settings
        // decide)
      }
      name = null;
    } else {
      ((ArrayNode) container).add(node);
    }
  }

  private void start(JsonNode container) {
    value(container);
    open.addLast(container);
  }

  private void end(Class<? extends JsonNode> kind) {
    JsonNode container = open.pollLast();
    if (!kind.isInstance(container) || name != null) {
      throw ModelTrees.UNSUPPORTED;
    }
  }

  @Override
  public void writeStartArray() {
    start(NODES.arrayNode());
  }

  @Override
  public void writeEndArray() {
    end(ArrayNode.class);
  }

  @Override
  public void writeStartObject() {
    start(NODES.objectNode());
  }

  @Override
  public void writeEndObject() {
    end(ObjectNode.class);
  }

  @Override
  public void writeFieldName(String fieldName) {
    if (!(open.peekLast() instanceof ObjectNode) || name != null || fieldName == null) {
      throw ModelTrees.UNSUPPORTED;
    }
    name = fieldName;
  }

  @Override
  public void writeFieldName(SerializableString fieldName) {
    writeFieldName(fieldName.getValue());
  }

  @Override
  public void writeString(String text) {
    value(text == null ? NODES.nullNode() : NODES.textNode(text));
  }

  @Override
  public void writeString(char[] buffer, int offset, int length) {
    writeString(new String(buffer, offset, length));
  }

  @Override
  public void writeString(SerializableString text) {
    writeString(text.getValue());
  }

  @Override
  public void writeNumber(int number) {
    value(NODES.numberNode(number));
  }

  @Override
  public void writeNumber(long number) {
    value(NODES.numberNode(number));
  }

  @Override
  public void writeBoolean(boolean flag) {
    value(NODES.booleanNode(flag));
  }

  @Override
  public void writeNull() {
    value(NODES.nullNode());
  }

  // What the generated serializers never write without a mapper: the mapper decides how these read
  // back.

  @Override
  public void writeNumber(BigInteger number) {
    throw ModelTrees.UNSUPPORTED;
  }

  @Override
  public void writeNumber(double number) {
    throw ModelTrees.UNSUPPORTED;
  }

  @Override
  public void writeNumber(float number) {
    throw ModelTrees.UNSUPPORTED;
  }

  @Override
  public void writeNumber(BigDecimal number) {
    throw ModelTrees.UNSUPPORTED;
  }

  @Override
  public void writeNumber(String encoded) {
    throw ModelTrees.UNSUPPORTED;
  }

  @Override
  public void writeRawUTF8String(byte[] buffer, int offset, int length) {
    throw ModelTrees.UNSUPPORTED;
  }

  @Override
  public void writeUTF8String(byte[] buffer, int offset, int length) {
    throw ModelTrees.UNSUPPORTED;
  }

  @Override
  public void writeRaw(String text) {
    throw ModelTrees.UNSUPPORTED;
  }

  @Override
  public void writeRaw(String text, int offset, int length) {
    throw ModelTrees.UNSUPPORTED;
  }

  @Override
  public void writeRaw(char[] text, int offset, int length) {
    throw ModelTrees.UNSUPPORTED;
  }

  @Override
  public void writeRaw(char c) {
    throw ModelTrees.UNSUPPORTED;
  }

  @Override
  public void writeBinary(Base64Variant variant, byte[] data, int offset, int length) {
    throw ModelTrees.UNSUPPORTED;
  }

  @Override
  public void writeObject(Object value) {
    throw ModelTrees.UNSUPPORTED;
  }

  @Override
  public void writeTree(com.fasterxml.jackson.core.TreeNode node) {
    throw ModelTrees.UNSUPPORTED;
  }

  @Override
  public void flush() {}

  @Override
  protected void _releaseBuffers() {}

  @Override
  protected void _verifyValueWrite(String typeMsg) {}
}
