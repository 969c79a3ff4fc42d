package dev.rolloutkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.lint.Lint;
import dev.rolloutkit.testing.Fixtures;
import dev.rolloutkit.testing.Manifests;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every KEDA rule fails on its defect with KEDA's message and passes on the fix; upstream's
 * examples have no errors.
 */
class KedaRulesTest {

  static final String VALID =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: app, namespace: shop}
      spec:
        selector: {matchLabels: {app: app}}
        template:
          metadata: {labels: {app: app}}
          spec: {containers: [{name: app, image: "app:1"}]}
        strategy:
          canary:
            steps: [{setWeight: 50}, {setWeight: 100}]
      ---
      apiVersion: keda.sh/v1alpha1
      kind: ScaledObject
      metadata: {name: app-scaler, namespace: shop}
      spec:
        scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: app}
        idleReplicaCount: 0
        minReplicaCount: 2
        maxReplicaCount: 10
        cooldownPeriod: 60
        triggers:
        - type: prometheus
          name: connections
          metadata: {serverAddress: "http://prometheus.monitoring:9090", query: "sum(up)", threshold: "50", activationThreshold: "0"}
        - type: prometheus
          name: progressing
          metadata: {serverAddress: "http://prometheus.monitoring:9090", query: "max(rollout_info{name=\\"app\\", phase=~\\"Progressing|Paused\\"})", threshold: "1", activationThreshold: "0"}
      """;

  static final String ROLLOUT_INFO_TRIGGER =
      "  - type: prometheus\n"
          + "    name: progressing\n"
          + "    metadata: {serverAddress: \"http://prometheus.monitoring:9090\", query:"
          + " \"max(rollout_info{name=\\\"app\\\", phase=~\\\"Progressing|Paused\\\"})\","
          + " threshold: \"1\", activationThreshold: \"0\"}\n";

  static ResourceSet set(String yaml) {
    return ResourceSet.of(Fixtures.resources(yaml));
  }

  static String edit(String from, String to) {
    return Fixtures.edit(VALID, from, to);
  }

  static final String SECOND_SO =
      "---\n"
          + "apiVersion: keda.sh/v1alpha1\n"
          + "kind: ScaledObject\n"
          + "metadata: {name: other, namespace: shop}\n"
          + "spec:\n"
          + "  scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: app}\n"
          + "  minReplicaCount: 2\n"
          + "  triggers: [{type: cron, metadata: {timezone: UTC, start: 0 8 * * *, end: 0 18 * * *,"
          + " desiredReplicas: '4'}}]\n";

  /**
   * A Deployment without requests, and the start of a ScaledObject on it (triggers to be added).
   */
  static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: "web:1"}]}
      ---
      apiVersion: keda.sh/v1alpha1
      kind: ScaledObject
      metadata: {name: web, namespace: shop}
      spec:
        scaleTargetRef: {name: web}
        minReplicaCount: 1
      """;

  @Test
  void should_accept_cpu_triggers_when_a_limit_or_a_limit_range_default_is_set() {
    String cpu =
        DEPLOYMENT
            + "  triggers:\n  - {type: cpu, metricType: Utilization, metadata: {value: '50'}}\n";
    assertThat(
            KedaRules.CPU_MEMORY_REQUESTS.check(
                set(
                    cpu.replace(
                        "image: \"web:1\"}",
                        "image: \"web:1\", resources: {limits: {cpu: 50m}}}"))))
        .isEmpty();
    String limitRange =
        "---\napiVersion: v1\nkind: LimitRange\nmetadata: {name: defaults, namespace: shop}\n"
            + "spec: {limits: [{type: Container, defaultRequest: {cpu: 100m}}]}\n";
    assertThat(KedaRules.CPU_MEMORY_REQUESTS.check(set(cpu + limitRange))).isEmpty();
    assertThat(
            KedaRules.CPU_MEMORY_REQUESTS.check(
                set(cpu + limitRange.replace("cpu: 100m", "memory: 128Mi"))))
        .hasSize(1);
  }

  @Test
  void should_warn_that_a_target_outside_the_set_must_exist_in_the_cluster() {
    String alone = VALID.substring(VALID.indexOf("apiVersion: keda.sh/v1alpha1"));
    assertThat(KedaRules.TARGET_NOT_FOUND.check(set(alone)))
        .extracting(Finding::severity, Finding::message)
        .containsExactly(
            Tuple.tuple(
                Severity.WARNING,
                "Rollout 'app' is not among the linted resources, which hold no Rollout: it must"
                    + " exist in the cluster, or ScaledObjectCheckFailed: Target resource doesn't"
                    + " exist"));
  }

  @Test
  void should_only_warn_of_the_removed_metric_name_that_keda_ignores() {
    assertThat(
            KedaRules.PROMETHEUS_METADATA.check(
                set(edit("query: \"sum(up)\",", "query: \"sum(up)\", metricName: up,"))))
        .extracting(Finding::severity, Finding::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Severity.WARNING, "spec.triggers[0].metadata.metricName"));
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"autoscaling/v1", "autoscaling/v2beta2", "autoscaling/v2"})
  void should_see_an_hpa_of_every_version_beside_a_scaled_object(String apiVersion) {
    String hpa =
        "---\n"
            + "apiVersion: "
            + apiVersion
            + "\n"
            + "kind: HorizontalPodAutoscaler\n"
            + "metadata: {name: web-hpa, namespace: shop}\n"
            + "spec:\n"
            + "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n"
            + "  maxReplicas: 5\n";
    String so =
        DEPLOYMENT.replace("resources: {}", "")
            + "  triggers: [{type: cron, metadata: {timezone: UTC, start: 0 8 * * *, end: 0 18 * *"
            + " *, desiredReplicas: '4'}}]\n";
    assertThat(KedaRules.ONE_SCALER_PER_TARGET.check(set(so + hpa)))
        .extracting(Finding::message)
        .containsExactly(
            "the workload 'web' of type 'apps/v1.Deployment' is already managed by the hpa"
                + " 'web-hpa'");
  }

  @Test
  void should_leave_hpas_the_scaled_object_owns_or_takes_over_or_that_opt_out() {
    String hpa =
        "---\n"
            + "apiVersion: autoscaling/v2\n"
            + "kind: HorizontalPodAutoscaler\n"
            + "metadata: {name: web-hpa, namespace: shop%s}\n"
            + "spec:\n"
            + "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n"
            + "  maxReplicas: 5\n";
    String so =
        DEPLOYMENT.replace("resources: {}", "")
            + "  triggers: [{type: cron, metadata: {timezone: UTC, start: 0 8 * * *, end: 0 18 * *"
            + " *, desiredReplicas: '4'}}]\n";
    assertThat(KedaRules.ONE_SCALER_PER_TARGET.check(set(so + hpa.formatted(""))))
        .extracting(Finding::message)
        .containsExactly(
            "the workload 'web' of type 'apps/v1.Deployment' is already managed by the hpa"
                + " 'web-hpa'");
    assertThat(
            KedaRules.ONE_SCALER_PER_TARGET.check(
                set(
                    so
                        + hpa.formatted(
                            ", ownerReferences: [{apiVersion: keda.sh/v1alpha1, kind: ScaledObject,"
                                + " name: web, uid: '1'}]"))))
        .isEmpty();
    assertThat(
            KedaRules.ONE_SCALER_PER_TARGET.check(
                set(
                    so
                        + hpa.formatted(
                            ", annotations: {validations.keda.sh/hpa-ownership: \"false\"}"))))
        .isEmpty();
    String transfer =
        so.replace(
            "metadata: {name: web, namespace: shop}\nspec:\n  scaleTargetRef",
            "metadata: {name: web, namespace: shop, annotations:"
                + " {scaledobject.keda.sh/transfer-hpa-ownership: \"true\"}}\n"
                + "spec:\n"
                + "  scaleTargetRef");
    assertThat(KedaRules.ONE_SCALER_PER_TARGET.check(set(transfer + hpa.formatted(""))))
        .extracting(Finding::message)
        .containsExactly(
            "the existing hpa 'web-hpa' for workload 'web' of type 'apps/v1.Deployment' must be"
                + " specified by name in advanced settings to enable ownership transfer");
    assertThat(
            KedaRules.ONE_SCALER_PER_TARGET.check(
                set(
                    transfer.replace(
                            "  minReplicaCount: 1\n",
                            "  minReplicaCount: 1\n"
                                + "  advanced: {horizontalPodAutoscalerConfig: {name: web-hpa}}\n")
                        + hpa.formatted(""))))
        .isEmpty();
  }

  static Stream<Arguments> defects() {
    return Stream.of(
        Arguments.of(
            KedaRules.TARGET_NOT_FOUND,
            edit("kind: Rollout, name: app}", "kind: Rollout, name: ap}"),
            "spec.scaleTargetRef.name",
            "ScaledObjectCheckFailed: Target resource doesn't exist (the linted resources hold"
                + " Rollouts, but none called 'ap')"),
        Arguments.of(
            KedaRules.TRIGGER_AUTHENTICATION,
            VALID
                + "---\napiVersion: keda.sh/v1alpha1\nkind: TriggerAuthentication\nmetadata: {name:"
                + " azure, namespace: shop}\nspec:\n  podIdentity: {provider: azure-workload,"
                + " identityId: \"\"}\n",
            "spec.podIdentity.identityId",
            "identityId of PodIdentity should not be empty. If it's set, identityId has to be"
                + " different than \"\""),
        Arguments.of(
            KedaRules.TRIGGER_AUTHENTICATION,
            VALID
                + "---\napiVersion: keda.sh/v1alpha1\nkind: ClusterTriggerAuthentication\nmetadata:"
                + " {name: token}\nspec:\n  oauth2: {type: clientCredentials, clientId: app,"
                + " tokenUrl: \"ftp://idp/token\"}\n",
            "spec.oauth2.tokenUrl",
            "oauth2.tokenUrl must be a valid http or https URL"),
        Arguments.of(
            KedaRules.REPLICA_BOUNDS,
            edit("maxReplicaCount: 10", "maxReplicaCount: 1"),
            "spec.minReplicaCount",
            "MinReplicaCount=2 must be less than MaxReplicaCount=1"),
        Arguments.of(
            KedaRules.REPLICA_BOUNDS,
            edit("  minReplicaCount: 2\n", ""),
            "spec.idleReplicaCount",
            "IdleReplicaCount=0 must be less than MinReplicaCount=0"),
        Arguments.of(
            KedaRules.IDLE_ONLY_ZERO,
            edit("idleReplicaCount: 0", "idleReplicaCount: 1"),
            "spec.idleReplicaCount",
            "idleReplicaCount 1 does not work; only 0 is supported"),
        Arguments.of(
            KedaRules.NAME_LENGTH,
            edit("name: app-scaler,", "name: " + "s".repeat(60) + ","),
            "metadata.name",
            "HPA name \"keda-hpa-"
                + "s".repeat(60)
                + "\" derived from scaledobject is 69 characters long; must be no more than 63"
                + " characters; set spec.advanced.horizontalPodAutoscalerConfig.name to a shorter"
                + " name or shorten the scaledobject name"),
        Arguments.of(
            KedaRules.ONE_SCALER_PER_TARGET,
            VALID + SECOND_SO,
            "spec.scaleTargetRef",
            "the workload 'app' of type 'argoproj.io/v1alpha1.Rollout' is already managed by the"
                + " ScaledObject 'app-scaler'"),
        Arguments.of(
            KedaRules.ONE_SCALER_PER_TARGET,
            VALID
                + "---\n"
                + "apiVersion: autoscaling/v2\n"
                + "kind: HorizontalPodAutoscaler\n"
                + "metadata: {name: app-hpa, namespace: shop}\n"
                + "spec:\n"
                + "  scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: app}\n"
                + "  maxReplicas: 5\n",
            "spec.scaleTargetRef",
            "the workload 'app' of type 'argoproj.io/v1alpha1.Rollout' is already managed by the"
                + " hpa 'app-hpa'"),
        Arguments.of(
            KedaRules.TARGET_KIND,
            edit(
                "{apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: app}",
                "{apiVersion: argoproj.io/v1alpha1, name: app}"),
            "spec.scaleTargetRef.kind",
            "kind is omitted, so KEDA targets argoproj.io/v1alpha1.Deployment app"),
        Arguments.of(
            KedaRules.TRIGGERS,
            edit("    name: connections\n", "    name: connections\n    useCachedMetrics: true\n")
                .replace("- type: prometheus", "- type: cron"),
            "spec.triggers[0].useCachedMetrics",
            "property \"useCachedMetrics\" is not supported for \"cron\" scaler"),
        Arguments.of(
            KedaRules.TRIGGERS,
            edit(
                "  triggers:\n",
                "  triggers:\n"
                    + "  - {type: cpu, name: connections, metricType: Utilization, metadata:"
                    + " {value: '60'}}\n"),
            "spec.triggers[1].name",
            "triggerName \"connections\" is defined multiple times in the ScaledObject/ScaledJob,"
                + " but it must be unique"),
        Arguments.of(
            KedaRules.CPU_MEMORY_ONLY,
            edit(
                    "  - type: prometheus\n"
                        + "    name: connections\n"
                        + "    metadata: {serverAddress: \"http://prometheus.monitoring:9090\","
                        + " query: \"sum(up)\", threshold: \"50\", activationThreshold: \"0\"}\n",
                    "  - {type: cpu, metricType: Utilization, metadata: {value: '60'}}\n")
                .replace(ROLLOUT_INFO_TRIGGER, ""),
            "spec.minReplicaCount",
            "scaledobject has only cpu/memory triggers AND minReplica is 0 (scale to zero doesn't"
                + " work in this case)"),
        Arguments.of(
            KedaRules.SCALING_MODIFIERS,
            edit(
                "  cooldownPeriod: 60\n",
                "  cooldownPeriod: 60\n"
                    + "  advanced: {scalingModifiers: {formula: connections * 2}}\n"),
            "spec.advanced.scalingModifiers.target",
            "error validating formula in ScalingModifiers\nformula is given but target is empty"),
        Arguments.of(
            KedaRules.IRRELEVANT_SETTINGS,
            edit("  idleReplicaCount: 0\n", ""),
            "spec.cooldownPeriod",
            "CooldownPeriod is configured but is not relevant. CooldownPeriod is only relevant when"
                + " minReplicaCount = 0 or idleReplicaCount = 0"),
        Arguments.of(
            KedaRules.PROMETHEUS_METADATA,
            edit("threshold: \"50\"", "threshold: fifty, metricName: up"),
            "spec.triggers[0].metadata.threshold",
            "threshold \"fifty\" is not a number"),
        Arguments.of(
            KedaRules.PROMETHEUS_METADATA,
            edit("threshold: \"50\"", "threshold: \"50\", metricName: up"),
            "spec.triggers[0].metadata.metricName",
            "metricName was removed in KEDA v2.12 and is ignored"),
        Arguments.of(
            KedaRules.CANARY_MINIMUM,
            edit("  idleReplicaCount: 0\n  minReplicaCount: 2\n", "  minReplicaCount: 0\n"),
            "spec.minReplicaCount",
            "minReplicaCount 0 lets the canary Rollout app run on fewer than 2 pods while active"),
        Arguments.of(
            KedaRules.ONE_SCALER_PER_TARGET,
            VALID
                + SECOND_SO
                    .replace("name: app}", "name: other-app}")
                    .replace(
                        "metadata: {name: other, namespace: shop}",
                        "metadata: {name: other-app-scaler, namespace: shop}")
                    .replace(
                        "  minReplicaCount: 2\n",
                        "  minReplicaCount: 2\n"
                            + "  advanced: {horizontalPodAutoscalerConfig: {name:"
                            + " keda-hpa-app-scaler}}\n"),
            "spec.advanced.horizontalPodAutoscalerConfig.name",
            "the HPA 'keda-hpa-app-scaler' is already managed by the ScaledObject 'app-scaler'"),
        Arguments.of(
            KedaRules.FALLBACK,
            edit(
                    "  triggers:\n"
                        + "  - type: prometheus\n"
                        + "    name: connections\n"
                        + "    metadata: {serverAddress: \"http://prometheus.monitoring:9090\","
                        + " query: \"sum(up)\", threshold: \"50\", activationThreshold: \"0\"}\n",
                    "  fallback: {failureThreshold: 3, replicas: 2}\n"
                        + "  triggers:\n"
                        + "  - {type: memory, metricType: AverageValue, metadata: {value:"
                        + " 512Mi}}\n")
                .replace(ROLLOUT_INFO_TRIGGER, ""),
            "spec.fallback",
            "at least one trigger (that is not cpu or memory) has to have the `AverageValue` type"
                + " for the fallback to be enabled"),
        Arguments.of(
            KedaRules.FALLBACK,
            edit(
                "  cooldownPeriod: 60\n",
                "  cooldownPeriod: 60\n  fallback: {failureThreshold: -1, replicas: 2}\n"),
            "spec.fallback",
            "FailureThreshold=-1 & Replicas=2 must both be greater than or equal to 0"),
        Arguments.of(
            KedaRules.FALLBACK_DISABLED,
            edit(
                "  cooldownPeriod: 60\n",
                "  cooldownPeriod: 60\n"
                    + "  fallback: {failureThreshold: 3, replicas: 2}\n"
                    + "  advanced: {scalingModifiers: {formula: connections / 2, target:"
                    + " \"0.5\"}}\n"),
            "spec.advanced.scalingModifiers.target",
            "scalingModifiers target \"0.5\" is not a whole number, so KEDA silently disables"
                + " fallback"),
        Arguments.of(
            KedaRules.CPU_MEMORY_REQUESTS,
            DEPLOYMENT
                + "  triggers:\n"
                + "  - {type: cpu, metricType: Utilization, metadata: {value: '50'}}\n",
            "spec.triggers[0]",
            "the scaledobject has a cpu trigger but the container web doesn't have the cpu request"
                + " defined"),
        Arguments.of(
            KedaRules.WORKLOAD_REF_TARGET,
            VALID
                .replace(
                    """
                      selector: {matchLabels: {app: app}}
                      template:
                        metadata: {labels: {app: app}}
                        spec: {containers: [{name: app, image: "app:1"}]}
                    """,
                    """
                      workloadRef: {apiVersion: apps/v1, kind: Deployment, name: app-deploy}
                    """)
                .replace(
                    "{apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: app}",
                    "{name: app-deploy}"),
            "spec.scaleTargetRef",
            "scales Deployment app-deploy, which Rollout app manages through workloadRef, so the"
                + " Rollout's pods are not scaled"),
        Arguments.of(
            KedaRules.WORKLOAD_REF_TARGET,
            edit("{apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: app}", "{name: app}"),
            "spec.scaleTargetRef.kind",
            "kind is omitted, so KEDA targets Deployment app, but app is a Rollout"),
        Arguments.of(
            KedaRules.ACTIVATION_FROM_SCALED_PODS,
            edit(ROLLOUT_INFO_TRIGGER, ""),
            "spec.triggers",
            "every trigger reads metrics of the scaled pods themselves (or cpu/memory): at zero"
                + " pods they have no series, KEDA reads 0 and nothing wakes the workload"),
        Arguments.of(
            KedaRules.IDLES_ROLLOUT_MID_CANARY,
            edit(ROLLOUT_INFO_TRIGGER, ""),
            "spec.triggers",
            "nothing keeps Rollout app active during a canary: after cooldownPeriod without"
                + " traffic KEDA scales it to zero, mid-canary"));
  }

  @Test
  void should_flag_the_mcp_articles_scaled_object_and_pass_the_preset() throws Exception {
    // the article's ScaledObject (keda-model's test resources) on the article's Rollout name
    var article =
        dev.rolloutkit.manifest.Manifests.read(
            List.of(
                Path.of(
                    "..",
                    "keda-model",
                    "src",
                    "test",
                    "resources",
                    "mcp-article",
                    "scaled-object.yaml")));
    var objects = article.stream().map(m -> m.object().orElseThrow()).toList();
    ResourceSet articleSet = ResourceSet.of(objects);
    // minReplicaCount 2 without idleReplicaCount: it never scales to zero, so neither trap applies
    assertThat(KedaRules.ACTIVATION_FROM_SCALED_PODS.check(articleSet)).isEmpty();
    // with the scale to zero the article asks for (idleReplicaCount: 0), both traps are there
    var idle = (dev.rolloutkit.keda.v1alpha1.ScaledObject) objects.get(0);
    idle.getSpec().setIdleReplicaCount(0);
    assertThat(KedaRules.ACTIVATION_FROM_SCALED_PODS.check(ResourceSet.of(List.of(idle))))
        .extracting(Finding::path)
        .containsExactly("spec.triggers");
    assertThat(KedaRules.IDLES_ROLLOUT_MID_CANARY.check(ResourceSet.of(List.of(idle))))
        .extracting(Finding::path)
        .containsExactly("spec.triggers");
    var preset =
        dev.rolloutkit.scaling.KedaScaling.mcp()
            .toScaledObject("mcp-server-scaler", "ai-services", "mcp-server");
    assertThat(KedaRules.ACTIVATION_FROM_SCALED_PODS.check(ResourceSet.of(List.of(preset))))
        .isEmpty();
    assertThat(KedaRules.IDLES_ROLLOUT_MID_CANARY.check(ResourceSet.of(List.of(preset)))).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {3}")
  @MethodSource("defects")
  void should_report_the_defect_with_kedas_message_at_the_field(
      Rule rule, String yaml, String path, String message) {
    List<Finding> findings = rule.check(set(yaml));
    assertThat(findings)
        .extracting(Finding::path, Finding::message)
        .contains(Tuple.tuple(path, message));
    assertThat(findings).allSatisfy(f -> assertThat(f.hint()).isPresent());
  }

  static Stream<Rule> rules() {
    return KedaRules.list().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void should_pass_scale_to_zero_with_a_safe_minimum(Rule rule) {
    assertThat(rule.check(set(VALID))).isEmpty();
  }

  @Test
  void should_have_a_failing_case_for_every_rule() {
    assertThat(defects().map(a -> ((Rule) a.get()[0]).id()).distinct().toList())
        .containsExactlyInAnyOrderElementsOf(KedaRules.list().stream().map(Rule::id).toList());
  }

  @Test
  void should_accept_an_explicit_minimum_of_zero_with_idle_zero_as_keda_does() {
    String yaml = edit("  minReplicaCount: 2\n", "  minReplicaCount: 0\n");
    assertThat(KedaRules.REPLICA_BOUNDS.check(set(yaml))).isEmpty();
  }

  static Stream<Path> upstreamExamples() {
    return Manifests.yamlFiles(Manifests.crdsDir().resolve("keda/examples")).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upstreamExamples")
  void should_find_no_error_in_kedas_own_examples(Path example) {
    assertThat(Lint.files(example).report().errors()).isEmpty();
  }
}
