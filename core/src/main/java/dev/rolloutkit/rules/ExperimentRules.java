package dev.rolloutkit.rules;

import java.util.List;

/**
 * The Argo controller's Experiment checks ({@code VerifyExperimentSpec}) and analysis-argument
 * checks ({@code ResolveArgs}, {@code ValidateAnalysisTemplateWithType}, {@code
 * ResolveExperimentArgsValue}).
 */
public final class ExperimentRules {

  private ExperimentRules() {}

  public static final Rule EXPERIMENT_TEMPLATES = new ArgoExperimentTemplates();

  public static final Rule TEMPLATE_ARGS = new ArgoAnalysisArgs();

  public static final Rule EXPERIMENT_ARG_VARIABLES = new ArgoExperimentArgVariables();

  static final List<Rule> ALL =
      List.of(EXPERIMENT_TEMPLATES, TEMPLATE_ARGS, EXPERIMENT_ARG_VARIABLES);

  public static List<Rule> list() {
    return ALL;
  }
}
