package dev.rolloutkit.rules;

import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * The text of apimachinery's {@code field.Error} ({@code k8s.io/apimachinery/pkg/util/validation/
 * field/errors.go}), which the Argo controller reports in its InvalidSpec condition and {@code
 * kubectl argo rollouts lint} prints: {@code <path>: Invalid value: <value>: <detail>}, {@code
 * <path>: Required value: <detail>}. Paths are Argo's own, which for canary fields often leave out
 * {@code canary} ({@code spec.strategy.maxSurge}).
 */
final class FieldErrors {

  private FieldErrors() {}

  /** {@code field.Invalid(path, value, detail)}. */
  static String invalid(String path, Object value, String detail) {
    return path + ": Invalid value: " + value(value) + ": " + detail;
  }

  /** {@code field.Required(path, detail)}. */
  static String required(String path, String detail) {
    return path + ": Required value: " + detail;
  }

  /**
   * A value as {@code ErrorBody} prints it: strings quoted ({@code %q}), numbers and flags plain.
   */
  private static String value(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\t' -> b.append("\\t");
          default -> {
            if (c < 0x20) {
              b.append(String.format("\\x%02x", (int) c));
            } else {
              b.append(c);
            }
          }
        }
      }
      return b.append('"').toString();
    }
    if (value instanceof IntOrString ios) { // a fmt.Stringer: its int or its text, unquoted
      return ios.getIntVal() != null ? ios.getIntVal().toString() : ios.getStrVal();
    }
    return value.toString();
  }
}
