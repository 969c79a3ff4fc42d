package dev.rolloutkit.rules;

import org.immutables.value.Value;

/** Where something was read: file, 1-based line and column. */
@Value.Immutable
public abstract class SourceLocation {

  @Value.Parameter
  public abstract String file();

  @Value.Parameter
  public abstract int line();

  @Value.Parameter
  public abstract int column();

  public static SourceLocation of(String file, int line, int column) {
    return ImmutableSourceLocation.of(file, line, column);
  }

  @Override
  public String toString() {
    return file() + ":" + line() + ":" + column();
  }
}
