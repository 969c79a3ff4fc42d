package dev.rolloutkit.stack;

import dev.rolloutkit.InvalidSpecException;
import java.util.List;

/** A stack that cannot be built, with every problem found; nothing half-built is returned. */
public final class InvalidStackException extends InvalidSpecException {

  public InvalidStackException(String stack, List<String> problems) {
    super("canary stack '" + stack + "'", problems);
  }
}
