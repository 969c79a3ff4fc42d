package dev.rolloutkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The command line's JSON output: trees built with Jackson, written compactly on one line. */
final class JsonOutput {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonOutput() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String write(Object tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }
}
