package dev.rolloutkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.testing.Fixtures;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each of the further spec rules fails on its defect at the field and passes on a Rollout that uses
 * the feature correctly.
 */
class ArgoSpecRulesTest {

  /** Uses every feature these rules look at, correctly. */
  static final String VALID =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: app, namespace: shop}
      spec:
        replicas: 4
        revisionHistoryLimit: 5
        selector: {matchLabels: {app: app}}
        template:
          metadata: {labels: {app: app}}
          spec: {containers: [{name: app, image: "app:1"}]}
        strategy:
          canary:
            antiAffinity:
              preferredDuringSchedulingIgnoredDuringExecution: {weight: 50}
            pingPong: {pingService: app-ping, pongService: app-pong}
            trafficRouting:
              managedRoutes: [{name: beta}, {name: mirror}]
              istio: {virtualService: {name: app, routes: [primary]}}
            steps:
            - setWeight: 10
            - setHeaderRoute: {name: beta, match: [{headerName: x-beta, headerValue: {exact: "1"}}]}
            - setMirrorRoute: {name: mirror, percentage: 10, match: [{method: {exact: GET}, path: {prefix: /api}}]}
            - analysis:
                templates: [{templateName: health}]
                args: [{name: pod, valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}}]
      """;

  static String edit(String from, String to) {
    return Fixtures.edit(VALID, from, to);
  }

  static ResourceSet set(String yaml) {
    return ResourceSet.of(Fixtures.resources(yaml));
  }

  static final String C = "spec.strategy.canary";

  static Stream<Arguments> defects() {
    return Stream.of(
        Arguments.of(
            ArgoSpecRules.WORKLOAD_REF_TEMPLATE,
            edit(
                "  selector: {matchLabels: {app: app}}\n",
                "  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: app}\n"),
            "spec.template",
            "template must be empty for workload reference rollout"),
        Arguments.of(
            ArgoSpecRules.SCALE_DOWN_LIMIT,
            edit(
                "  strategy:\n",
                "  strategy:\n"
                    + "    blueGreen: {activeService: a, previewService: b,"
                    + " scaleDownDelayRevisionLimit: 6}\n"),
            "spec.strategy.blueGreen.scaleDownDelayRevisionLimit",
            "This rollout's revision history limit can not be smaller than the rollout's scale down"
                + " limit"),
        Arguments.of(
            ArgoSpecRules.ANTI_AFFINITY,
            edit("{weight: 50}", "{weight: 0}"),
            C + ".antiAffinity.preferredDuringSchedulingIgnoredDuringExecution.weight",
            "AntiAffinity weight must be between 1-100"),
        Arguments.of(
            ArgoSpecRules.ANTI_AFFINITY,
            edit(
                "preferredDuringSchedulingIgnoredDuringExecution: {weight: 50}",
                "preferredDuringSchedulingIgnoredDuringExecution: {weight: 50}\n"
                    + "        requiredDuringSchedulingIgnoredDuringExecution: {}"),
            C + ".antiAffinity",
            "AntiAffinity must have exactly one strategy listed"),
        Arguments.of(
            ArgoSpecRules.PING_PONG,
            edit("pongService: app-pong", "pongService: app-ping"),
            C + ".pingPong.pongService",
            "This rollout uses the same service for the ping and pong services, but two different"
                + " services are required."),
        Arguments.of(
            ArgoSpecRules.PING_PONG,
            edit("{pingService: app-ping, pongService: app-pong}", "{pingService: app-ping}"),
            C + ".pingPong",
            "Ping service and Pong service must to be set to use Ping-Pong feature"),
        Arguments.of(
            ArgoSpecRules.ROUTE_MATCH,
            edit("headerValue: {exact: \"1\"}", "headerValue: {}"),
            C + ".steps[1].setHeaderRoute.match[0].headerValue",
            "StringMatch value missed, match value must have one of the following: exact, regex,"
                + " prefix"),
        Arguments.of(
            ArgoSpecRules.ROUTE_MATCH,
            edit("path: {prefix: /api}", "path: {prefix: /api, regex: /api.*}"),
            C + ".steps[2].setMirrorRoute.match[0].path",
            "StringMatch match value must have exactly one of the following: exact, regex, prefix"),
        Arguments.of(
            ArgoSpecRules.ARG_FIELD_REF,
            edit("metadata.labels['app']", "metadata.labels.app"),
            C + ".steps[3].analysis.args[0].valueFrom.fieldRef.fieldPath",
            "Analyses arguments must refer to valid object metadata supported by downwardAPI"));
  }

  @ParameterizedTest(name = "{0}: {3}")
  @MethodSource("defects")
  void should_report_the_defect_with_the_controllers_message_at_the_field(
      Rule rule, String yaml, String path, String message) {
    assertThat(rule.check(set(yaml)))
        .extracting(Finding::path, Finding::message)
        .contains(Tuple.tuple(path, message));
  }

  static Stream<Rule> rules() {
    return ArgoSpecRules.list().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void should_pass_a_rollout_that_uses_the_features_correctly(Rule rule) {
    assertThat(rule.check(set(VALID))).isEmpty();
  }

  @Test
  void should_have_a_failing_case_for_every_rule() {
    assertThat(defects().map(a -> ((Rule) a.get()[0]).id()).distinct().toList())
        .containsExactlyInAnyOrderElementsOf(ArgoSpecRules.list().stream().map(Rule::id).toList());
  }
}
