package dev.rolloutkit.keda.v1alpha1;

import dev.rolloutkit.keda.eventing.v1alpha1.CloudEventSource;
import dev.rolloutkit.keda.eventing.v1alpha1.CloudEventSourceBuilder;
import dev.rolloutkit.keda.eventing.v1alpha1.ClusterCloudEventSource;
import dev.rolloutkit.keda.eventing.v1alpha1.ClusterCloudEventSourceBuilder;
import dev.rolloutkit.testing.KindContract;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Identity and YAML round trip of every generated KEDA kind, built with its builder. */
class KedaKindsTest {

  static Stream<KindContract> kinds() {
    return Stream.of(
        new KindContract(
            ScaledObject.class,
            "keda.sh/v1alpha1",
            "ScaledObject",
            "scaledobjects",
            true,
            scaledObject()),
        new KindContract(
            ScaledJob.class, "keda.sh/v1alpha1", "ScaledJob", "scaledjobs", true, scaledJob()),
        new KindContract(
            TriggerAuthentication.class,
            "keda.sh/v1alpha1",
            "TriggerAuthentication",
            "triggerauthentications",
            true,
            triggerAuthentication()),
        new KindContract(
            ClusterTriggerAuthentication.class,
            "keda.sh/v1alpha1",
            "ClusterTriggerAuthentication",
            "clustertriggerauthentications",
            false,
            clusterTriggerAuthentication()),
        new KindContract(
            CloudEventSource.class,
            "eventing.keda.sh/v1alpha1",
            "CloudEventSource",
            "cloudeventsources",
            true,
            new CloudEventSourceBuilder()
                .withNewMetadata()
                .withName("events")
                .withNamespace("keda")
                .endMetadata()
                .withNewSpec()
                .withClusterName("prod")
                .withNewDestination()
                .withNewHttp()
                .withUri("http://sink.example/")
                .endHttp()
                .endDestination()
                .endSpec()
                .build()),
        new KindContract(
            ClusterCloudEventSource.class,
            "eventing.keda.sh/v1alpha1",
            "ClusterCloudEventSource",
            "clustercloudeventsources",
            false,
            new ClusterCloudEventSourceBuilder()
                .withNewMetadata()
                .withName("events")
                .endMetadata()
                .withNewSpec()
                .withNewDestination()
                .withNewHttp()
                .withUri("http://sink.example/")
                .endHttp()
                .endDestination()
                .endSpec()
                .build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void should_have_upstream_identity_and_survive_yaml(KindContract kind) {
    kind.verify();
  }

  private static Map<String, String> metadata(String... keyValues) {
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  static ScaledObject scaledObject() {
    return new ScaledObjectBuilder()
        .withNewMetadata()
        .withName("checkout")
        .withNamespace("shop")
        .endMetadata()
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("argoproj.io/v1alpha1")
        .withKind("Rollout")
        .withName("checkout")
        .endScaleTargetRef()
        .withIdleReplicaCount(0)
        .withMinReplicaCount(2)
        .withMaxReplicaCount(10)
        .withCooldownPeriod(60)
        .addNewTrigger()
        .withType("prometheus")
        .withMetadata(
            metadata(
                "serverAddress",
                "http://prometheus.monitoring:9090",
                "query",
                "sum(up)",
                "threshold",
                "50"))
        .endTrigger()
        .endSpec()
        .build();
  }

  static ScaledJob scaledJob() {
    return new ScaledJobBuilder()
        .withNewMetadata()
        .withName("reindex")
        .withNamespace("search")
        .endMetadata()
        .withNewSpec()
        .withNewJobTargetRef()
        .withBackoffLimit(2)
        .withNewTemplate()
        .withNewSpec()
        .withRestartPolicy("Never")
        .addNewContainer()
        .withName("worker")
        .withImage("ghcr.io/acme/reindex:1")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endJobTargetRef()
        .withMaxReplicaCount(5)
        .addNewTrigger()
        .withType("prometheus")
        .withMetadata(
            metadata(
                "serverAddress",
                "http://prometheus.monitoring:9090",
                "query",
                "sum(queue)",
                "threshold",
                "10"))
        .endTrigger()
        .endSpec()
        .build();
  }

  static TriggerAuthentication triggerAuthentication() {
    return new TriggerAuthenticationBuilder()
        .withNewMetadata()
        .withName("prometheus-auth")
        .withNamespace("shop")
        .endMetadata()
        .withNewSpec()
        .addNewSecretTargetRef()
        .withParameter("bearerToken")
        .withName("prom-secret")
        .withKey("token")
        .endSecretTargetRef()
        .endSpec()
        .build();
  }

  static ClusterTriggerAuthentication clusterTriggerAuthentication() {
    return new ClusterTriggerAuthenticationBuilder()
        .withNewMetadata()
        .withName("prometheus-auth")
        .endMetadata()
        .withNewSpec()
        .addNewEnv()
        .withParameter("bearerToken")
        .withName("PROM_TOKEN")
        .endEnv()
        .endSpec()
        .build();
  }
}
