package dev.rolloutkit;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes name rules (DNS-1123 label and subdomain, DNS-1035 label), with apimachinery's
 * wording.
 */
public final class DnsNames {

  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  private DnsNames() {}

  /** Why {@code name} is not a DNS-1123 label (namespaces, most names), or empty if it is one. */
  public static Optional<String> labelProblem(String name) {
    return problem(
        name,
        63,
        DNS1123_LABEL,
        "a valid DNS-1123 label: lower-case letters, digits and '-', starting and ending with a"
            + " letter or digit (regex [a-z0-9]([-a-z0-9]*[a-z0-9])?)");
  }

  /** Why {@code name} is not a DNS-1123 subdomain (most object names), or empty if it is one. */
  public static Optional<String> subdomainProblem(String name) {
    return problem(
        name,
        253,
        DNS1123_SUBDOMAIN,
        "a valid DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and"
            + " ending with a letter or digit");
  }

  /** Why {@code name} is not a DNS-1035 label (Service names), or empty if it is one. */
  public static Optional<String> serviceNameProblem(String name) {
    return problem(
        name,
        63,
        DNS1035_LABEL,
        "a valid DNS-1035 label: lower-case letters, digits and '-', starting with a letter and"
            + " ending with a letter or digit");
  }

  private static Optional<String> problem(
      String name, int maxLength, Pattern pattern, String expected) {
    if (name == null || name.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (name.length() > maxLength) {
      return Optional.of(
          String.format(
              "'%s' must be no more than %d characters (is %d)", name, maxLength, name.length()));
    }
    if (!pattern.matcher(name).matches()) {
      return Optional.of(String.format("'%s' is not %s", name, expected));
    }
    return Optional.empty();
  }
}
