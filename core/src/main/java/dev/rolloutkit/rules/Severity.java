package dev.rolloutkit.rules;

import java.util.Locale;

/** How bad a finding is. Only {@link #ERROR} fails a build or a lint run. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** {@code error}, {@code warning}, {@code info}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity called {@code label} (any case). */
  public static Severity of(String label) {
    for (Severity s : values()) {
      if (s.name().equalsIgnoreCase(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + label + "': expected error, warning or info");
  }
}
