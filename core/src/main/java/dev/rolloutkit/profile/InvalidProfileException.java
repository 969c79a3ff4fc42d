package dev.rolloutkit.profile;

import dev.rolloutkit.InvalidSpecException;
import java.util.List;

/**
 * A profile that cannot be built, with every problem found, each naming its step ({@code steps[3]:
 * …}).
 */
public final class InvalidProfileException extends InvalidSpecException {

  public InvalidProfileException(String profile, List<String> problems) {
    this("canary", profile, problems);
  }

  InvalidProfileException(String kind, String profile, List<String> problems) {
    super(kind + " profile '" + profile + "'", problems);
  }
}
