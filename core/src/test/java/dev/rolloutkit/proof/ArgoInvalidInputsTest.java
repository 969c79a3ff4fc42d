package dev.rolloutkit.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.rules.Finding;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.rules.Severity;
import dev.rolloutkit.testing.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Argo Rollouts repository's own invalid inputs (validation_test.go,
 * validation_references_test.go and factory_test.go at v1.9.1, listed in
 * ../shared/reference/argo-rollouts.md §7): each one, written as a manifest, is caught offline with
 * the controller's message. The Istio cases (31, 32) are replayed in rolloutkit-istio-bridge.
 */
class ArgoInvalidInputsTest {

  /** A basic canary Rollout the controller accepts; each case changes one thing. */
  static final String ROLLOUT =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: guestbook, namespace: default}
      spec:
        replicas: 2
        selector: {matchLabels: {app: guestbook}}
        template:
          metadata: {labels: {app: guestbook}}
          spec: {containers: [{name: guestbook, image: "guestbook:1"}]}
        strategy:
          canary:
            steps:
            - setWeight: 10
      """;

  static final String TEMPLATES =
      """
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: AnalysisTemplate
      metadata: {name: analysis-template-name, namespace: default}
      spec:
        args: [{name: invalid}]
        measurementRetention: [{metricName: example, limit: 2}]
        metrics:
        - name: example
          interval: 1m
          count: 3
          failureLimit: 2
          successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] > 0
          provider: {prometheus: {address: "http://prometheus:9090", query: "sum(up{h=\\"{{args.invalid}}\\"})"}}
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: ClusterAnalysisTemplate
      metadata: {name: cluster-analysis-template-name}
      spec:
        metrics:
        - name: metric2-name
          interval: 1m
          count: 0
          successCondition: "true"
          provider: {web: {url: "http://example.com"}}
      """;

  static String rollout(String from, String to) {
    return Fixtures.edit(ROLLOUT, from, to);
  }

  static String canary(String lines) {
    return rollout("    canary:\n", "    canary:\n" + lines.indent(6));
  }

  static String steps(String lines) {
    return rollout("      - setWeight: 10\n", lines.indent(6));
  }

  static final String SERVICES = "canaryService: canary\nstableService: stable\n";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            1,
            rollout("  selector: {matchLabels: {app: guestbook}}\n", ""),
            "Rollout has missing field '.spec.selector'"),
        Arguments.of(
            2,
            rollout("selector: {matchLabels: {app: guestbook}}", "selector: {}"),
            "empty selector is invalid for deployment"),
        Arguments.of(
            3,
            rollout("  replicas: 2\n", "  replicas: 2\n  minReadySeconds: 601\n"),
            "must be greater than minReadySeconds"),
        Arguments.of(
            4,
            rollout("    canary:\n      steps:\n      - setWeight: 10\n", ""),
            "Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'"),
        Arguments.of(
            5,
            rollout("  strategy:\n", "  strategy:\n    blueGreen: {activeService: active}\n"),
            "Multiple Strategies can not be listed"),
        Arguments.of(
            6,
            rollout(
                "    canary:\n      steps:\n      - setWeight: 10\n",
                "    blueGreen: {activeService: active, previewService: active,"
                    + " scaleDownDelayRevisionLimit: 11}\n"),
            "This rollout uses the same service for the active and preview services, but two"
                + " different services are required."),
        Arguments.of(
            6,
            rollout(
                "    canary:\n      steps:\n      - setWeight: 10\n",
                "    blueGreen: {activeService: active, previewService: active,"
                    + " scaleDownDelayRevisionLimit: 11}\n"),
            "This rollout's revision history limit can not be smaller than the rollout's scale down"
                + " limit"),
        Arguments.of(
            7,
            canary("trafficRouting: {nginx: {stableIngress: ingress}}"),
            "Canary service and Stable service must to be set to use Traffic Routing"),
        Arguments.of(
            7,
            canary("trafficRouting: {alb: {ingress: ingress}}"),
            "Canary service and Stable service must to be set to use Traffic Routing"),
        Arguments.of(
            7,
            canary("trafficRouting: {istio: {virtualService: {name: vsvc}}}"),
            "Canary service and Stable service must to be set to use Traffic Routing"),
        Arguments.of(
            7,
            canary("trafficRouting: {smi: {}}"),
            "Canary service and Stable service must to be set to use Traffic Routing"),
        Arguments.of(
            8,
            canary("canaryService: stable\nstableService: stable"),
            "This rollout uses the same service for the stable and canary services, but two"
                + " different services are required."),
        Arguments.of(
            9,
            canary(
                "pingPong: {pingService: ping, pongService: pong}\n"
                    + "trafficRouting: {nginx: {stableIngress: ingress}}"),
            "Ping-pong feature works with the ALB and Istio traffic routers only"),
        Arguments.of(
            10, steps("- setCanaryScale: {}"), "SetCanaryScale requires TrafficRouting to be set"),
        Arguments.of(
            11,
            steps("- {}"),
            "Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin"
                + " or pause"),
        Arguments.of(12, steps("- setWeight: 101"), "SetWeight needs to be between 0 and 100"),
        Arguments.of(
            13,
            canary(SERVICES + "trafficRouting: {alb: {ingress: ingress}, maxTrafficWeight: 1}"),
            "Canary maxTrafficWeight in traffic routing only supported in Nginx and Plugins"),
        Arguments.of(14, steps("- pause: {duration: -1}"), "Duration needs to be greater than 0"),
        Arguments.of(
            15,
            steps(
                "- analysis:\n"
                    + "    templates: [{templateName: t}]\n"
                    + "    args: [{name: app, valueFrom: {fieldRef: {fieldPath:"
                    + " \"metadata.label['app']\"}}}]"),
            "Analyses arguments must refer to valid object metadata supported by downwardAPI"),
        Arguments.of(
            16,
            canary(
                    SERVICES
                        + "trafficRouting:\n"
                        + "  managedRoutes: [{name: agent}]\n"
                        + "  istio: {virtualService: {name: vsvc}}")
                .replace(
                    "      - setWeight: 10\n",
                    "      - setHeaderRoute: {name: agent, match: [{headerName: agent, headerValue:"
                        + " {exact: chrome, regex: chrome(.*)}}]}\n"),
            "StringMatch match value must have exactly one of the following: exact, regex, prefix"),
        Arguments.of(
            17,
            canary(
                    SERVICES
                        + "trafficRouting:\n"
                        + "  managedRoutes: [{name: agent}]\n"
                        + "  alb: {ingress: ingress}")
                .replace(
                    "      - setWeight: 10\n",
                    "      - setHeaderRoute: {name: agent, match: [{headerName: agent, headerValue:"
                        + " {prefix: chrome}}]}\n"),
            "SetHeaderRoute match value invalid. ALB supports 'exact' value only"),
        Arguments.of(
            18,
            steps("- setMirrorRoute: {name: mirror}"),
            "SetMirrorRoute requires TrafficRouting, supports Istio only"),
        Arguments.of(
            19,
            canary(SERVICES + "trafficRouting: {istio: {virtualService: {name: vsvc}}}")
                .replace("      - setWeight: 10\n", "      - setMirrorRoute: {name: mirror}\n"),
            "Rollout has missing field 'spec.strategy.canary.trafficRouting.managedRoutes'"),
        Arguments.of(
            20,
            canary(
                    SERVICES
                        + "trafficRouting:\n"
                        + "  managedRoutes: [{name: other}]\n"
                        + "  istio: {virtualService: {name: vsvc}}")
                .replace("      - setWeight: 10\n", "      - setMirrorRoute: {name: mirror}\n"),
            "Steps define a route that does not exist in"
                + " spec.strategy.canary.trafficRouting.managedRoutes"),
        Arguments.of(
            21,
            canary("maxSurge: 0\nmaxUnavailable: 0"),
            "MaxSurge and MaxUnavailable both can not be zero"),
        Arguments.of(
            21,
            canary("maxSurge: \"0\"\nmaxUnavailable: 0"),
            "MaxSurge and MaxUnavailable both can not be zero"),
        Arguments.of(
            21,
            canary("maxSurge: \"0%\"\nmaxUnavailable: 0"),
            "MaxSurge and MaxUnavailable both can not be zero"),
        Arguments.of(
            21,
            canary("maxSurge: \"0%\"\nmaxUnavailable: \"0%\""),
            "MaxSurge and MaxUnavailable both can not be zero"),
        Arguments.of(
            22,
            steps("- setWeight: 10\n  pause: {duration: 1m}"),
            "Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin"
                + " or pause"),
        Arguments.of(
            23,
            canary("scaleDownDelaySeconds: 60"),
            "Canary scaleDownDelaySeconds can only be used with traffic routing"),
        Arguments.of(
            24,
            canary("dynamicStableScale: true"),
            "Canary dynamicStableScale can only be used with traffic routing"),
        Arguments.of(
            24,
            canary(
                SERVICES
                    + "dynamicStableScale: true\n"
                    + "scaleDownDelaySeconds: 60\n"
                    + "trafficRouting: {nginx: {stableIngress: ingress}}"),
            "Canary dynamicStableScale cannot be used with scaleDownDelaySeconds"),
        Arguments.of(
            25,
            rollout(
                "  selector: {matchLabels: {app: guestbook}}\n",
                "  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: guestbook}\n"),
            "template must be empty for workload reference rollout"),
        Arguments.of(
            26,
            steps("- experiment:\n    templates: [{name: baseline, specRef: stable, weight: 10}]"),
            "Experiment template weight cannot be set unless TrafficRouting is enabled"),
        Arguments.of(
            26,
            canary(SERVICES + "trafficRouting: {nginx: {stableIngress: ingress}}")
                .replace(
                    "      - setWeight: 10\n",
                    "      - experiment:\n"
                        + "          templates: [{name: baseline, specRef: stable, weight: 10}]\n"),
            "Experiment template weight is only available for TrafficRouting with SMI, ALB, Istio"
                + " and Plugins at this time"),
        Arguments.of(
            27, canary("antiAffinity: {}"), "AntiAffinity must have exactly one strategy listed"),
        Arguments.of(
            28,
            steps(
                    "- analysis:\n"
                        + "    templates: [{templateName: analysis-template-name}, {templateName:"
                        + " cluster-analysis-template-name, clusterScope: true}]")
                + TEMPLATES,
            "args.invalid was not resolved"),
        Arguments.of(
            29,
            steps(
                    "- analysis:\n"
                        + "    templates: [{templateName: analysis-template-name}, {templateName:"
                        + " cluster-analysis-template-name, clusterScope: true}]\n"
                        + "    args: [{name: invalid, value: x}]")
                + TEMPLATES,
            "AnalysisTemplate cluster-analysis-template-name has metric metric2-name which runs"
                + " indefinitely. Invalid value for count: 0"),
        Arguments.of(
            30,
            steps(
                    "- analysis:\n"
                        + "    templates: [{templateName: analysis-template-name}]\n"
                        + "    args: [{name: invalid, value: x}]\n"
                        + "    measurementRetention: [{metricName: example, limit: 2}]")
                + TEMPLATES,
            "two Measurement Retention metric rules have the same name 'example'"),
        Arguments.of(
            33,
            canary(
                    "canaryService: canary-service-name\n"
                        + "stableService: stable-service-name\n"
                        + "trafficRouting: {alb: {ingress: alb-ingress}}")
                + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: alb-ingress, namespace: default}
                spec:
                  rules:
                  - http:
                      paths:
                      - {path: /, pathType: Prefix, backend: {service: {name: other, port: {number: 80}}}}
                """,
            "ingress `alb-ingress` has no rules using service stable-service-name backend"),
        Arguments.of(
            34,
            canary("canaryService: canary-service-name\nstableService: stable-service-name")
                + """
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: stable-service-name
                  namespace: default
                  annotations: {argo-rollouts.argoproj.io/managed-by-rollouts: another-rollout}
                spec: {selector: {app: guestbook}}
                """,
            "Service \"stable-service-name\" is managed by another Rollout"),
        Arguments.of(
            34,
            canary("canaryService: canary-service-name\nstableService: stable-service-name")
                + """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: stable-service-name, namespace: default}
                spec: {selector: {app: not-guestbook}}
                """,
            "Service \"stable-service-name\" has unmatch label \"app\" in rollout"));
  }

  @ParameterizedTest(name = "§7 case {0}: {2}")
  @MethodSource("cases")
  void should_catch_the_upstream_invalid_input_with_the_upstream_message(
      int row, String yaml, String message) {
    // upstream's tests compare the field.Error's Detail; the whole error (what kubectl and the
    // controller print, and what lint reports) is "<field>: <type>: <value>: <detail>"
    assertThat(RuleSet.all().evaluate(ResourceSet.of(Fixtures.resources(yaml))).findings())
        .filteredOn(f -> f.severity() == Severity.ERROR)
        .extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).endsWith(message));
  }

  @Test
  void should_accept_the_valid_rollout_the_cases_start_from() {
    assertThat(RuleSet.all().evaluate(ResourceSet.of(Fixtures.resources(ROLLOUT))).errors())
        .isEmpty();
  }

  @Test
  void should_cover_every_row_of_section_7_but_the_istio_ones() {
    assertThat(cases().map(a -> (int) a.get()[0]).distinct().sorted().toList())
        .containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(1, 34)
                .boxed()
                .filter(i -> i != 31 && i != 32)
                .toList());
  }
}
