package dev.rolloutkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplateBuilder;
import dev.rolloutkit.argo.v1alpha1.RolloutBuilder;
import dev.rolloutkit.argo.v1alpha1.analysistemplatespec.MetricsBuilder;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.StepsBuilder;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectBuilder;
import dev.rolloutkit.stack.CanaryStack;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestinationBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.YamlDumpSettingsBuilder;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MCP stack of the article (Service, DestinationRule, VirtualService, AnalysisTemplate with two
 * metrics, Rollout with 7 steps, ScaledObject with two triggers) produced three ways, as YAML: with
 * rolloutkit, with fabric8 builders and {@code KubernetesSerialization} written by hand, and as
 * plain maps written by Jackson YAML (the floor). All three produce the same data ({@link
 * #sameData}).
 */
public final class McpStacks {

  private McpStacks() {}

  static final String NAME = "mcp-server";
  static final String NS = "ai-services";
  static final String IMAGE = "ghcr.io/acme/mcp-server:1.4.0";
  static final String PROMETHEUS = "http://prometheus.monitoring:9090";
  static final String HASH = "rollouts_pod_template_hash=\"{{args.canary-hash}}\"";
  static final String TOTAL = "sum(rate(mcp_requests_total{" + HASH + "}[2m]))";

  /** rolloutkit: profile → typed objects → rules → YAML. */
  public static String rolloutkit() {
    return CanaryStack.mcp(NAME).namespace(NS).image(IMAGE).build().toYaml();
  }

  private static final KubernetesSerialization FABRIC8 =
      new KubernetesSerialization(
          new ObjectMapper(), true, new YamlDumpSettingsBuilder().setMinimizeQuotes(true).build());

  /**
   * What a user writes without rolloutkit: fabric8 builders for each object, then {@code
   * KubernetesSerialization}.
   */
  public static String fabric8ByHand() {
    Map<String, String> app = Map.of("app", NAME);
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(
        new ServiceBuilder()
            .withNewMetadata()
            .withName(NAME)
            .withNamespace(NS)
            .withLabels(app)
            .endMetadata()
            .withNewSpec()
            .addNewPort()
            .withName("http")
            .withPort(80)
            .withTargetPort(new IntOrString("http"))
            .endPort()
            .withSelector(app)
            .endSpec()
            .build());
    objects.add(
        new io.fabric8.istio.api.networking.v1.DestinationRuleBuilder()
            .withNewMetadata()
            .withName(NAME + "-destrule")
            .withNamespace(NS)
            .withLabels(app)
            .endMetadata()
            .withNewSpec()
            .withHost(NAME)
            .addNewSubset()
            .withName("stable")
            .withLabels(app)
            .endSubset()
            .addNewSubset()
            .withName("canary")
            .withLabels(app)
            .endSubset()
            .endSpec()
            .build());
    objects.add(
        new io.fabric8.istio.api.networking.v1.VirtualServiceBuilder()
            .withNewMetadata()
            .withName(NAME + "-vsvc")
            .withNamespace(NS)
            .withLabels(app)
            .endMetadata()
            .withNewSpec()
            .withHosts(NAME)
            .addToHttp(
                new HTTPRouteBuilder()
                    .withName("primary")
                    .addToRoute(
                        new HTTPRouteDestinationBuilder()
                            .withNewDestination()
                            .withHost(NAME)
                            .withSubset("stable")
                            .endDestination()
                            .withWeight(100)
                            .build())
                    .addToRoute(
                        new HTTPRouteDestinationBuilder()
                            .withNewDestination()
                            .withHost(NAME)
                            .withSubset("canary")
                            .endDestination()
                            .withWeight(0)
                            .build())
                    .build())
            .endSpec()
            .build());
    objects.add(
        new AnalysisTemplateBuilder()
            .withNewMetadata()
            .withName("mcp-success-rate")
            .withNamespace(NS)
            .addToAnnotations("rolloutkit.dev/on-no-data", "requireRequests(100)")
            .endMetadata()
            .withNewSpec()
            .addNewArg()
            .withName("canary-hash")
            .endArg()
            .addToMetrics(metric("success-rate", "status=\"success\", ", ">= 0.95", "< 0.95"))
            .addToMetrics(metric("error-rate", "status=\"error\", ", "<= 0.05", "> 0.05"))
            .endSpec()
            .build());
    objects.add(
        new RolloutBuilder()
            .withNewMetadata()
            .withName(NAME)
            .withNamespace(NS)
            .withLabels(app)
            .endMetadata()
            .withNewSpec()
            .withNewSelector()
            .withMatchLabels(app)
            .endSelector()
            .withNewStrategy()
            .withNewCanary()
            .addToSteps(new StepsBuilder().withSetWeight(10).build())
            .addToSteps(
                new StepsBuilder()
                    .withNewPause()
                    .withDuration(new IntOrString("2m"))
                    .endPause()
                    .build())
            .addToSteps(new StepsBuilder().withSetWeight(30).build())
            .addToSteps(
                new StepsBuilder()
                    .withNewAnalysis()
                    .addNewArg()
                    .withName("canary-hash")
                    .withNewValueFrom()
                    .withPodTemplateHashValue("Latest")
                    .endValueFrom()
                    .endArg()
                    .addNewTemplate()
                    .withTemplateName("mcp-success-rate")
                    .endTemplate()
                    .endAnalysis()
                    .build())
            .addToSteps(new StepsBuilder().withSetWeight(60).build())
            .addToSteps(
                new StepsBuilder()
                    .withNewPause()
                    .withDuration(new IntOrString("2m"))
                    .endPause()
                    .build())
            .addToSteps(new StepsBuilder().withSetWeight(100).build())
            .withNewTrafficRouting()
            .withNewIstio()
            .withNewDestinationRule()
            .withCanarySubsetName("canary")
            .withName(NAME + "-destrule")
            .withStableSubsetName("stable")
            .endDestinationRule()
            .withNewVirtualService()
            .withName(NAME + "-vsvc")
            .withRoutes("primary")
            .endVirtualService()
            .endIstio()
            .endTrafficRouting()
            .endCanary()
            .endStrategy()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(app)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withImage(IMAGE)
            .withName(NAME)
            .addNewPort()
            .withContainerPort(8080)
            .withName("http")
            .endPort()
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build());
    objects.add(
        new ScaledObjectBuilder()
            .withNewMetadata()
            .withName(NAME + "-scaler")
            .withNamespace(NS)
            .withLabels(app)
            .endMetadata()
            .withNewSpec()
            .withCooldownPeriod(60)
            .withIdleReplicaCount(0)
            .withMaxReplicaCount(20)
            .withMinReplicaCount(2)
            .withNewScaleTargetRef()
            .withApiVersion("argoproj.io/v1alpha1")
            .withKind("Rollout")
            .withName(NAME)
            .endScaleTargetRef()
            .addNewTrigger()
            .withType("prometheus")
            .withMetadata(trigger(TRIGGERS[0][0], TRIGGERS[0][1]))
            .endTrigger()
            .addNewTrigger()
            .withType("prometheus")
            .withMetadata(trigger(TRIGGERS[1][0], TRIGGERS[1][1]))
            .endTrigger()
            .addNewTrigger()
            .withType("prometheus")
            .withMetadata(trigger(TRIGGERS[2][0], TRIGGERS[2][1]))
            .endTrigger()
            .addNewTrigger()
            .withType("prometheus")
            .withMetadata(trigger(TRIGGERS[3][0], TRIGGERS[3][1]))
            .endTrigger()
            .endSpec()
            .build());
    StringBuilder out = new StringBuilder();
    for (HasMetadata o : objects) {
      String yaml = FABRIC8.asYaml(o);
      out.append(yaml.startsWith("---") ? "" : "---\n").append(yaml);
    }
    return out.toString();
  }

  private static dev.rolloutkit.argo.v1alpha1.analysistemplatespec.Metrics metric(
      String name, String status, String condition, String failure) {
    return new MetricsBuilder()
        .withName(name)
        .withInterval("1m")
        .withCount(new IntOrString(5))
        .withFailureLimit(new IntOrString(2))
        .withConsecutiveErrorLimit(new IntOrString(12))
        .withSuccessCondition("len(result) > 0 && !isNaN(result[0]) && result[0] " + condition)
        .withFailureCondition("len(result) > 0 && !isNaN(result[0]) && result[0] " + failure)
        .withNewProvider()
        .withNewPrometheus()
        .withAddress(PROMETHEUS)
        .withQuery(query(status))
        .endPrometheus()
        .endProvider()
        .build();
  }

  /** The preset's zero-safe ratio, judged only over 100 canary requests or more. */
  private static String query(String status) {
    return "((sum(rate(mcp_requests_total{"
        + status
        + HASH
        + "}[2m])) or vector(0)) / "
        + TOTAL
        + ") and on() (sum(increase(mcp_requests_total{"
        + HASH
        + "}[2m])) >= 100)";
  }

  static final String[][] TRIGGERS = {
    {
      "sum(rate(istio_requests_total{reporter=\"source\","
          + " destination_service_namespace=\"ai-services\","
          + " destination_service_name=~\"mcp-server|mcp-server-stable|mcp-server-canary\"}[1m]))",
      "20"
    },
    {"sum(mcp_active_connections{namespace=\"ai-services\", app=\"mcp-server\"})", "50"},
    {"sum(mcp_request_queue_depth{namespace=\"ai-services\", app=\"mcp-server\"})", "100"},
    {"max(rollout_info{name=\"mcp-server\", phase=~\"Progressing|Paused\"})", "1"}
  };

  private static Map<String, String> trigger(String query, String threshold) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("serverAddress", PROMETHEUS);
    m.put("query", query);
    m.put("threshold", threshold);
    m.put("activationThreshold", "0");
    return m;
  }

  private static final YAMLMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .disable(YAMLGenerator.Feature.SPLIT_LINES)
                  .build())
          .build();

  /** The floor: the same data as plain maps and lists, written by Jackson YAML. */
  public static String jacksonMaps() {
    List<Map<String, Object>> docs =
        List.of(
            doc(
                "v1",
                "Service",
                NAME,
                true,
                map(
                    "ports",
                    List.of(map("name", "http", "port", 80, "targetPort", "http")),
                    "selector",
                    map("app", NAME))),
            doc(
                "networking.istio.io/v1",
                "DestinationRule",
                NAME + "-destrule",
                true,
                map(
                    "host",
                    NAME,
                    "subsets",
                    List.of(
                        map("labels", map("app", NAME), "name", "stable"),
                        map("labels", map("app", NAME), "name", "canary")))),
            doc(
                "networking.istio.io/v1",
                "VirtualService",
                NAME + "-vsvc",
                true,
                map(
                    "hosts",
                    List.of(NAME),
                    "http",
                    List.of(
                        map(
                            "name",
                            "primary",
                            "route",
                            List.of(
                                map(
                                    "destination",
                                    map("host", NAME, "subset", "stable"),
                                    "weight",
                                    100),
                                map(
                                    "destination",
                                    map("host", NAME, "subset", "canary"),
                                    "weight",
                                    0)))))),
            annotated(
                doc(
                    "argoproj.io/v1alpha1",
                    "AnalysisTemplate",
                    "mcp-success-rate",
                    false,
                    map(
                        "args",
                        List.of(map("name", "canary-hash")),
                        "metrics",
                        List.of(
                            metricMap("success-rate", "status=\"success\", ", ">= 0.95", "< 0.95"),
                            metricMap("error-rate", "status=\"error\", ", "<= 0.05", "> 0.05"))))),
            doc(
                "argoproj.io/v1alpha1",
                "Rollout",
                NAME,
                true,
                map(
                    "selector",
                    map("matchLabels", map("app", NAME)),
                    "strategy",
                    map(
                        "canary",
                        map(
                            "steps",
                            List.of(
                                map("setWeight", 10),
                                map("pause", map("duration", "2m")),
                                map("setWeight", 30),
                                map(
                                    "analysis",
                                    map(
                                        "args",
                                        List.of(
                                            map(
                                                "name",
                                                "canary-hash",
                                                "valueFrom",
                                                map("podTemplateHashValue", "Latest"))),
                                        "templates",
                                        List.of(map("templateName", "mcp-success-rate")))),
                                map("setWeight", 60),
                                map("pause", map("duration", "2m")),
                                map("setWeight", 100)),
                            "trafficRouting",
                            map(
                                "istio",
                                map(
                                    "destinationRule",
                                    map(
                                        "canarySubsetName",
                                        "canary",
                                        "name",
                                        NAME + "-destrule",
                                        "stableSubsetName",
                                        "stable"),
                                    "virtualService",
                                    map("name", NAME + "-vsvc", "routes", List.of("primary")))))),
                    "template",
                    map(
                        "metadata",
                        map("labels", map("app", NAME)),
                        "spec",
                        map(
                            "containers",
                            List.of(
                                map(
                                    "image",
                                    IMAGE,
                                    "name",
                                    NAME,
                                    "ports",
                                    List.of(map("containerPort", 8080, "name", "http")))))))),
            doc(
                "keda.sh/v1alpha1",
                "ScaledObject",
                NAME + "-scaler",
                true,
                map(
                    "cooldownPeriod",
                    60,
                    "idleReplicaCount",
                    0,
                    "maxReplicaCount",
                    20,
                    "minReplicaCount",
                    2,
                    "scaleTargetRef",
                    map("apiVersion", "argoproj.io/v1alpha1", "kind", "Rollout", "name", NAME),
                    "triggers",
                    List.of(
                        map(
                            "metadata",
                            trigger(TRIGGERS[0][0], TRIGGERS[0][1]),
                            "type",
                            "prometheus"),
                        map(
                            "metadata",
                            trigger(TRIGGERS[1][0], TRIGGERS[1][1]),
                            "type",
                            "prometheus"),
                        map(
                            "metadata",
                            trigger(TRIGGERS[2][0], TRIGGERS[2][1]),
                            "type",
                            "prometheus"),
                        map(
                            "metadata",
                            trigger(TRIGGERS[3][0], TRIGGERS[3][1]),
                            "type",
                            "prometheus")))));
    StringWriter out = new StringWriter();
    try (SequenceWriter w = YAML.writer().writeValues(out)) {
      w.writeAll(docs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static Map<String, Object> metricMap(
      String name, String status, String condition, String failure) {
    return map(
        "consecutiveErrorLimit",
        12,
        "count",
        5,
        "failureCondition",
        "len(result) > 0 && !isNaN(result[0]) && result[0] " + failure,
        "failureLimit",
        2,
        "interval",
        "1m",
        "name",
        name,
        "provider",
        map("prometheus", map("address", PROMETHEUS, "query", query(status))),
        "successCondition",
        "len(result) > 0 && !isNaN(result[0]) && result[0] " + condition);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> annotated(Map<String, Object> doc) {
    ((Map<String, Object>) doc.get("metadata"))
        .put("annotations", map("rolloutkit.dev/on-no-data", "requireRequests(100)"));
    return doc;
  }

  private static Map<String, Object> doc(
      String apiVersion, String kind, String name, boolean labelled, Map<String, Object> spec) {
    Map<String, Object> metadata =
        labelled
            ? map("labels", map("app", NAME), "name", name, "namespace", NS)
            : map("name", name, "namespace", NS);
    return map("apiVersion", apiVersion, "kind", kind, "metadata", metadata, "spec", spec);
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static final ObjectMapper READER = new YAMLMapper();

  /** The documents of a YAML text as trees, for comparing what three producers wrote. */
  public static List<JsonNode> documents(String yaml) {
    try {
      return READER.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether the three producers wrote the same data (equal trees, document by document); throws
   * with the difference if not.
   */
  public static boolean sameData() {
    List<JsonNode> expected = documents(rolloutkit());
    for (String other : List.of(fabric8ByHand(), jacksonMaps())) {
      List<JsonNode> actual = documents(other);
      if (!expected.equals(actual)) {
        throw new IllegalStateException("the producers differ:\n" + expected + "\n" + actual);
      }
    }
    return true;
  }
}
