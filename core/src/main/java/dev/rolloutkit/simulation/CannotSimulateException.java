package dev.rolloutkit.simulation;

/**
 * A condition, or a part of one, outside the grammar rolloutkit evaluates exactly: the message
 * starts with {@code cannot simulate:} and names the construct. rolloutkit never guesses a verdict.
 */
public final class CannotSimulateException extends RuntimeException {

  public CannotSimulateException(String message) {
    super(message);
  }
}
