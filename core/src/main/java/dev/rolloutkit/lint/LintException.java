package dev.rolloutkit.lint;

/**
 * Input that cannot be read or parsed at all: the message names the file, line and what was
 * expected.
 */
public final class LintException extends RuntimeException {

  public LintException(String message) {
    super(message);
  }
}
