package dev.rolloutkit.cli;

import java.util.Optional;

/** JSON string literals, for the few fixed shapes the CLI prints. */
final class Json {

  private Json() {}

  static String str(Optional<String> value) {
    return value.map(Json::str).orElse("null");
  }

  static String str(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }
}
