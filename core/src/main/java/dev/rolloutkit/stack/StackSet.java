package dev.rolloutkit.stack;

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
}
