package dev.rolloutkit.rules;

import java.util.List;

/**
 * The Argo controller's Experiment checks ({@code VerifyExperimentSpec}) and analysis-argument
 * checks ({@code ResolveArgs}, {@code ValidateAnalysisTemplateWithType}).
 */
public final class ExperimentRules {

  private ExperimentRules() {}

  public static final Rule EXPERIMENT_TEMPLATES = new ArgoExperimentTemplates();

  public static final Rule TEMPLATE_ARGS = new ArgoAnalysisArgs();

  static final List<Rule> ALL = List.of(EXPERIMENT_TEMPLATES, TEMPLATE_ARGS);

  public static List<Rule> list() {
    return ALL;
  }
}
