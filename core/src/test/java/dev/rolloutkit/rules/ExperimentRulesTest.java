package dev.rolloutkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.testing.Fixtures;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExperimentRulesTest {

  static final String EXPERIMENT =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Experiment
      metadata: {name: compare, namespace: shop}
      spec:
        templates:
        - name: baseline
          selector: {matchLabels: {variant: baseline}}
          template:
            metadata: {labels: {variant: baseline}}
            spec: {containers: [{name: app, image: "app:1"}]}
        - name: candidate
          selector: {matchLabels: {variant: candidate}}
          template:
            metadata: {labels: {variant: candidate}}
            spec: {containers: [{name: app, image: "app:2"}]}
      """;

  static ResourceSet set(String yaml) {
    return ResourceSet.of(Fixtures.resources(yaml));
  }

  static Stream<Arguments> defects() {
    String args = ArgoRulesTest.VALID;
    return Stream.of(
        Arguments.of(
            ExperimentRules.EXPERIMENT_TEMPLATES,
            Fixtures.edit(
                EXPERIMENT,
                "  - name: candidate\n    selector: {matchLabels: {variant: candidate}}\n",
                "  - name: baseline\n    selector: {matchLabels: {}}\n"),
            "spec.templates[1].selector",
            "This experiment is selecting all pods at index 1. A non-empty selector is required."),
        Arguments.of(
            ExperimentRules.EXPERIMENT_TEMPLATES,
            Fixtures.edit(EXPERIMENT, "  - name: candidate\n", "  - name: baseline\n"),
            "spec.templates[1].name",
            "Experiment compare has repeated template name 'baseline' in templates"),
        Arguments.of(
            ExperimentRules.EXPERIMENT_TEMPLATES,
            Fixtures.edit(EXPERIMENT, "    selector: {matchLabels: {variant: baseline}}\n", ""),
            "spec.templates[0].selector",
            "Rollout has missing field '.Spec.Templates[0].Selector'"),
        Arguments.of(
            ExperimentRules.TEMPLATE_ARGS,
            Fixtures.edit(
                args,
                "args: [{name: canary-hash, valueFrom: {podTemplateHashValue: Latest}}]",
                "args: []"),
            "spec.strategy.canary.steps[2].analysis.args",
            "args.canary-hash was not resolved"),
        Arguments.of(
            ExperimentRules.TEMPLATE_ARGS,
            Fixtures.edit(
                args,
                "args: [{name: canary-hash}]",
                "args: [{name: canary-hash, value: x, valueFrom: {fieldRef: {fieldPath:"
                    + " metadata.name}}}]"),
            "spec.args[0]",
            "AnalysisTemplate health: arg 'canary-hash' has both Value and ValueFrom fields"),
        Arguments.of(
            ExperimentRules.EXPERIMENT_ARG_VARIABLES,
            EXPERIMENT
                + """
                  analyses:
                  - name: compare
                    templateName: health
                    args:
                    - {name: canary-hash, value: "{{templates.canary.podTemplateHash}}"}
                """,
            "spec.analyses[0].args[0].value",
            "Failed to create AnalysisRun for analysis 'compare': failed to resolve"
                + " {{templates.canary.podTemplateHash}}"),
        Arguments.of(
            ExperimentRules.EXPERIMENT_ARG_VARIABLES,
            Fixtures.edit(
                args,
                "      - setWeight: 20\n",
                """
                      - experiment:
                          templates: [{name: canary, specRef: canary}]
                          analyses:
                          - name: health
                            templateName: health
                            requiredForCompletion: true
                            args:
                            - {name: canary-hash, value: "{{templates.canary.podTemplateHash}}"}
                            - {name: until, value: "{{ experiment.finishedAt }}"}
                      - setWeight: 20
                """),
            "spec.strategy.canary.steps[0].experiment.analyses[0].args[1].value",
            "Failed to create AnalysisRun for analysis 'health': failed to resolve {{"
                + " experiment.finishedAt }}"));
  }

  @ParameterizedTest(name = "{0}: {3}")
  @MethodSource("defects")
  void should_report_the_defect_with_the_controllers_message(
      Rule rule, String yaml, String path, String message) {
    assertThat(rule.check(set(yaml)))
        .extracting(Finding::path, Finding::message)
        .contains(Tuple.tuple(path, message));
  }

  static Stream<Rule> rules() {
    return ExperimentRules.list().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void should_pass_consistent_experiments_and_rollouts(Rule rule) {
    assertThat(rule.check(set(EXPERIMENT))).isEmpty();
    assertThat(
            rule.check(
                set(
                    EXPERIMENT
                        + """
                          duration: 10m
                          analyses:
                          - name: compare
                            templateName: health
                            args:
                            - {name: canary-hash, value: "{{templates.candidate.podTemplateHash}}"}
                            - {name: rs, value: "{{ templates.baseline.replicaset.name }}"}
                            - {name: window, value: "{{experiment.availableAt}}-{{experiment.finishedAt}}"}
                        """)))
        .filteredOn(x -> x.rule().equals("ARGO-EXPERIMENT-ARG-VARIABLES"))
        .isEmpty();
    assertThat(rule.check(set(ArgoRulesTest.VALID))).isEmpty();
  }
}
