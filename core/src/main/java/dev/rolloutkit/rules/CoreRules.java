package dev.rolloutkit.rules;

import java.util.List;

/**
 * The rules of core, as a catalogue of named constants. (The full Argo, KEDA and pitfall catalogue grows here; the
 * Istio rules live in {@code rolloutkit-istio-bridge}.)
 */
public final class CoreRules {

  public static final Rule UNKNOWN_FIELD = new UnknownFieldRule();
  public static final Rule UNKNOWN_KIND = new UnknownKindRule();

  public static final Rule REPEATED_KEY = new CheckRule("YAML-REPEATED-KEY", Severity.WARNING,
      "No key is written twice in one mapping",
      "A key repeated with the same value changes nothing, but it is a copy-and-paste slip that hides the next one; with a different"
          + " value the manifest is ambiguous and cannot be read at all (lint exits 2).",
      (resources, f) -> resources.all().forEach(r -> resources.repeatedKeys(r).forEach(path ->
          f.add(r, path, "key " + path + " is written twice with the same value", "delete the repeated line"))));

  private static final List<Rule> ALL = List.of(UNKNOWN_FIELD, UNKNOWN_KIND, REPEATED_KEY);

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
