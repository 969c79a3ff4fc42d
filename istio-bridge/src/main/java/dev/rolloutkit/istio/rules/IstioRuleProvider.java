package dev.rolloutkit.istio.rules;

import dev.rolloutkit.rules.Rule;
import dev.rolloutkit.rules.RuleProvider;
import java.util.List;

/** Contributes the Istio rules to {@code RuleSet.all()}. */
public final class IstioRuleProvider implements RuleProvider {

  @Override
  public List<Rule> rules() {
    return IstioRules.list();
  }
}
