package dev.rolloutkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.testing.Fixtures;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Argo rule fails on the defect it describes, with the controller's message and the field
 * path, and passes on the fix.
 */
class ArgoRulesTest {

  static final String VALID =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: app-stable, namespace: shop}
      spec: {selector: {app: app}, ports: [{name: http, port: 80}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: app-canary, namespace: shop}
      spec: {selector: {app: app}, ports: [{name: http, port: 80}]}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: app, namespace: shop}
      spec:
        rules:
        - http:
            paths:
            - path: /
              pathType: Prefix
              backend: {service: {name: app-stable, port: {name: http}}}
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: AnalysisTemplate
      metadata: {name: health, namespace: shop}
      spec:
        args: [{name: canary-hash}]
        metrics:
        - name: errors
          interval: 30s
          count: 3
          failureLimit: 2
          successCondition: len(result) > 0 && !isNaN(result[0]) && result[0] < 0.05
          provider:
            prometheus: {address: "http://prometheus.monitoring:9090", query: "sum(x{h=\\"{{args.canary-hash}}\\"})"}
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: app, namespace: shop}
      spec:
        replicas: 2
        selector: {matchLabels: {app: app}}
        template:
          metadata: {labels: {app: app}}
          spec: {containers: [{name: app, image: "app:1"}]}
        strategy:
          canary:
            canaryService: app-canary
            stableService: app-stable
            trafficRouting:
              nginx: {stableIngress: app}
            steps:
            - setWeight: 20
            - pause: {duration: 1m}
            - analysis:
                templates: [{templateName: health}]
                args: [{name: canary-hash, valueFrom: {podTemplateHashValue: Latest}}]
            - setWeight: 100
      """;

  static ResourceSet set(String yaml) {
    return ResourceSet.of(Fixtures.resources(yaml));
  }

  static String edit(String from, String to) {
    return Fixtures.edit(VALID, from, to);
  }

  static final String C = "spec.strategy.canary";

  static String withoutTrafficRouting() {
    return edit("      trafficRouting:\n        nginx: {stableIngress: app}\n", "");
  }

  static Stream<Arguments> defects() {
    return Stream.of(
        Arguments.of(
            ArgoRules.WEIGHT_POD_SPLIT,
            withoutTrafficRouting(),
            C + ".steps[0].setWeight",
            "setWeight 20 without traffic routing runs 1 canary and 2 stable pods of 2 replicas:"
                + " the canary gets 33 % of the requests, not 20 %"),
        Arguments.of(
            ArgoRules.NON_NEGATIVE_FIELDS,
            edit("replicas: 2", "replicas: -1"),
            "spec.replicas",
            "must be greater than or equal to 0"),
        Arguments.of(
            ArgoRules.PROGRESS_DEADLINE,
            edit("  replicas: 2\n", "  replicas: 2\n  minReadySeconds: 700\n"),
            "spec.progressDeadlineSeconds",
            "must be greater than minReadySeconds"),
        Arguments.of(
            ArgoRules.SELECTOR,
            edit("  selector: {matchLabels: {app: app}}\n", ""),
            "spec.selector",
            "spec.selector: Required value: Rollout has missing field '.spec.selector'"),
        Arguments.of(
            ArgoRules.SELECTOR,
            edit("selector: {matchLabels: {app: app}}", "selector: {matchLabels: {}}"),
            "spec.selector",
            "spec.selector: Invalid value:"
                + " &LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}:"
                + " empty selector is invalid for deployment"),
        Arguments.of(
            ArgoRules.SELECTOR,
            edit("metadata: {labels: {app: app}}", "metadata: {labels: {app: other}}"),
            "spec.template.metadata.labels",
            "`selector` does not match template `labels`"),
        Arguments.of(
            ArgoRules.RESTART_POLICY,
            edit("spec: {containers:", "spec: {restartPolicy: Never, containers:"),
            "spec.template.spec.restartPolicy",
            "Unsupported value: \"Never\": supported values: \"Always\""),
        Arguments.of(
            ArgoRules.ONE_STRATEGY,
            edit("  strategy:\n", "  strategy:\n    blueGreen: {activeService: app-stable}\n"),
            "spec.strategy",
            "Multiple Strategies can not be listed"),
        Arguments.of(
            ArgoRules.DISTINCT_SERVICES,
            edit("canaryService: app-canary", "canaryService: app-stable"),
            C + ".stableService",
            "This rollout uses the same service for the stable and canary services, but two"
                + " different services are required."),
        Arguments.of(
            ArgoRules.SURGE_AND_UNAVAILABLE,
            edit(
                "      canaryService: app-canary\n",
                "      canaryService: app-canary\n"
                    + "      maxSurge: 0\n"
                    + "      maxUnavailable: \"0%\"\n"),
            C + ".maxSurge",
            "spec.strategy.maxSurge: Invalid value: 0: MaxSurge and MaxUnavailable both can not be"
                + " zero"),
        Arguments.of(
            ArgoRules.TRAFFIC_SERVICES,
            edit("      canaryService: app-canary\n", ""),
            C + ".canaryService",
            "Canary service and Stable service must to be set to use Traffic Routing"),
        Arguments.of(
            ArgoRules.TRAFFIC_ONLY_FIELDS,
            edit(
                "      trafficRouting:\n        nginx: {stableIngress: app}\n",
                "      dynamicStableScale: true\n"),
            C + ".dynamicStableScale",
            "Canary dynamicStableScale can only be used with traffic routing"),
        Arguments.of(
            ArgoRules.STEP_TYPE,
            edit("      - setWeight: 20\n", "      - setWeight: 20\n        pause: {}\n"),
            C + ".steps[0]",
            "Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin"
                + " or pause"),
        Arguments.of(
            ArgoRules.SET_WEIGHT_RANGE,
            edit("setWeight: 100", "setWeight: 120"),
            C + ".steps[3].setWeight",
            "SetWeight needs to be between 0 and 100"),
        Arguments.of(
            ArgoRules.PAUSE_DURATION,
            edit("duration: 1m", "duration: 1d"),
            C + ".steps[1].pause.duration",
            "Duration needs to be greater than 0"),
        Arguments.of(
            ArgoRules.ROUTE_STEPS_NEED_ROUTER,
            edit(
                "      - setWeight: 100\n",
                "      - setMirrorRoute: {name: mirror}\n      - setWeight: 100\n"),
            C + ".steps[3].setMirrorRoute",
            "SetMirrorRoute requires TrafficRouting, supports Istio only"),
        Arguments.of(
            ArgoRules.MANAGED_ROUTES,
            edit(
                "      - setWeight: 100\n",
                "      - setMirrorRoute: {name: mirror}\n      - setWeight: 100\n"),
            C + ".trafficRouting.managedRoutes",
            "Rollout has missing field 'spec.strategy.canary.trafficRouting.managedRoutes'"),
        Arguments.of(
            ArgoRules.POD_TEMPLATE_HASH_VALUE,
            edit("podTemplateHashValue: Latest", "podTemplateHashValue: latest"),
            C + ".steps[2].analysis.args[0].valueFrom.podTemplateHashValue",
            "podTemplateHashValue 'latest' is neither Latest nor Stable; Argo resolves it to an"
                + " empty string"),
        Arguments.of(
            ArgoRules.STARTING_STEP,
            edit(
                "      canaryService: app-canary\n",
                "      canaryService: app-canary\n"
                    + "      analysis: {templates: [{templateName: health}], startingStep: 9}\n"),
            C + ".analysis.startingStep",
            "startingStep 9 is outside the 4 steps, so background analysis never starts"),
        Arguments.of(
            ArgoRules.CANARY_SCALE_VALUES,
            edit(
                "      - setWeight: 100\n",
                "      - setCanaryScale: {weight: 150}\n      - setWeight: 100\n"),
            C + ".steps[3].setCanaryScale.weight",
            "setCanaryScale weight 150 is outside 0..100"),
        Arguments.of(
            ArgoRules.STEP_ANALYSIS_COUNT,
            edit("    count: 3\n", ""),
            C + ".steps[2].analysis.templates[0]",
            "AnalysisTemplate health has metric errors which runs indefinitely. Invalid value for"
                + " count: <nil>"),
        Arguments.of(
            ArgoRules.TEMPLATE_FOUND,
            edit("templateName: health", "templateName: healt"),
            C + ".steps[2].analysis.templates[0].templateName",
            "AnalysisTemplate 'healt' not found (the linted resources hold AnalysisTemplates, but"
                + " none called 'healt')"),
        Arguments.of(
            ArgoRules.SERVICE_SELECTOR,
            edit(
                "metadata: {name: app-stable, namespace: shop}\nspec: {selector: {app: app}",
                "metadata: {name: app-stable, namespace: shop}\n"
                    + "spec: {selector: {app: app, tier: web}"),
            C + ".stableService",
            "spec.strategy.canary.stableService: Invalid value: \"app-stable\": Service"
                + " \"app-stable\" has unmatch label \"tier\" in rollout"),
        Arguments.of(
            ArgoRules.STABLE_INGRESS,
            edit("{service: {name: app-stable, port", "{service: {name: app, port"),
            C + ".trafficRouting.nginx.stableIngress",
            "ingress `app` has no rules using service app-stable backend"),
        Arguments.of(
            ArgoRules.WORKLOAD_REF_NOT_FOUND,
            edit(
                "  template:\n"
                    + "    metadata: {labels: {app: app}}\n"
                    + "    spec: {containers: [{name: app, image: \"app:1\"}]}\n",
                "  workloadRef: {apiVersion: apps/v1, kind: StatefulSet, name: app}\n"),
            "spec.workloadRef.kind",
            "workload of type apps/StatefulSet is not supported"),
        Arguments.of(
            ArgoRules.STEP_PLUGIN_CONFIGURED,
            edit(
                    "      - setWeight: 100",
                    "      - plugin: {name: acme/notify}\n      - setWeight: 100")
                + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: argo-rollouts-config,"
                + " namespace: argo-rollouts}\ndata:\n  stepPlugins: |\n    - name: acme/other\n"
                + "      location: file://./plugin\n",
            C + ".steps[3].plugin.name",
            "ReconciliationError: Reconciliation failed with error: plugin acme/notify not"
                + " configured in configmap"),
        Arguments.of(
            ArgoRules.CANARY_REPLICAS,
            Fixtures.edit(withoutTrafficRouting(), "  replicas: 2\n", ""),
            "spec.replicas",
            "Rollout app runs its canary with 1 replica (replicas unset), fewer than the 2 a canary"
                + " needs"),
        Arguments.of(
            ArgoRules.CANARY_REPLICAS,
            Fixtures.edit(withoutTrafficRouting(), "replicas: 2", "replicas: 1"),
            "spec.replicas",
            "Rollout app runs its canary with 1 replica, fewer than the 2 a canary needs"));
  }

  @ParameterizedTest(name = "{0}: {3}")
  @MethodSource("defects")
  void should_report_the_defect_with_the_controllers_message_at_the_field(
      Rule rule, String yaml, String path, String message) {
    List<Finding> findings = rule.check(set(yaml));
    assertThat(findings).as("%s findings", rule.id()).isNotEmpty();
    assertThat(findings)
        .extracting(Finding::path, Finding::message)
        .contains(org.assertj.core.groups.Tuple.tuple(path, message));
    assertThat(findings)
        .allSatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo(rule.id());
              assertThat(f.hint()).isPresent();
            });
  }

  static Stream<Rule> rules() {
    return ArgoRules.list().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void should_pass_a_consistent_canary(Rule rule) {
    assertThat(rule.check(set(VALID))).isEmpty();
  }

  @Test
  void should_have_a_failing_case_for_every_rule() {
    assertThat(defects().map(a -> ((Rule) a.get()[0]).id()).distinct().toList())
        .containsExactlyInAnyOrderElementsOf(ArgoRules.list().stream().map(Rule::id).toList());
  }

  @Test
  void should_read_the_stable_ingress_of_every_version_argo_reads() {
    String legacy =
        edit(
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: app, namespace: shop}
            spec:
              rules:
              - http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: app-stable, port: {name: http}}}
            """,
            """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata: {name: app, namespace: shop}
            spec:
              rules:
              - http:
                  paths:
                  - path: /
                    backend: {serviceName: app-stable, servicePort: http}
            """);
    assertThat(ArgoRules.STABLE_INGRESS.check(set(legacy))).isEmpty();
    assertThat(
            ArgoRules.STABLE_INGRESS.check(
                set(Fixtures.edit(legacy, "serviceName: app-stable", "serviceName: app"))))
        .extracting(Finding::message)
        .containsExactly("ingress `app` has no rules using service app-stable backend");
  }

  @Test
  void should_report_a_missing_stable_ingress_by_the_reference_policy() {
    assertThat(
            ArgoRules.STABLE_INGRESS.check(
                set(edit("nginx: {stableIngress: app}", "nginx: {stableIngress: ap}"))))
        .extracting(Finding::severity, Finding::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Severity.ERROR,
                C
                    + ".trafficRouting.nginx.stableIngress: Invalid value: \"ap\":"
                    + " ingress.networking.k8s.io \"ap\" not found (the linted resources hold"
                    + " Ingresses, but none called 'ap')"));
  }

  @Test
  void should_report_a_missing_service_by_the_reference_policy() {
    assertThat(
            ArgoRules.SERVICE_SELECTOR.check(
                set(edit("canaryService: app-canary", "canaryService: app-canry"))))
        .extracting(Finding::severity, Finding::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Severity.ERROR,
                C
                    + ".canaryService: Invalid value: \"app-canry\": service \"app-canry\" not"
                    + " found (the linted resources hold Services, but none called 'app-canry')"));
    String rolloutAlone =
        VALID.substring(
            VALID.indexOf("kind: Rollout") - "apiVersion: argoproj.io/v1alpha1\n".length());
    assertThat(ArgoRules.SERVICE_SELECTOR.check(set(rolloutAlone)))
        .extracting(Finding::severity, Finding::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Severity.WARNING, C + ".canaryService"),
            org.assertj.core.groups.Tuple.tuple(Severity.WARNING, C + ".stableService"));
  }

  @Test
  void should_accept_a_single_replica_canary_with_traffic_routing() {
    assertThat(ArgoRules.CANARY_REPLICAS.check(set(edit("replicas: 2", "replicas: 1")))).isEmpty();
  }

  @Test
  void should_warn_that_a_template_outside_the_set_must_exist_in_the_cluster() {
    String withoutTemplate =
        VALID.replaceAll(
            "(?s)---\\napiVersion: argoproj.io/v1alpha1\\nkind: AnalysisTemplate.*?(?=---)", "");
    assertThat(ArgoRules.TEMPLATE_FOUND.check(set(withoutTemplate)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.message())
                  .startsWith(
                      "AnalysisTemplate 'health' is not among the linted resources, which hold no"
                          + " AnalysisTemplate: it must exist in the cluster");
            });
    assertThat(
            ArgoRules.TEMPLATE_FOUND.check(
                set(withoutTemplate)
                    .withThresholds(Thresholds.defaults().withAssumeComplete(true))))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.message())
                  .isEqualTo(
                      "AnalysisTemplate 'health' not found (the linted resources are taken as"
                          + " complete and hold no AnalysisTemplate)");
            });
  }

  @Test
  void should_warn_that_a_workload_outside_the_set_must_exist_in_the_cluster() {
    String workloadRef =
        edit(
            "  template:\n    metadata: {labels: {app: app}}\n    spec: {containers: [{name: app,"
                + " image: \"app:1\"}]}\n",
            "  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: app}\n");
    assertThat(ArgoRules.WORKLOAD_REF_NOT_FOUND.check(set(workloadRef)))
        .extracting(Finding::severity, Finding::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "spec.workloadRef.name"));
  }
}
