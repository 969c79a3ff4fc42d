package dev.rolloutkit.rules;

import dev.rolloutkit.argo.UnknownFields;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Fields no schema knows — usually typos — in any known kind. */
final class UnknownFieldRule extends AbstractRule {

  UnknownFieldRule() {
    super(
        "SCHEMA-UNKNOWN-FIELD",
        Severity.ERROR,
        "Every field is one the resource's schema knows",
        "kubectl apply validates strictly by default and refuses an object with a field its schema"
            + " does not know (strict decoding error: unknown field), and kubectl argo rollouts"
            + " lint refuses it too; were it let through, the API server would prune it and a typo"
            + " such as 'setWieght' or 'failurelimit' would silently become the default. Kubernetes"
            + " docs: reference/using-api/api-concepts, \"Field validation\".");
  }

  @Override
  protected void visit(ResourceSet resources, Findings findings) {
    for (HasMetadata resource : resources.all()) {
      for (UnknownFields.Unknown unknown : UnknownFields.find(resource)) {
        Optional<String> nearest = nearest(unknown.name(), unknown.known());
        findings.add(
            resource,
            unknown.path(),
            "strict decoding error: unknown field \""
                + unknown.path()
                + "\" (error unmarshaling JSON: while decoding JSON: json: unknown field \""
                + unknown.name()
                + "\")",
            nearest
                .map(n -> "did you mean '" + n + "'?")
                .orElse("the " + resource.getKind() + " schema has no such field here"));
      }
    }
  }

  /** The known field closest to {@code name} by edit distance, if close enough to be a typo. */
  static Optional<String> nearest(String name, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, name.length() / 3)
        ? Optional.of(best)
        : Optional.empty();
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
