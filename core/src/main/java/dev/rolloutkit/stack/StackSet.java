package dev.rolloutkit.stack;

import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.manifest.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several stacks rendered together — a portfolio of services in one apply — in apply order across
 * all of them (every Service, then every routing object, every AnalysisTemplate, every Rollout,
 * every ScaledObject). An object several stacks share, such as a gate's AnalysisTemplate, appears
 * once; two different objects with the same kind, namespace and name are a conflict and are
 * reported, with every other conflict, when the set is made.
 *
 * <pre>{@code
 * StackSet.of(bankchurn, chicagotaxi, nlpinsight).toYaml();
 * }</pre>
 */
public final class StackSet {

  private final List<CanaryStack> stacks;
  private final List<HasMetadata> resources;

  private StackSet(List<CanaryStack> stacks) {
    this.stacks = List.copyOf(stacks);
    List<String> problems = new ArrayList<>();
    Map<String, HasMetadata> byId = new LinkedHashMap<>();
    List<HasMetadata> ordered = new ArrayList<>();
    int stages = stacks.isEmpty() ? 0 : stacks.get(0).stages().size();
    for (int stage = 0; stage < stages; stage++) {
      for (CanaryStack stack : stacks) {
        for (HasMetadata r : stack.stages().get(stage)) {
          String id =
              r.getKind() + " " + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
          HasMetadata known = byId.putIfAbsent(id, r);
          if (known == null) {
            ordered.add(r);
          } else if (known instanceof AnalysisTemplate a
              && r instanceof AnalysisTemplate b
              && sameGate(a, b)) {
            // a gate shared by stacks with different labels carries the labels they share
            AnalysisTemplate merged =
                new dev.rolloutkit.argo.v1alpha1.AnalysisTemplateBuilder(a).build();
            Map<String, String> labels = new java.util.TreeMap<>();
            if (a.getMetadata().getLabels() != null && b.getMetadata().getLabels() != null) {
              a.getMetadata()
                  .getLabels()
                  .forEach(
                      (k, v) -> {
                        if (v.equals(b.getMetadata().getLabels().get(k))) {
                          labels.put(k, v);
                        }
                      });
            }
            merged.getMetadata().setLabels(labels.isEmpty() ? null : labels);
            byId.put(id, merged);
            ordered.set(ordered.indexOf(known), merged);
          } else if (!known.equals(r)) {
            problems.add(
                id + ": stack '" + stack.name() + "' defines it differently from an earlier stack");
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidStackException(
          "stack set " + stacks.stream().map(CanaryStack::name).toList(), problems);
    }
    this.resources = List.copyOf(ordered);
  }

  /** The same gate: name, namespace, annotations and spec equal (labels may differ). */
  private static boolean sameGate(AnalysisTemplate a, AnalysisTemplate b) {
    return java.util.Objects.equals(a.getMetadata().getName(), b.getMetadata().getName())
        && java.util.Objects.equals(a.getMetadata().getNamespace(), b.getMetadata().getNamespace())
        && java.util.Objects.equals(
            a.getMetadata().getAnnotations(), b.getMetadata().getAnnotations())
        && java.util.Objects.equals(a.getSpec(), b.getSpec());
  }

  /** The set of {@code stacks}. */
  public static StackSet of(CanaryStack... stacks) {
    return new StackSet(List.of(stacks));
  }

  /** The set of {@code stacks}. */
  public static StackSet of(List<CanaryStack> stacks) {
    return new StackSet(stacks);
  }

  public List<CanaryStack> stacks() {
    return stacks;
  }

  /** Every object once, in apply order. */
  public List<HasMetadata> resources() {
    return resources;
  }

  /** Multi-document YAML of {@link #resources()}. */
  public String toYaml() {
    return Manifests.write(resources).text();
  }

  /** One file per object and a kustomization.yaml, as {@link CanaryStack#writeTo(Path)}. */
  public List<Path> writeTo(Path directory) {
    return Manifests.write(resources).toFolder(directory);
  }

  /**
   * The GitOps tree: a folder per namespace holding the AnalysisTemplates its stacks share (each
   * once) and a folder per stack with the stack's other objects; a kustomization in every folder,
   * the root's listing the namespaces, so {@code kubectl kustomize directory} builds everything
   * once. Files and folders of an earlier write that are no longer written (a service removed from
   * the set) are removed; nothing rolloutkit did not write is touched.
   *
   * <pre>
   * deploy/kustomization.yaml              → ml-portfolio
   * deploy/ml-portfolio/kustomization.yaml → bankchurn, chicagotaxi, 01-analysistemplate-….yaml
   * deploy/ml-portfolio/bankchurn/…        → 01-service-bankchurn-stable.yaml, …
   * </pre>
   *
   * @return every file written
   */
  public List<Path> writeTree(Path directory) {
    Map<String, List<Manifests.Folder>> services = new LinkedHashMap<>();
    Map<String, List<HasMetadata>> shared = new LinkedHashMap<>();
    for (HasMetadata r : resources) {
      if (r instanceof AnalysisTemplate) {
        shared.computeIfAbsent(r.getMetadata().getNamespace(), n -> new ArrayList<>()).add(r);
      }
    }
    for (CanaryStack stack : stacks) {
      List<HasMetadata> own =
          stack.resources().stream().filter(r -> !(r instanceof AnalysisTemplate)).toList();
      services
          .computeIfAbsent(stack.namespace(), n -> new ArrayList<>())
          .add(new Manifests.Folder(stack.name(), own, List.of()));
    }
    List<Manifests.Folder> namespaces = new ArrayList<>();
    services.forEach(
        (namespace, folders) ->
            namespaces.add(
                new Manifests.Folder(
                    namespace, shared.getOrDefault(namespace, List.of()), folders)));
    return Manifests.writeTree(new Manifests.Folder("", List.of(), namespaces), directory);
  }
}
