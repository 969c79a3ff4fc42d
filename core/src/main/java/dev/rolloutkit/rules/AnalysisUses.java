package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.ClusterAnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every analysis a Rollout runs — each canary step analysis, the background analysis, blue-green
 * pre- and post-promotion analysis — with the templates it combines, as the controller combines
 * them.
 */
final class AnalysisUses {

  private AnalysisUses() {}

  enum Kind {
    STEP,
    BACKGROUND,
    PRE_PROMOTION,
    POST_PROMOTION
  }

  /** A reference from an analysis to a template, with the path of the reference. */
  record TemplateRef(String name, boolean cluster, String path) {}

  /**
   * One analysis of {@code rollout} at {@code path}; {@code node} holds templates, args, dryRun,
   * measurementRetention. {@code templates} are the templates it combines, nested {@code
   * spec.templates} references followed, namespaced ones first as the controller orders them; empty
   * when a reference is not in the set (another rule reports that).
   */
  record Use(
      Rollout rollout,
      Kind kind,
      String path,
      JsonNode node,
      List<TemplateRef> refs,
      Optional<List<HasMetadata>> templates) {

    static Use of(ResourceSet resources, Rollout rollout, Kind kind, String path, JsonNode node) {
      List<TemplateRef> refs = new ArrayList<>();
      JsonNode list = node.path("templates");
      for (int i = 0; i < list.size(); i++) {
        JsonNode t = list.get(i);
        refs.add(
            new TemplateRef(
                t.path("templateName").asText(""),
                t.path("clusterScope").asBoolean(false),
                path + ".templates[" + i + "]"));
      }
      return new Use(
          rollout, kind, path, node, List.copyOf(refs), resolve(resources, rollout, refs));
    }

    /**
     * The path of the reference to {@code template}, or of the whole template list when it is
     * reached through nesting.
     */
    String pathOf(HasMetadata template) {
      boolean cluster = template instanceof ClusterAnalysisTemplate;
      return refs().stream()
          .filter(r -> r.cluster() == cluster && r.name().equals(template.getMetadata().getName()))
          .map(TemplateRef::path)
          .findFirst()
          .orElse(path + ".templates");
    }

    /** Names of the args the Rollout passes, or empty when it has no {@code args} list at all. */
    Optional<List<String>> argNames() {
      if (!node.has("args") || node.path("args").isNull()) {
        return Optional.empty();
      }
      List<String> names = new ArrayList<>();
      node.path("args").forEach(a -> names.add(a.path("name").asText()));
      return Optional.of(names);
    }

    private static Optional<List<HasMetadata>> resolve(
        ResourceSet resources, Rollout rollout, List<TemplateRef> refs) {
      List<HasMetadata> namespaced = new ArrayList<>();
      List<HasMetadata> cluster = new ArrayList<>();
      Set<HasMetadata> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      for (TemplateRef ref : refs) {
        if (!collect(resources, rollout, ref.name(), ref.cluster(), namespaced, cluster, seen)) {
          return Optional.empty();
        }
      }
      List<HasMetadata> all = new ArrayList<>(namespaced);
      all.addAll(cluster);
      return Optional.of(List.copyOf(all));
    }

    private static boolean collect(
        ResourceSet resources,
        Rollout rollout,
        String name,
        boolean clusterScope,
        List<HasMetadata> namespaced,
        List<HasMetadata> cluster,
        Set<HasMetadata> seen) {
      Optional<? extends HasMetadata> found =
          clusterScope
              ? resources.ofType(ClusterAnalysisTemplate.class).stream()
                  .filter(x -> name.equals(x.getMetadata().getName()))
                  .findFirst()
              : resources.find(AnalysisTemplate.class, ResourceSet.namespaceOf(rollout), name);
      if (found.isEmpty()) {
        return false;
      }
      HasMetadata template = found.get();
      if (!seen.add(template)) {
        return true; // a cycle or a diamond: the controller would not get here either, and one copy
        // is enough to check
      }
      (clusterScope ? cluster : namespaced).add(template);
      JsonNode nested = resources.tree(template).path("spec").path("templates");
      for (JsonNode n : nested) {
        if (!collect(
            resources,
            rollout,
            n.path("templateName").asText(""),
            n.path("clusterScope").asBoolean(false),
            namespaced,
            cluster,
            seen)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Every analysis of every Rollout in the set, in document order; worked out once per set for all
   * the rules asking.
   */
  static List<Use> of(ResourceSet resources) {
    return resources.derived(AnalysisUses.class, AnalysisUses::find);
  }

  private static List<Use> find(ResourceSet resources) {
    List<Use> uses = new ArrayList<>();
    for (Rollout r : resources.ofType(Rollout.class)) {
      JsonNode strategy = resources.tree(r).path("spec").path("strategy");
      JsonNode steps = strategy.path("canary").path("steps");
      for (int i = 0; i < steps.size(); i++) {
        if (steps.get(i).path("analysis").isObject()) {
          uses.add(
              Use.of(
                  resources,
                  r,
                  Kind.STEP,
                  Canaries.CANARY + ".steps[" + i + "].analysis",
                  steps.get(i).path("analysis")));
        }
      }
      if (strategy.path("canary").path("analysis").isObject()) {
        uses.add(
            Use.of(
                resources,
                r,
                Kind.BACKGROUND,
                Canaries.CANARY + ".analysis",
                strategy.path("canary").path("analysis")));
      }
      for (String[] bg :
          new String[][] {
            {"prePromotionAnalysis", "PRE_PROMOTION"}, {"postPromotionAnalysis", "POST_PROMOTION"}
          }) {
        JsonNode a = strategy.path("blueGreen").path(bg[0]);
        if (a.isObject()) {
          uses.add(
              Use.of(resources, r, Kind.valueOf(bg[1]), "spec.strategy.blueGreen." + bg[0], a));
        }
      }
    }
    return List.copyOf(uses);
  }
}
