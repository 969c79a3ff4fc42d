package dev.rolloutkit.rules;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The one policy for a reference from one object to another (a Service, a template, a
 * VirtualService, a scale target …) that is not among the linted resources: when the set holds
 * objects of the referenced kind but not this name, it is an error (most likely a typo); when it
 * holds none of the kind, a warning that the object must exist in the cluster, or an error when the
 * set is taken as complete ({@code --assume-complete}). The message says which case applies.
 */
public final class References {

  private References() {}

  /**
   * Reports the reference from {@code from} at {@code path} to the {@code kind} called {@code
   * name}, which is not in the set; {@code kindInSet} tells whether the set holds any {@code kind}.
   * {@code missing} is what the real system says of it (Argo's, KEDA's or istioctl's words).
   */
  public static void missing(
      ResourceSet resources,
      AbstractRule.Findings f,
      HasMetadata from,
      String path,
      String kind,
      String name,
      boolean kindInSet,
      String missing,
      String hint) {
    if (kindInSet) {
      f.add(
          from,
          path,
          missing
              + " (the linted resources hold "
              + plural(kind)
              + ", but none called '"
              + name
              + "')",
          hint);
    } else if (resources.thresholds().assumeComplete()) {
      f.add(
          from,
          path,
          missing + " (the linted resources are taken as complete and hold no " + kind + ")",
          hint);
    } else {
      f.add(
          from,
          path,
          kind
              + " '"
              + name
              + "' is not among the linted resources, which hold no "
              + kind
              + ": it must exist in the cluster, or "
              + missing,
          "lint it together with its " + kind + ", or pass --assume-complete to make this an error",
          Severity.WARNING);
    }
  }

  private static String plural(String kind) {
    return kind.endsWith("s") ? kind + "es" : kind + "s";
  }
}
