package dev.rolloutkit.manifest;

/**
 * Manifests that cannot be found or written at all (a missing path, a folder that cannot be
 * listed): the message says which.
 */
public final class ManifestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ManifestException(String message) {
    super(message);
  }
}
