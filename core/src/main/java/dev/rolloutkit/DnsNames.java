package dev.rolloutkit;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes name and label rules (DNS-1123 label and subdomain, DNS-1035 label, qualified names
 * and label values), with apimachinery's wording ({@code k8s.io/apimachinery/pkg/util/validation}),
 * and the check of free text that rolloutkit writes into YAML or PromQL.
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

  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

  /**
   * Why {@code key} is not a label or annotation key (apimachinery's {@code IsQualifiedName}: an
   * optional DNS-1123 subdomain prefix and '/', then a name of up to 63 characters), or empty.
   */
  public static Optional<String> labelKeyProblem(String key) {
    if (key == null || key.isEmpty()) {
      return Optional.of("a key must not be empty");
    }
    String[] parts = key.split("/", -1);
    if (parts.length > 2) {
      return Optional.of(
          "'"
              + key
              + "': a qualified name must consist of alphanumeric characters, '-', '_' or '.',"
              + " and must start and end with an alphanumeric character, with an optional DNS"
              + " subdomain prefix and '/' (e.g. 'example.com/MyName')");
    }
    if (parts.length == 2) {
      Optional<String> prefix = subdomainProblem(parts[0]);
      if (prefix.isPresent()) {
        return Optional.of("'" + key + "': prefix part " + prefix.get());
      }
    }
    String name = parts[parts.length - 1];
    if (name.isEmpty()) {
      return Optional.of("'" + key + "': name part must be non-empty");
    }
    if (name.length() > 63) {
      return Optional.of("'" + key + "': name part must be no more than 63 characters");
    }
    if (!QUALIFIED_NAME.matcher(name).matches()) {
      return Optional.of(
          "'"
              + key
              + "': name part must consist of alphanumeric characters, '-', '_' or '.', and must"
              + " start and end with an alphanumeric character (regex used for validation is"
              + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
    }
    return Optional.empty();
  }

  /**
   * Why {@code value} is not a label value (apimachinery's {@code IsValidLabelValue}), or empty.
   */
  public static Optional<String> labelValueProblem(String value) {
    if (value.length() > 63) {
      return Optional.of(
          "'" + value + "' must be no more than 63 characters (is " + value.length() + ")");
    }
    if (!value.isEmpty() && !QUALIFIED_NAME.matcher(value).matches()) {
      return Optional.of(
          "'"
              + value
              + "': a valid label must be an empty string or consist of alphanumeric characters,"
              + " '-', '_' or '.', and must start and end with an alphanumeric character (regex"
              + " used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    }
    return Optional.empty();
  }

  /**
   * Why free text (an image, a metric name, a query, an address, trigger metadata) cannot be
   * written as given, or empty: it holds a character that is no text (a control character, a lone
   * surrogate, U+FFFE or U+FFFF, a byte-order mark) or one that YAML 1.1 readers such as Kubernetes
   * take as a line break (NEXT LINE, LINE and PARAGRAPH SEPARATOR). Tabs are text; line feeds only
   * where {@code lineBreaks} (queries).
   */
  public static Optional<String> textProblem(String text, boolean lineBreaks) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      }
      boolean allowed =
          c == '\t'
              || c == '\n' && lineBreaks
              || c >= 0x20 && c < 0x7f
              || c > 0x9f
                  && c != 0x2028
                  && c != 0x2029
                  && c != 0xfeff
                  && c != 0xfffe
                  && c != 0xffff
                  && !Character.isSurrogate(c);
      if (!allowed) {
        String what =
            c == 0x85 || c == 0x2028 || c == 0x2029
                ? "a line break to YAML 1.1 readers such as Kubernetes"
                : Character.isSurrogate(c)
                    ? "half of a surrogate pair, not a character"
                    : "no text";
        return Optional.of(
            String.format(
                "'%s' holds U+%04X at character %d, which is %s",
                text.replaceAll("[\\p{Cc}\\p{Cs}\\u2028\\u2029\\ufeff\\ufffe\\uffff]", "?"),
                (int) c,
                i + 1,
                what));
      }
    }
    return Optional.empty();
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
