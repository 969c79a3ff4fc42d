package dev.rolloutkit;

import java.util.List;

/**
 * Something rolloutkit was asked to build is invalid. Carries <em>every</em> problem found, each
 * starting with the field it concerns ({@code steps[3]: …}, {@code image: …}); the message lists
 * them all.
 */
public class InvalidSpecException extends IllegalArgumentException {

  private final List<String> problems;

  public InvalidSpecException(String what, List<String> problems) {
    super(what + " is invalid:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order found. */
  public List<String> problems() {
    return problems;
  }
}
