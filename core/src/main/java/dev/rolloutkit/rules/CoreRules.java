package dev.rolloutkit.rules;

import java.util.List;

/**
 * The rules of core, as a catalogue of named constants. (The full Argo, KEDA and pitfall catalogue grows here; the
 * Istio rules live in {@code rolloutkit-istio-bridge}.)
 */
public final class CoreRules {

  public static final Rule UNKNOWN_FIELD = new UnknownFieldRule();
  public static final Rule UNKNOWN_KIND = new UnknownKindRule();

  public static final Rule UNREADABLE = new CheckRule("MANIFEST-UNREADABLE", Severity.ERROR,
      "Every document can be read as a Kubernetes object",
      "kubectl refuses a document that is not valid YAML or JSON, has no apiVersion or kind, or has a value of the wrong type for its"
          + " field (the API server decodes strictly: \"3\" is not an integer, 10.5 is not a setWeight, yes is not a string). The rest"
          + " of the files are still checked.",
      (resources, f) -> resources.unreadable().forEach(m -> m.error().ifPresent(p -> f.add(m, p, null))));

  public static final Rule AMBIGUOUS_YAML = new CheckRule("YAML-AMBIGUOUS", Severity.WARNING,
      "What Kubernetes reads is what the text seems to say",
      "A key written twice is read as its last value only (go-yaml v2, as used by sigs.k8s.io/yaml), and a second YAML document after"
          + " '...' with no --- line is ignored by kubectl (apimachinery's YAMLReader splits documents at --- lines only).",
      (resources, f) -> {
        resources.all().forEach(r -> resources.source(r).ifPresent(m -> m.warnings().forEach(w -> f.add(m, w, null))));
        resources.unreadable().forEach(m -> m.warnings().forEach(w -> f.add(m, w, null)));
      });

  private static final List<Rule> ALL = List.of(UNREADABLE, AMBIGUOUS_YAML, UNKNOWN_FIELD, UNKNOWN_KIND);

  private CoreRules() {}

  public static List<Rule> list() {
    return ALL;
  }

  /** Registers the core rules with {@link RuleSet#all()}. */
  public static final class Provider implements RuleProvider {
    @Override
    public List<Rule> rules() {
      List<Rule> rules = new java.util.ArrayList<>(ALL);
      rules.addAll(ArgoRules.list());
      rules.addAll(KedaRules.list());
      rules.addAll(AnalysisRules.list());
      rules.addAll(ExperimentRules.list());
      rules.addAll(CombinedAnalysisRules.list());
      rules.addAll(ArgoSpecRules.list());
      return rules;
    }
  }
}
