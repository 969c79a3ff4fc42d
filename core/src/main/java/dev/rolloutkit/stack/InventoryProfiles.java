package dev.rolloutkit.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolloutkit.InvalidSpecException;
import dev.rolloutkit.manifest.Manifest;
import dev.rolloutkit.profile.BlueGreenProfile;
import dev.rolloutkit.profile.CanaryProfile;
import dev.rolloutkit.profile.CanaryStep;
import dev.rolloutkit.profile.ExperimentStep;
import dev.rolloutkit.profile.ExperimentTemplate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inventory's own profiles ({@code profiles:}): canary steps written as Argo writes them, or a
 * blue-green release, each on a preset whose traffic and KEDA defaults its services take.
 *
 * <pre>
 * profiles:
 * - name: cautious
 *   base: mcp                      # mcp | ml | nlp: traffic, KEDA and defaults
 *   steps:                         # Argo's canary steps
 *   - setWeight: 5
 *   - pause: {}
 *   - analysis: {templates: [{templateName: mcp-success-rate}]}
 *   - setWeight: 100
 * - name: major
 *   base: ml
 *   blueGreen: {prePromotionGate: bluegreen-validation, autoPromotionEnabled: false}
 * </pre>
 */
final class InventoryProfiles {

  /** A custom profile: its base preset and either canary steps or a blue-green release. */
  record Custom(Preset base, CanaryProfile canary, BlueGreenProfile blueGreen) {
    CanaryStack.Builder stack(String name) {
      CanaryStack.Builder b = base.stack(name);
      if (blueGreen != null) {
        b.blueGreen(blueGreen).traffic(dev.rolloutkit.traffic.TrafficRouter.none());
      } else {
        b.profile(canary);
      }
      return b;
    }
  }

  private static final Set<String> PROFILE_KEYS =
      Set.of(
          "name",
          "base",
          "steps",
          "blueGreen",
          "backgroundGate",
          "backgroundStartingStep",
          "dynamicStableScale",
          "scaleDownDelaySeconds",
          "abortScaleDownDelaySeconds");
  private static final Set<String> BLUE_GREEN_KEYS =
      Set.of(
          "prePromotionGate",
          "postPromotionGate",
          "autoPromotionEnabled",
          "autoPromotionSeconds",
          "previewReplicaCount",
          "scaleDownDelaySeconds",
          "abortScaleDownDelaySeconds");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Manifest d;
  private final List<String> problems;

  private InventoryProfiles(Manifest d, List<String> problems) {
    this.d = d;
    this.problems = problems;
  }

  /**
   * The custom profiles by name, an invalid one mapped to null (its services are not built again);
   * their problems are added to {@code problems}.
   */
  static Map<String, Custom> read(Manifest d, JsonNode root, List<String> problems) {
    Map<String, Custom> out = new LinkedHashMap<>();
    if (!root.has("profiles")) {
      return out;
    }
    JsonNode profiles = root.get("profiles");
    if (!profiles.isArray()) {
      problems.add(d.locateValue("profiles") + ": profiles: expected a list of profiles");
      return out;
    }
    InventoryProfiles reader = new InventoryProfiles(d, problems);
    for (int i = 0; i < profiles.size(); i++) {
      String at = "profiles[" + i + "]";
      Custom custom = reader.profile(at, profiles.get(i));
      if (custom == null
          && profiles.get(i).path("name").isTextual()
          && Preset.find(profiles.get(i).get("name").asText()).isEmpty()) {
        out.putIfAbsent(profiles.get(i).get("name").asText(), null);
      } else if (custom != null) {
        String name = profiles.get(i).get("name").asText();
        if (Preset.find(name).isPresent() || out.containsKey(name)) {
          problems.add(
              d.locateValue(at + ".name")
                  + ": name: '"
                  + name
                  + "' is "
                  + (out.containsKey(name) ? "defined twice" : "a preset's name"));
        } else {
          out.put(name, custom);
        }
      }
    }
    return out;
  }

  private Custom profile(String at, JsonNode p) {
    int before = problems.size();
    if (!p.isObject()) {
      problems.add(d.locateValue(at) + ": expected a mapping");
      return null;
    }
    unknownKeys(at, p, PROFILE_KEYS);
    for (String key : List.of("name", "base")) {
      if (!p.path(key).isTextual() || p.path(key).asText().isBlank()) {
        problems.add(
            d.locate(at)
                + ": "
                + key
                + ": required, a string"
                + (key.equals("base")
                    ? " (the preset, "
                        + String.join(", ", Preset.ids())
                        + ", whose traffic and"
                        + " KEDA defaults its services take)"
                    : ""));
      }
    }
    if (p.has("steps") == p.has("blueGreen")) {
      problems.add(d.locate(at) + ": expected steps (canary) or blueGreen, one of them");
    }
    if (problems.size() > before) {
      return null;
    }
    String name = p.get("name").asText();
    var base = Preset.find(p.get("base").asText());
    if (base.isEmpty()) {
      problems.add(
          d.locateValue(at + ".base")
              + ": base: unknown '"
              + p.get("base").asText()
              + "': expected one of "
              + String.join(", ", Preset.ids()));
      return null;
    }
    try {
      if (p.has("blueGreen")) {
        for (String key :
            List.of(
                "backgroundGate",
                "backgroundStartingStep",
                "dynamicStableScale",
                "scaleDownDelaySeconds",
                "abortScaleDownDelaySeconds")) {
          if (p.has(key)) {
            problems.add(
                d.locate(at + "." + key)
                    + ": "
                    + key
                    + ": a canary knob; a blue-green profile takes its own under blueGreen");
          }
        }
        BlueGreenProfile bg = blueGreen(at + ".blueGreen", name, p.get("blueGreen"));
        return problems.size() > before || bg == null ? null : new Custom(base.get(), null, bg);
      }
      CanaryProfile.Builder b = CanaryProfile.builder().name(name);
      JsonNode steps = p.get("steps");
      if (!steps.isArray()) {
        problems.add(
            d.locateValue(at + ".steps") + ": steps: expected a list of Argo canary steps");
        return null;
      }
      for (int i = 0; i < steps.size(); i++) {
        CanaryStep step = step(at + ".steps[" + i + "]", steps.get(i));
        if (step != null) {
          b.addSteps(step);
        }
      }
      text(at, p, "backgroundGate").ifPresent(b::backgroundGate);
      integer(at, p, "backgroundStartingStep").ifPresent(b::backgroundStartingStep);
      bool(at, p, "dynamicStableScale").ifPresent(b::dynamicStableScale);
      integer(at, p, "scaleDownDelaySeconds").ifPresent(b::scaleDownDelaySeconds);
      integer(at, p, "abortScaleDownDelaySeconds").ifPresent(b::abortScaleDownDelaySeconds);
      if (problems.size() > before) {
        return null;
      }
      return new Custom(base.get(), b.build(), null);
    } catch (InvalidSpecException e) {
      e.problems().forEach(x -> problems.add(d.locate(at) + ": " + x));
      return null;
    }
  }

  private BlueGreenProfile blueGreen(String at, String name, JsonNode g) {
    if (!g.isObject()) {
      problems.add(d.locateValue(at) + ": blueGreen: expected a mapping");
      return null;
    }
    unknownKeys(at, g, BLUE_GREEN_KEYS);
    BlueGreenProfile.Builder b = BlueGreenProfile.builder().name(name);
    text(at, g, "prePromotionGate").ifPresent(b::prePromotionGate);
    text(at, g, "postPromotionGate").ifPresent(b::postPromotionGate);
    bool(at, g, "autoPromotionEnabled").ifPresent(b::autoPromotionEnabled);
    integer(at, g, "autoPromotionSeconds").ifPresent(b::autoPromotionSeconds);
    integer(at, g, "previewReplicaCount").ifPresent(b::previewReplicaCount);
    integer(at, g, "scaleDownDelaySeconds").ifPresent(b::scaleDownDelaySeconds);
    integer(at, g, "abortScaleDownDelaySeconds").ifPresent(b::abortScaleDownDelaySeconds);
    return b.build();
  }

  /**
   * One Argo canary step as rolloutkit's profile step; what rolloutkit's steps cannot say (a header
   * matched by regex, an experiment's own selector, analysis args rolloutkit passes itself) is an
   * error, never dropped.
   */
  private CanaryStep step(String at, JsonNode s) {
    if (!s.isObject() || s.size() != 1) {
      problems.add(
          d.locateValue(at)
              + ": expected one of setWeight, pause, analysis, setCanaryScale, setHeaderRoute,"
              + " setMirrorRoute, experiment, plugin (one per step)");
      return null;
    }
    String kind = s.fieldNames().next();
    String here = at + "." + kind;
    JsonNode v = s.get(kind);
    switch (kind) {
      case "setWeight":
        if (!v.isInt()) {
          problems.add(d.locateValue(here) + ": setWeight: expected a whole number");
          return null;
        }
        return CanaryStep.setWeight(v.asInt());
      case "pause":
        if (!only(here, v, Set.of("duration"))) {
          return null;
        }
        if (!v.has("duration")) {
          return CanaryStep.pauseUntilPromoted();
        }
        if (!v.get("duration").isInt() && !v.get("duration").isTextual()) {
          problems.add(
              d.locateValue(here + ".duration")
                  + ": duration: expected seconds or a Go duration such as 2m");
          return null;
        }
        return CanaryStep.pause(v.get("duration").asText());
      case "analysis":
        {
          if (!only(here, v, Set.of("templates"))) {
            return null;
          }
          String gate = singleTemplate(here, v);
          return gate == null ? null : CanaryStep.analysis(gate);
        }
      case "setCanaryScale":
        if (!only(here, v, Set.of("replicas", "weight", "matchTrafficWeight"))) {
          return null;
        }
        if (v.size() != 1
            || (v.has("matchTrafficWeight") && !v.get("matchTrafficWeight").asBoolean(false))) {
          problems.add(
              d.locateValue(here)
                  + ": setCanaryScale: expected one of replicas, weight or matchTrafficWeight: true"
                  + " (Argo reads only one of them)");
          return null;
        }
        if (v.has("replicas")) {
          return integer(here, v, "replicas").map(CanaryStep::setCanaryScale).orElse(null);
        }
        if (v.has("weight")) {
          return integer(here, v, "weight").map(CanaryStep::setCanaryScaleWeight).orElse(null);
        }
        return CanaryStep.matchTrafficWeight();
      case "setHeaderRoute":
        {
          if (!only(here, v, Set.of("name", "match")) || text(here, v, "name").isEmpty()) {
            return requiredName(here, v);
          }
          String name = v.get("name").asText();
          if (!v.has("match")) {
            return CanaryStep.removeHeaderRoute(name);
          }
          JsonNode m = v.get("match");
          if (!m.isArray()
              || m.size() != 1
              || !m.get(0).path("headerName").isTextual()
              || !m.get(0).path("headerValue").path("exact").isTextual()
              || m.get(0).size() != 2
              || m.get(0).get("headerValue").size() != 1) {
            problems.add(
                d.locateValue(here + ".match")
                    + ": match: rolloutkit's header routes take one match, {headerName: H,"
                    + " headerValue: {exact: V}}");
            return null;
          }
          return CanaryStep.setHeaderRoute(
              name,
              m.get(0).get("headerName").asText(),
              m.get(0).get("headerValue").get("exact").asText());
        }
      case "setMirrorRoute":
        {
          if (!only(here, v, Set.of("name", "percentage", "match"))
              || text(here, v, "name").isEmpty()) {
            return requiredName(here, v);
          }
          String name = v.get("name").asText();
          if (!v.has("percentage") && !v.has("match")) {
            return CanaryStep.removeMirrorRoute(name);
          }
          var percent = integer(here, v, "percentage");
          String prefix = "/";
          if (v.has("match")) {
            JsonNode m = v.get("match");
            if (!m.isArray()
                || m.size() != 1
                || m.get(0).size() != 1
                || m.get(0).path("path").size() != 1
                || !m.get(0).path("path").path("prefix").isTextual()) {
              problems.add(
                  d.locateValue(here + ".match")
                      + ": match: rolloutkit's mirror routes take one match, {path: {prefix: P}}");
              return null;
            }
            prefix = m.get(0).get("path").get("prefix").asText();
          }
          if (percent.isEmpty()) {
            problems.add(d.locate(here) + ": percentage: required with match");
            return null;
          }
          return CanaryStep.setMirrorRoute(name, percent.get(), prefix);
        }
      case "experiment":
        return experiment(here, v);
      case "plugin":
        {
          if (!only(here, v, Set.of("name", "config")) || text(here, v, "name").isEmpty()) {
            return requiredName(here, v);
          }
          Map<String, Object> config = new LinkedHashMap<>();
          if (v.has("config")) {
            if (!v.get("config").isObject()) {
              problems.add(d.locateValue(here + ".config") + ": config: expected a mapping");
              return null;
            }
            config = JSON.convertValue(v.get("config"), Map.class);
          }
          return CanaryStep.plugin(v.get("name").asText(), config);
        }
      default:
        problems.add(
            d.locate(here)
                + ": unknown step '"
                + kind
                + "' (expected setWeight, pause, analysis, setCanaryScale, setHeaderRoute,"
                + " setMirrorRoute, experiment or plugin)");
        return null;
    }
  }

  private CanaryStep experiment(String at, JsonNode v) {
    if (!only(at, v, Set.of("duration", "templates", "analyses"))) {
      return null;
    }
    List<ExperimentTemplate> templates = new ArrayList<>();
    JsonNode ts = v.path("templates");
    if (!ts.isArray() || ts.isEmpty()) {
      problems.add(d.locate(at) + ": templates: required, a list of {name, specRef}");
      return null;
    }
    for (int i = 0; i < ts.size(); i++) {
      String t = at + ".templates[" + i + "]";
      JsonNode n = ts.get(i);
      if (!only(t, n, Set.of("name", "specRef", "replicas", "weight"))
          || text(t, n, "name").isEmpty()) {
        requiredName(t, n);
        return null;
      }
      String spec = n.path("specRef").asText("");
      if (!spec.equals("stable") && !spec.equals("canary")) {
        problems.add(d.locate(t) + ": specRef: expected stable or canary");
        return null;
      }
      ExperimentTemplate template =
          spec.equals("stable")
              ? ExperimentTemplate.stable(n.get("name").asText())
              : ExperimentTemplate.canary(n.get("name").asText());
      var replicas = integer(t, n, "replicas");
      var weight = integer(t, n, "weight");
      if (replicas.isPresent()) {
        template = template.withReplicas(replicas.get());
      }
      if (weight.isPresent()) {
        template = template.withWeight(weight.get());
      }
      templates.add(template);
    }
    ExperimentTemplate[] all = templates.toArray(ExperimentTemplate[]::new);
    ExperimentStep step;
    if (v.has("duration")) {
      if (!v.get("duration").isTextual()) {
        problems.add(
            d.locateValue(at + ".duration")
                + ": duration: expected a Go duration such as 10m (Argo reads it with"
                + " time.ParseDuration)");
        return null;
      }
      step = CanaryStep.experiment(v.get("duration").asText(), all);
    } else {
      step = CanaryStep.experiment(all);
    }
    JsonNode analyses = v.path("analyses");
    for (int i = 0; i < analyses.size(); i++) {
      String a = at + ".analyses[" + i + "]";
      JsonNode n = analyses.get(i);
      if (!only(a, n, Set.of("name", "templateName", "requiredForCompletion"))) {
        return null;
      }
      String gate = n.path("templateName").asText("");
      if (gate.isBlank()) {
        problems.add(d.locate(a) + ": templateName: required, the gate's name");
        return null;
      }
      if (n.has("name") && !n.get("name").asText().equals(gate)) {
        problems.add(
            d.locateValue(a + ".name")
                + ": name: rolloutkit names an experiment's analysis after its gate, '"
                + gate
                + "'");
        return null;
      }
      boolean required = bool(a, n, "requiredForCompletion").orElse(false);
      step = required ? step.withRequiredAnalysis(gate) : step.withAnalysis(gate);
    }
    return step;
  }

  private String singleTemplate(String at, JsonNode v) {
    JsonNode t = v.path("templates");
    if (!t.isArray()
        || t.size() != 1
        || t.get(0).size() != 1
        || !t.get(0).path("templateName").isTextual()) {
      problems.add(
          d.locate(at)
              + ": templates: rolloutkit's analysis steps run one gate, [{templateName: G}], and"
              + " pass the canary-hash argument themselves");
      return null;
    }
    return t.get(0).get("templateName").asText();
  }

  private CanaryStep requiredName(String at, JsonNode v) {
    if (v.isObject() && !v.path("name").isTextual()) {
      problems.add(d.locate(at) + ": name: required, a string");
    }
    return null;
  }

  /** {@code v} is a mapping with no keys but {@code keys}; a problem otherwise. */
  private boolean only(String at, JsonNode v, Set<String> keys) {
    if (!v.isObject()) {
      problems.add(d.locateValue(at) + ": expected a mapping");
      return false;
    }
    return unknownKeys(at, v, keys);
  }

  private boolean unknownKeys(String at, JsonNode v, Set<String> keys) {
    boolean ok = true;
    for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!keys.contains(key)) {
        ok = false;
        problems.add(
            d.locate(at + "." + key)
                + ": unknown key '"
                + key
                + "' (expected "
                + String.join(", ", keys.stream().sorted().toList())
                + ")");
      }
    }
    return ok;
  }

  private java.util.Optional<String> text(String at, JsonNode v, String key) {
    if (!v.has(key)) {
      return java.util.Optional.empty();
    }
    if (!v.get(key).isTextual()) {
      problems.add(d.locateValue(at + "." + key) + ": " + key + ": expected a string");
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(v.get(key).asText());
  }

  private java.util.Optional<Integer> integer(String at, JsonNode v, String key) {
    return Inventory.integer(d, at, v, key, problems);
  }

  private java.util.Optional<Boolean> bool(String at, JsonNode v, String key) {
    if (!v.has(key)) {
      return java.util.Optional.empty();
    }
    if (!v.get(key).isBoolean()) {
      problems.add(d.locateValue(at + "." + key) + ": " + key + ": expected true or false");
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(v.get(key).asBoolean());
  }
}
