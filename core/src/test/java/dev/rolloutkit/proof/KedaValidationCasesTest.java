package dev.rolloutkit.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.rules.Finding;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.rules.Severity;
import dev.rolloutkit.testing.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * KEDA's scaled_object_validation end-to-end cases (tests/internals/scaled_object_validation,
 * described in ../shared/reference/keda.md §5), replayed offline: what the webhook rejects is an
 * error with the webhook's message, and what it admits has no error.
 */
class KedaValidationCasesTest {

  static final String NS = "scaled-object-validation-test-ns";
  static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: scaled-object-validation-test-deployment, namespace: scaled-object-validation-test-ns}
      spec:
        replicas: 1
        selector: {matchLabels: {app: scaled-object-validation-test-deployment}}
        template:
          metadata: {labels: {app: scaled-object-validation-test-deployment}}
          spec:
            containers:
            - {name: scaled-object-validation-test-deployment, image: "ghcr.io/nginx/nginx-unprivileged:1.26"}
      """;

  static String scaledObject(String name, String extraMetadata, String advanced, String triggers) {
    return "---\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: "
        + name
        + "\n  namespace: "
        + NS
        + "\n"
        + extraMetadata
        + "spec:\n  scaleTargetRef:\n    name: scaled-object-validation-test-deployment\n"
        + advanced
        + "  triggers:\n"
        + triggers;
  }

  static final String CRON =
      "  - type: cron\n"
          + "    metadata: {timezone: Etc/UTC, start: 0 * * * *, end: 1 * * * *, desiredReplicas:"
          + " '1'}\n";
  static final String CUSTOM_HPA =
      "  advanced:\n"
          + "    horizontalPodAutoscalerConfig:\n"
          + "      name: scaled-object-validation-test-hpa\n";
  static final String HPA =
      """
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: {name: %s, namespace: scaled-object-validation-test-ns}
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: scaled-object-validation-test-deployment}
        minReplicas: 1
        maxReplicas: 1
        metrics:
        - type: Resource
          resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
      """;

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of(
            "workload already scaled by another ScaledObject",
            DEPLOYMENT
                + scaledObject("scaled-object-validation-test-so1", "", "", CRON)
                + scaledObject("scaled-object-validation-test-so2", "", "", CRON),
            "the workload 'scaled-object-validation-test-deployment' of type 'apps/v1.Deployment'"
                + " is already managed by the ScaledObject 'scaled-object-validation-test-so1'"),
        Arguments.of(
            "HPA name already managed by another ScaledObject",
            DEPLOYMENT
                + scaledObject("scaled-object-validation-test-so1", "", CUSTOM_HPA, CRON)
                + scaledObject("scaled-object-validation-test-so2", "", CUSTOM_HPA, CRON)
                    .replace(
                        "name: scaled-object-validation-test-deployment\n",
                        "name: scaled-object-validation-test-other-deployment\n"),
            "the HPA 'scaled-object-validation-test-hpa' is already managed by the ScaledObject"
                + " 'scaled-object-validation-test-so1'"),
        Arguments.of(
            "workload already scaled by another HPA",
            DEPLOYMENT
                + HPA.formatted("scaled-object-validation-test-hpa")
                + scaledObject("scaled-object-validation-test-so1", "", "", CRON),
            "the workload 'scaled-object-validation-test-deployment' of type 'apps/v1.Deployment'"
                + " is already managed by the hpa 'scaled-object-validation-test-hpa'"),
        Arguments.of(
            "cpu trigger without cpu requests",
            DEPLOYMENT
                + scaledObject(
                    "scaled-object-validation-test-so1",
                    "",
                    "",
                    "  - {type: cpu, metricType: Utilization, metadata: {value: \"50\"}}\n"),
            "the scaledobject has a cpu trigger but the container"
                + " scaled-object-validation-test-deployment doesn't have the cpu request defined"),
        Arguments.of(
            "memory trigger without memory requests",
            DEPLOYMENT
                + scaledObject(
                    "scaled-object-validation-test-so1",
                    "",
                    "",
                    "  - {type: memory, metricType: Utilization, metadata: {value: \"50\"}}\n"),
            "the scaledobject has a memory trigger but the container"
                + " scaled-object-validation-test-deployment doesn't have the memory request"
                + " defined"),
        Arguments.of(
            "empty triggers",
            DEPLOYMENT
                + scaledObject("scaled-object-validation-test-so-empty-triggers", "", "", "")
                    .replace("  triggers:\n", "  triggers: []\n"),
            "no triggers defined in the ScaledObject/ScaledJob"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void should_reject_what_the_webhook_rejects_with_its_message(
      String name, String yaml, String message) {
    assertThat(RuleSet.all().evaluate(ResourceSet.of(Fixtures.resources(yaml))).findings())
        .filteredOn(f -> f.severity() == Severity.ERROR)
        .extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains(message));
  }

  static Stream<Arguments> admitted() {
    return Stream.of(
        Arguments.of(
            "unscaled workload",
            DEPLOYMENT + scaledObject("scaled-object-validation-test-so1", "", "", CRON)),
        Arguments.of(
            "HPA ownership transfer",
            DEPLOYMENT
                + HPA.formatted("scaled-object-validation-test-ownership-transfer-hpa")
                + scaledObject(
                    "scaled-object-validation-test-ownership-transfer-so",
                    "  annotations:\n    scaledobject.keda.sh/transfer-hpa-ownership: \"true\"\n",
                    CUSTOM_HPA.replace(
                        "scaled-object-validation-test-hpa",
                        "scaled-object-validation-test-ownership-transfer-hpa"),
                    CRON)),
        Arguments.of(
            "workload with only resource limits",
            DEPLOYMENT.replace(
                    "image: \"ghcr.io/nginx/nginx-unprivileged:1.26\"}",
                    "image: \"ghcr.io/nginx/nginx-unprivileged:1.26\", resources: {limits: {cpu:"
                        + " 50m}}}")
                + scaledObject(
                    "scaled-object-validation-test-so-only-limits",
                    "",
                    "  minReplicaCount: 1\n  maxReplicaCount: 1\n",
                    "  - {type: cpu, metadata: {type: Utilization, value: \"50\"}}\n")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("admitted")
  void should_admit_what_the_webhook_admits(String name, String yaml) {
    assertThat(RuleSet.all().evaluate(ResourceSet.of(Fixtures.resources(yaml))).errors()).isEmpty();
  }
}
