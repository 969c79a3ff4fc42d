package dev.rolloutkit.rules;

import java.util.List;

/**
 * Contributes rules to {@link RuleSet#all()}; register implementations in {@code
 * META-INF/services/dev.rolloutkit.rules.RuleProvider}.
 */
public interface RuleProvider {

  List<Rule> rules();
}
