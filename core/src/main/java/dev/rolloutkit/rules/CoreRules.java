package dev.rolloutkit.rules;

import java.util.List;

/**
 * The rules of core, as a catalogue of named constants. (The full Argo, KEDA and pitfall catalogue
 * grows here; the Istio rules live in {@code rolloutkit-istio-bridge}.)
 */
public final class CoreRules {

  public static final Rule UNKNOWN_FIELD = new UnknownFieldRule();
  public static final Rule UNKNOWN_KIND = new UnknownKindRule();

  public static final Rule UNREADABLE = new ManifestUnreadable();

  public static final Rule AMBIGUOUS_YAML = new YamlAmbiguous();

  public static final Rule DUPLICATE = new ManifestDuplicate();

  static final List<Rule> ALL =
      List.of(UNREADABLE, AMBIGUOUS_YAML, DUPLICATE, UNKNOWN_FIELD, UNKNOWN_KIND);

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
