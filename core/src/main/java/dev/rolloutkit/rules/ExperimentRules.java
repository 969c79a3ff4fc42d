package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.Experiment;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The Argo controller's Experiment checks ({@code VerifyExperimentSpec}) and analysis-argument checks ({@code ResolveArgs}, {@code ValidateAnalysisTemplateWithType}). */
public final class ExperimentRules {

  private ExperimentRules() {}

  public static final Rule EXPERIMENT_TEMPLATES = new ArgoExperimentTemplates();

  public static final Rule TEMPLATE_ARGS = new ArgoAnalysisArgs();

  static final List<Rule> ALL = List.of(EXPERIMENT_TEMPLATES, TEMPLATE_ARGS);

  public static List<Rule> list() {
    return ALL;
  }
}
