package dev.rolloutkit.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stack's pod: the user's typed pod, the first-class knobs, and what rolloutkit owns. */
class PodTemplateTest {

  static final Probe READY =
      new ProbeBuilder()
          .withNewHttpGet()
          .withPath("/ready")
          .withPort(new IntOrString("http"))
          .endHttpGet()
          .withPeriodSeconds(5)
          .build();

  static CanaryStack.Builder ml() {
    return CanaryStack.ml("bankchurn").namespace("ml").image("ghcr.io/acme/bankchurn:3.2.0");
  }

  @Test
  void should_render_the_pod_a_model_server_needs_and_keep_what_rolloutkit_owns() {
    CanaryStack stack =
        ml().pod(
                new PodTemplateSpecBuilder()
                    .withNewMetadata()
                    .addToAnnotations("prometheus.io/scrape", "true")
                    .addToLabels("tier", "model")
                    .endMetadata()
                    .withNewSpec()
                    .withServiceAccountName("bankchurn")
                    .addNewTopologySpreadConstraint()
                    .withMaxSkew(1)
                    .withTopologyKey("topology.kubernetes.io/zone")
                    .withWhenUnsatisfiable("ScheduleAnyway")
                    .withNewLabelSelector()
                    .addToMatchLabels("app", "bankchurn")
                    .endLabelSelector()
                    .endTopologySpreadConstraint()
                    .addToContainers(
                        new ContainerBuilder()
                            .withName("bankchurn")
                            .addNewEnv()
                            .withName("MODEL_PATH")
                            .withValue("/models/churn")
                            .endEnv()
                            .build(),
                        new ContainerBuilder()
                            .withName("log-shipper")
                            .withImage("fluent/fluent-bit:3.1")
                            .build())
                    .endSpec()
                    .build())
            .containerResources(
                new ResourceRequirementsBuilder()
                    .addToRequests("cpu", new Quantity("500m"))
                    .addToRequests("memory", new Quantity("1Gi"))
                    .addToLimits("memory", new Quantity("2Gi"))
                    .build())
            .readinessProbe(READY)
            .startupProbe(
                new ProbeBuilder()
                    .withNewHttpGet()
                    .withPath("/ready")
                    .withPort(new IntOrString("http"))
                    .endHttpGet()
                    .withFailureThreshold(30)
                    .withPeriodSeconds(10)
                    .build())
            .minAvailable(new IntOrString(1))
            .build();
    Rollout rollout =
        stack.resources().stream()
            .filter(Rollout.class::isInstance)
            .map(Rollout.class::cast)
            .findFirst()
            .orElseThrow();
    var pod = rollout.getSpec().getTemplate();
    assertThat(pod.getMetadata().getLabels())
        .containsEntry("app", "bankchurn")
        .containsEntry("tier", "model");
    assertThat(pod.getMetadata().getAnnotations()).containsEntry("prometheus.io/scrape", "true");
    assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("bankchurn");
    assertThat(pod.getSpec().getContainers())
        .extracting(c -> c.getName())
        .containsExactly("bankchurn", "log-shipper");
    var app = pod.getSpec().getContainers().get(0);
    assertThat(app.getImage()).isEqualTo("ghcr.io/acme/bankchurn:3.2.0");
    assertThat(app.getPorts()).extracting(p -> p.getName()).containsExactly("http");
    assertThat(app.getEnv()).extracting(e -> e.getName()).containsExactly("MODEL_PATH");
    assertThat(app.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(app.getReadinessProbe()).isEqualTo(READY);
    assertThat(app.getStartupProbe().getFailureThreshold()).isEqualTo(30);
    PodDisruptionBudget pdb =
        stack.resources().stream()
            .filter(PodDisruptionBudget.class::isInstance)
            .map(PodDisruptionBudget.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(pdb.getMetadata().getName()).isEqualTo("bankchurn-pdb");
    assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("app", "bankchurn"));
    assertThat(stack.toYaml())
        .contains("kind: PodDisruptionBudget\n")
        .contains("  minAvailable: 1\n")
        .contains("        readinessProbe:\n");
  }

  @Test
  void should_name_every_problem_of_the_pod_and_its_knobs() {
    assertThatThrownBy(
            () ->
                ml().pod(
                        new PodTemplateSpecBuilder()
                            .withNewMetadata()
                            .addToLabels("app", "other")
                            .endMetadata()
                            .withNewSpec()
                            .addToContainers(
                                new ContainerBuilder()
                                    .withName("bankchurn")
                                    .withImage("ghcr.io/acme/bankchurn:3.1.0")
                                    .addNewPort()
                                    .withContainerPort(9000)
                                    .endPort()
                                    .withNewLivenessProbe()
                                    .withPeriodSeconds(0)
                                    .endLivenessProbe()
                                    .build(),
                                new ContainerBuilder().withName("sidecar").build())
                            .endSpec()
                            .build())
                    .containerResources(
                        new ResourceRequirementsBuilder()
                            .addToRequests("memory", new Quantity("4Gi"))
                            .addToLimits("memory", new Quantity("2Gi"))
                            .addToLimits("cpu", new Quantity("lots"))
                            .build())
                    .readinessProbe(
                        new ProbeBuilder()
                            .withNewTcpSocket()
                            .withPort(new IntOrString("grpc"))
                            .endTcpSocket()
                            .build())
                    .startupProbe(new ProbeBuilder(READY).withSuccessThreshold(2).build())
                    .minAvailable(new IntOrString(2))
                    .build())
        .isInstanceOf(InvalidStackException.class)
        .satisfies(
            e ->
                assertThat(((InvalidStackException) e).problems())
                    .containsExactly(
                        "pod.metadata.labels.app: rolloutkit owns this label (the selector and the"
                            + " stack's labels) and sets it to 'bankchurn', got 'other'",
                        "pod.spec.containers[name=bankchurn].image: the stack's image is"
                            + " 'ghcr.io/acme/bankchurn:3.2.0', the pod says"
                            + " 'ghcr.io/acme/bankchurn:3.1.0'; give the image once, with image(…)",
                        "pod.spec.containers[name=bankchurn].ports: the app container's ports come"
                            + " from ports(…), which the Services and the traffic router use too",
                        "pod.spec.containers[0].livenessProbe: must specify a handler type (exec,"
                            + " httpGet, tcpSocket or grpc)",
                        "pod.spec.containers[0].livenessProbe.periodSeconds: must be at least 1,"
                            + " got 0",
                        "pod.spec.containers[1].image: Required value",
                        "containerResources.limits[cpu]: Invalid value: \"lots\": a quantity such"
                            + " as 250m, 0.5 or 512Mi",
                        "containerResources.requests[memory]: Invalid value: \"4Gi\": must be less"
                            + " than or equal to memory limit of 2Gi",
                        "readinessProbe.port: 'grpc' is no port of the app container (its ports:"
                            + " [http])",
                        "startupProbe.successThreshold: must be 1",
                        "minAvailable: 2 of 2 replicas lets no pod be evicted: node drains would"
                            + " hang; at most 1"));
  }

  @Test
  void should_leave_the_stack_unchanged_when_the_pod_object_is_edited_afterwards() {
    var pod =
        new PodTemplateSpecBuilder().withNewSpec().withServiceAccountName("a").endSpec().build();
    CanaryStack stack = ml().pod(pod).build();
    String before = stack.toYaml();
    pod.getSpec().setServiceAccountName("b");
    assertThat(ml().pod(pod).build().toYaml()).contains("serviceAccountName: b");
    assertThat(stack.toYaml()).isEqualTo(before);
  }
}
