package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.manifest.Manifest;
import dev.rolloutkit.manifest.Manifests;
import dev.rolloutkit.manifest.SourceLocation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The resources a rule looks at together: a stack, a folder of manifests, everything an apply would
 * send. Rules see all of them, so checks across resources (a Rollout and its AnalysisTemplates, a
 * VirtualService and its DestinationRules) are natural. Resources read from files ({@link #read})
 * know where each field was written, and the documents that could not be read are kept too ({@link
 * #unreadable()}), so their problems are reported with the rest.
 *
 * <pre>{@code
 * ResourceSet.of(stack.resources());                        // objects built in Java
 * ResourceSet.read(Manifests.read(Path.of("deploy")));      // objects read, with their positions
 * }</pre>
 */
public final class ResourceSet {

  private final List<HasMetadata> resources;
  private final Map<HasMetadata, Manifest> sources;
  private final List<Manifest> unreadable;
  private final List<Duplicate> duplicates;
  private final Thresholds thresholds;

  /**
   * Kinds (apiVersion/kind) of the whole set this one is a part of, or null when this set is whole.
   */
  private final Set<String> wholeSetKinds;

  // Built on first use: rules ask for the same types, names and trees many times over a large set.
  private final Map<Class<?>, List<?>> byType = new ConcurrentHashMap<>();
  private final Map<Class<?>, Map<String, Map<String, HasMetadata>>> byName =
      new ConcurrentHashMap<>();
  private final Map<HasMetadata, JsonNode> trees =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<Object, Object> derived = new ConcurrentHashMap<>();

  /** The key under which {@link #anyOfKind} keeps the apiVersion/kind of every object. */
  private static final Object KINDS_KEY = new Object();

  private ResourceSet(
      List<HasMetadata> resources,
      Map<HasMetadata, Manifest> sources,
      List<Manifest> unreadable,
      List<Duplicate> duplicates,
      Thresholds thresholds,
      Set<String> wholeSetKinds) {
    this.resources = List.copyOf(resources);
    this.sources = sources;
    this.unreadable = List.copyOf(unreadable);
    this.duplicates = List.copyOf(duplicates);
    this.thresholds = thresholds;
    this.wholeSetKinds = wholeSetKinds;
  }

  /** Resources that were not read from files. */
  public static ResourceSet of(List<? extends HasMetadata> resources) {
    return new ResourceSet(
        List.copyOf(resources), Map.of(), List.of(), List.of(), Thresholds.defaults(), null);
  }

  /** Resources that were not read from files. */
  public static ResourceSet of(HasMetadata... resources) {
    return of(List.of(resources));
  }

  /**
   * An object defined twice (same API group, kind, namespace and name): {@code kubectl apply} sends
   * both in reading order, so the cluster keeps {@code kept}, the later copy, which is the one
   * rules judge.
   */
  public record Duplicate(Manifest dropped, Manifest kept) {}

  /**
   * The objects of {@code manifests}, each knowing where it was read; the documents that could not
   * be read are kept aside, and of an object defined twice only the later copy is kept (as {@code
   * kubectl apply} leaves it), the earlier noted in {@link #duplicates()}.
   */
  public static ResourceSet read(List<Manifest> manifests) {
    Map<String, Integer> last = new HashMap<>();
    for (int i = 0; i < manifests.size(); i++) {
      int at = i;
      identity(manifests.get(i)).ifPresent(key -> last.put(key, at));
    }
    List<HasMetadata> resources = new ArrayList<>();
    Map<HasMetadata, Manifest> sources = new IdentityHashMap<>();
    List<Manifest> unreadable = new ArrayList<>();
    List<Duplicate> duplicates = new ArrayList<>();
    for (int i = 0; i < manifests.size(); i++) {
      Manifest m = manifests.get(i);
      if (m.object().isPresent()) {
        Optional<String> key = identity(m);
        if (key.isPresent() && last.get(key.get()) != i) {
          duplicates.add(new Duplicate(m, manifests.get(last.get(key.get()))));
          continue;
        }
        resources.add(m.object().get());
        sources.put(m.object().get(), m);
      } else {
        unreadable.add(m);
      }
    }
    return new ResourceSet(resources, sources, unreadable, duplicates, Thresholds.defaults(), null);
  }

  /** API group, kind, namespace and name: what makes two documents the same object. */
  private static Optional<String> identity(Manifest m) {
    if (m.object().isEmpty() || m.name().isEmpty()) {
      return Optional.empty();
    }
    HasMetadata o = m.object().get();
    String apiVersion = m.apiVersion();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return Optional.of(group + "/" + m.kind() + "/" + namespaceOf(o) + "/" + m.name());
  }

  /** This set, judged with {@code thresholds} (scrape interval, …). */
  public ResourceSet withThresholds(Thresholds thresholds) {
    return new ResourceSet(resources, sources, unreadable, duplicates, thresholds, wholeSetKinds);
  }

  /**
   * This set as one part of a larger one (lint reads a very large folder in parts that no rule can
   * see across), whose resources have the kinds {@code kinds} ({@code apiVersion/kind}): what
   * {@link #anyOfType} answers for the whole.
   */
  public ResourceSet asPartOf(Set<String> kinds) {
    return new ResourceSet(
        resources, sources, unreadable, duplicates, thresholds, Set.copyOf(kinds));
  }

  /**
   * Whether the whole set holds any resource of {@code type}: for rules that only judge when a kind
   * is present at all (a folder without AnalysisTemplates does not make every reference to one an
   * error).
   */
  public boolean anyOfType(Class<? extends HasMetadata> type) {
    if (wholeSetKinds == null) {
      return !ofType(type).isEmpty();
    }
    return wholeSetKinds.contains(HasMetadata.getApiVersion(type) + "/" + HasMetadata.getKind(type))
        || !ofType(type).isEmpty();
  }

  /**
   * Whether the whole set holds any resource of kind {@code kind} in API group {@code group} (any
   * version): for kinds read without a typed model, such as Istio's.
   */
  public boolean anyOfKind(String group, String kind) {
    java.util.function.Predicate<String> matches =
        apiVersionKind -> {
          if (!apiVersionKind.endsWith("/" + kind)) {
            return false;
          }
          String apiVersion =
              apiVersionKind.substring(0, apiVersionKind.length() - kind.length() - 1);
          int slash = apiVersion.indexOf('/');
          return group.equals(slash < 0 ? "" : apiVersion.substring(0, slash));
        };
    if (wholeSetKinds != null && wholeSetKinds.stream().anyMatch(matches)) {
      return true;
    }
    Set<String> kinds =
        derived(
            KINDS_KEY,
            set -> {
              Set<String> all = new java.util.HashSet<>();
              for (HasMetadata r : set.all()) {
                if (r.getApiVersion() != null && r.getKind() != null) {
                  all.add(r.getApiVersion() + "/" + r.getKind());
                }
              }
              return all;
            });
    return kinds.stream().anyMatch(matches);
  }

  /** The thresholds rules judge with. */
  public Thresholds thresholds() {
    return thresholds;
  }

  /** Every resource, in order. */
  public List<HasMetadata> all() {
    return resources;
  }

  /** The documents read with the set whose object could not be made (their problem says why). */
  public List<Manifest> unreadable() {
    return unreadable;
  }

  /** The objects defined twice, each with the copy kept (see {@link Duplicate}). */
  public List<Duplicate> duplicates() {
    return duplicates;
  }

  /** Where {@code resource} was read, if it was. */
  public Optional<Manifest> source(HasMetadata resource) {
    return Optional.ofNullable(sources.get(resource));
  }

  /** The resources of one Java type, in order. */
  @SuppressWarnings("unchecked")
  public <T> List<T> ofType(Class<T> type) {
    return (List<T>)
        byType.computeIfAbsent(
            type, t -> resources.stream().filter(type::isInstance).map(type::cast).toList());
  }

  /**
   * The resource of {@code type} called {@code name} in {@code namespace} (the first, if several
   * share the name).
   */
  public <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
    Map<String, Map<String, HasMetadata>> index =
        byName.computeIfAbsent(
            type,
            t -> {
              Map<String, Map<String, HasMetadata>> byNamespace = new HashMap<>();
              for (T r : ofType(type)) {
                if (r.getMetadata() != null && r.getMetadata().getName() != null) {
                  byNamespace
                      .computeIfAbsent(namespaceOf(r), ns -> new HashMap<>())
                      .putIfAbsent(r.getMetadata().getName(), r);
                }
              }
              return byNamespace;
            });
    Map<String, HasMetadata> inNamespace = index.get(namespace);
    return Optional.ofNullable(inNamespace == null ? null : type.cast(inNamespace.get(name)));
  }

  /**
   * What {@code compute} derives from this set, computed once per {@code key} for all the rules
   * that ask (an index several rules share, say). Use a key private to the caller, such as its
   * class.
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(Object key, Function<ResourceSet, T> compute) {
    Object value = derived.get(key);
    if (value == null) {
      value = compute.apply(this);
      Object raced = derived.putIfAbsent(key, value);
      value = raced == null ? value : raced;
    }
    return (T) value;
  }

  /**
   * {@code resource} as the JSON tree Kubernetes receives, for rules that read fields the typed
   * model leaves loose: the tree it was read from, or the tree of the object built in Java. Shared
   * by every rule; not to be changed.
   */
  JsonNode tree(HasMetadata resource) {
    return trees.computeIfAbsent(
        resource,
        r -> {
          Manifest source = sources.get(r);
          return source != null && source.tree().isPresent()
              ? source.tree().get()
              : Manifests.toTree(r);
        });
  }

  /** A resource's namespace; {@code default} when unset, as kubectl applies it. */
  public static String namespaceOf(HasMetadata resource) {
    String ns = resource.getMetadata() == null ? null : resource.getMetadata().getNamespace();
    return ns == null || ns.isEmpty() ? "default" : ns;
  }

  /** Where {@code path} of {@code resource} was read, if it came from a file. */
  public Optional<SourceLocation> locate(HasMetadata resource, String path) {
    Manifest source = sources.get(resource);
    return source == null ? Optional.empty() : Optional.of(source.locate(path));
  }
}
