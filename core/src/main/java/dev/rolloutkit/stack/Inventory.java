package dev.rolloutkit.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolloutkit.InvalidSpecException;
import dev.rolloutkit.manifest.Manifest;
import dev.rolloutkit.manifest.Manifests;
import dev.rolloutkit.traffic.NginxTrafficRouter;
import dev.rolloutkit.traffic.Port;
import dev.rolloutkit.traffic.TrafficRouter;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Many services from one YAML file, for {@code rolloutkit render --inventory FILE -o DIR}:
 *
 * <pre>
 * profiles:                        # optional: the inventory's own profiles, on a preset
 * - name: cautious
 *   base: mcp                      # mcp | ml | nlp: traffic and KEDA defaults
 *   steps:                         # Argo's canary steps, as Argo writes them
 *   - setWeight: 5
 *   - pause: {}
 *   - analysis: {templates: [{templateName: mcp-success-rate}]}
 *   - setWeight: 100
 * - name: major
 *   base: ml
 *   blueGreen: {prePromotionGate: bluegreen-validation}
 * services:
 * - name: bankchurn                # required: name, namespace, image, profile
 *   namespace: ml-portfolio
 *   image: ghcr.io/acme/bankchurn:3.2.0
 *   profile: ml                    # mcp | ml | nlp, or one of the profiles above
 *   traffic: nginx                 # istio | nginx | none (default: the profile's)
 *   host: bankchurn.example.com    # the NGINX Ingress's host
 *   keda: false                    # default: the profile's
 *   replicas: 3
 *   port: 8000
 *   labels: {team: ml-platform}
 *   resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {memory: 2Gi}}
 *   readinessProbe: {httpGet: {path: /ready, port: http}, periodSeconds: 5}
 *   startupProbe: {httpGet: {path: /ready, port: http}, failureThreshold: 30}
 *   minAvailable: 1                # a PodDisruptionBudget
 *   pod: {spec: {serviceAccountName: bankchurn}}   # a PodTemplateSpec, Kubernetes' field names
 * </pre>
 *
 * Every problem of every service is reported at once, each naming the file, line, service and
 * field.
 */
public final class Inventory {

  private static final Set<String> KEYS =
      Set.of(
          "name",
          "namespace",
          "image",
          "profile",
          "traffic",
          "host",
          "keda",
          "replicas",
          "port",
          "labels",
          "resources",
          "readinessProbe",
          "startupProbe",
          "minAvailable",
          "pod");

  private static final ObjectMapper JSON = new ObjectMapper();

  private Inventory() {}

  /** The stacks of the inventory in {@code file}; every problem at once otherwise. */
  public static StackSet read(Path file) {
    List<Manifest> documents = Manifests.readData(file);
    if (documents.size() != 1) {
      throw new InvalidSpecException(
          "inventory " + file, List.of("expected one YAML document, found " + documents.size()));
    }
    Manifest d = documents.get(0);
    if (d.error().isPresent()) {
      throw new InvalidSpecException("inventory " + file, List.of(d.error().get().toString()));
    }
    JsonNode root = d.tree().orElseThrow();
    JsonNode services = root.path("services");
    if (!services.isArray() || services.isEmpty()) {
      throw new InvalidSpecException(
          "inventory " + file,
          List.of(d.location() + ": services: expected a non-empty list of services"));
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("services") && !key.equals("profiles")) {
        throw new InvalidSpecException(
            "inventory " + file,
            List.of(d.locate(key) + ": unknown key '" + key + "' (expected profiles, services)"));
      }
    }
    List<String> problems = new ArrayList<>();
    Map<String, InventoryProfiles.Custom> custom = InventoryProfiles.read(d, root, problems);
    List<CanaryStack> stacks = new ArrayList<>();
    for (int i = 0; i < services.size(); i++) {
      String at = "services[" + i + "]";
      JsonNode s = services.get(i);
      String service =
          at + " (" + s.path("namespace").asText("?") + "/" + s.path("name").asText("?") + ")";
      List<String> own = new ArrayList<>();
      CanaryStack stack = stack(d, at, s, custom, own);
      if (own.isEmpty() && stack == null) {
        continue;
      }
      own.forEach(p -> problems.add(service + ": " + p));
      if (stack != null) {
        stacks.add(stack);
      }
    }
    if (problems.isEmpty()) {
      try {
        return StackSet.of(stacks);
      } catch (InvalidSpecException e) {
        problems.addAll(e.problems());
      }
    }
    throw new InvalidSpecException("inventory " + file, problems);
  }

  private static CanaryStack stack(
      Manifest d,
      String at,
      JsonNode s,
      Map<String, InventoryProfiles.Custom> custom,
      List<String> problems) {
    if (!s.isObject()) {
      problems.add(d.locateValue(at) + ": expected a mapping");
      return null;
    }
    for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        problems.add(
            d.locate(at + "." + key)
                + ": unknown key '"
                + key
                + "' (expected "
                + String.join(", ", KEYS.stream().sorted().toList())
                + ")");
      }
    }
    for (String key : List.of("name", "namespace", "image", "profile")) {
      if (!s.path(key).isTextual() || s.path(key).asText().isBlank()) {
        problems.add(d.locate(at) + ": " + key + ": required, a string");
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    String profile = s.get("profile").asText();
    if (custom.containsKey(profile) && custom.get(profile) == null) {
      return null; // the profile's own problems are reported
    }
    InventoryProfiles.Custom own = custom.get(profile);
    Optional<Preset> preset =
        own != null ? Optional.of(own.base()) : Preset.find(s.get("profile").asText());
    if (preset.isEmpty()) {
      List<String> known = new ArrayList<>(Preset.ids());
      known.addAll(custom.keySet());
      problems.add(
          d.locateValue(at + ".profile")
              + ": profile: unknown '"
              + profile
              + "': expected one of "
              + String.join(", ", known)
              + " (a preset, or a profile of the inventory's profiles)");
      return null;
    }
    CanaryStack.Builder b =
        (own != null
                ? own.stack(s.get("name").asText())
                : preset.get().stack(s.get("name").asText()))
            .namespace(s.get("namespace").asText())
            .image(s.get("image").asText());
    String router = own != null && own.blueGreen() != null ? "none" : preset.get().router();
    if (s.has("traffic")) {
      router = s.get("traffic").asText();
      if (!List.of("istio", "nginx", "none").contains(router)) {
        problems.add(
            d.locateValue(at + ".traffic")
                + ": traffic: expected istio, nginx or none, got '"
                + router
                + "'");
        return null;
      }
      b.traffic(TrafficRouter.named(router));
    }
    if (s.has("host")) {
      TrafficRouter r = TrafficRouter.named(router);
      if (!(r instanceof NginxTrafficRouter nginx)) {
        problems.add(
            d.locate(at + ".host") + ": host: the " + router + " router does not route by host");
      } else {
        try {
          b.traffic(nginx.withHost(s.get("host").asText()));
        } catch (IllegalArgumentException e) {
          problems.add(d.locateValue(at + ".host") + ": " + e.getMessage());
        }
      }
    }
    if (s.has("keda")) {
      if (!s.get("keda").isBoolean()) {
        problems.add(d.locateValue(at + ".keda") + ": keda: expected true or false");
      } else {
        b.scaling(
            s.get("keda").asBoolean() ? Optional.of(preset.get().scaling()) : Optional.empty());
      }
    }
    integer(d, at, s, "replicas", problems).ifPresent(b::replicas);
    integer(d, at, s, "port", problems).ifPresent(p -> b.ports(List.of(Port.http(p))));
    if (s.has("labels")) {
      if (!s.get("labels").isObject()) {
        problems.add(d.locateValue(at + ".labels") + ": labels: expected a mapping");
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = s.get("labels").fields(); it.hasNext(); ) {
          var e = it.next();
          b.putAllLabels(Map.of(e.getKey(), e.getValue().asText()));
        }
      }
    }
    typed(d, at, s, "resources", ResourceRequirements.class, problems)
        .ifPresent(b::containerResources);
    typed(d, at, s, "readinessProbe", Probe.class, problems).ifPresent(b::readinessProbe);
    typed(d, at, s, "startupProbe", Probe.class, problems).ifPresent(b::startupProbe);
    typed(d, at, s, "pod", PodTemplateSpec.class, problems).ifPresent(b::pod);
    if (s.has("minAvailable")) {
      JsonNode m = s.get("minAvailable");
      if (m.isInt()) {
        b.minAvailable(new IntOrString(m.asInt()));
      } else if (m.isTextual()) {
        b.minAvailable(new IntOrString(m.asText()));
      } else {
        problems.add(
            d.locateValue(at + ".minAvailable")
                + ": minAvailable: expected a number of pods or a percentage such as 50%");
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      return b.build();
    } catch (InvalidSpecException e) {
      e.problems().forEach(p -> problems.add(d.locate(at) + ": " + p));
      return null;
    } catch (IllegalArgumentException e) {
      problems.add(d.locate(at) + ": " + e.getMessage());
      return null;
    }
  }

  /** The whole number at {@code at.key}, if there; a problem with its place when not a number. */
  static Optional<Integer> integer(
      Manifest d, String at, JsonNode s, String key, List<String> problems) {
    if (!s.has(key)) {
      return Optional.empty();
    }
    if (!s.get(key).isInt()) {
      problems.add(d.locateValue(at + "." + key) + ": " + key + ": expected a whole number");
      return Optional.empty();
    }
    return Optional.of(s.get(key).asInt());
  }

  /** The value at {@code key} as fabric8's {@code type}; a field the type lacks is an error. */
  private static <T> Optional<T> typed(
      Manifest d, String at, JsonNode s, String key, Class<T> type, List<String> problems) {
    if (!s.has(key)) {
      return Optional.empty();
    }
    JsonNode given = s.get(key);
    T value;
    try {
      value = JSON.treeToValue(given, type);
    } catch (Exception e) {
      String message = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
      problems.add(
          d.locateValue(at + "." + key)
              + ": "
              + key
              + ": not a "
              + type.getSimpleName()
              + ": "
              + message.replaceAll(" \\(class [^)]*\\)", ""));
      return Optional.empty();
    }
    String unknown = additional(value, key);
    if (unknown != null) {
      problems.add(
          d.locate(at + "." + unknown)
              + ": "
              + unknown
              + ": unknown field (not in Kubernetes' "
              + type.getSimpleName()
              + ")");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /**
   * The path of the first field fabric8 kept as an additional property (a field Kubernetes' type
   * does not have), or null.
   */
  static String additional(Object value, String path) {
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String found = additional(list.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      for (var e : map.entrySet()) {
        String found = additional(e.getValue(), path + "." + e.getKey());
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return null;
    }
    for (java.lang.reflect.Method m : value.getClass().getMethods()) {
      if (m.getParameterCount() != 0
          || !m.getName().startsWith("get")
          || m.getDeclaringClass() == Object.class) {
        continue;
      }
      Object v;
      try {
        v = m.invoke(value);
      } catch (ReflectiveOperationException e) {
        continue;
      }
      if (m.getName().equals("getAdditionalProperties")) {
        if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
          return path + "." + extra.keySet().iterator().next();
        }
        continue;
      }
      String name = m.getName().substring(3);
      String field = Character.toLowerCase(name.charAt(0)) + name.substring(1);
      String found = additional(v, path + "." + field);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
