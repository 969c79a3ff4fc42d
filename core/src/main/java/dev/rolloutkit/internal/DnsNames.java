package dev.rolloutkit.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/** Kubernetes name rules (DNS-1123 label and subdomain, DNS-1035 label), with apimachinery's messages. */
public final class DnsNames {

  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  private DnsNames() {}

  /** Why {@code name} is not a DNS-1123 label (namespaces, most names), or empty if it is one. */
  public static Optional<String> labelProblem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (name.length() > 63) {
      return Optional.of(String.format("'%s' must be no more than 63 characters (is %d)", name, name.length()));
    }
    if (!DNS1123_LABEL.matcher(name).matches()) {
      return Optional.of(String.format("'%s' is not a valid DNS-1123 label: lower-case letters, digits and '-',"
          + " starting and ending with a letter or digit (regex [a-z0-9]([-a-z0-9]*[a-z0-9])?)", name));
    }
    return Optional.empty();
  }

  /** Why {@code name} is not a DNS-1123 subdomain (most object names), or empty if it is one. */
  public static Optional<String> subdomainProblem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (name.length() > 253) {
      return Optional.of(String.format("'%s' must be no more than 253 characters (is %d)", name, name.length()));
    }
    if (!DNS1123_SUBDOMAIN.matcher(name).matches()) {
      return Optional.of(String.format("'%s' is not a valid DNS-1123 subdomain: lower-case letters, digits, '-' and '.',"
          + " starting and ending with a letter or digit", name));
    }
    return Optional.empty();
  }

  /** Why {@code name} is not a DNS-1035 label (Service names), or empty if it is one. */
  public static Optional<String> serviceNameProblem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (name.length() > 63) {
      return Optional.of(String.format("'%s' must be no more than 63 characters (is %d)", name, name.length()));
    }
    if (!DNS1035_LABEL.matcher(name).matches()) {
      return Optional.of(String.format("'%s' is not a valid DNS-1035 label: lower-case letters, digits and '-',"
          + " starting with a letter and ending with a letter or digit", name));
    }
    return Optional.empty();
  }
}
