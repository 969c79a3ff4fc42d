package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.internal.StackYaml;
import dev.rolloutkit.internal.wire.MapperFreeWire;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The resources a rule looks at together: a stack, a folder of manifests, everything an apply would send. Rules see
 * all of them, so checks across resources (a Rollout and its AnalysisTemplates, a VirtualService and its
 * DestinationRules) are natural.
 */
public final class ResourceSet {

  private final List<HasMetadata> resources;
  private final Map<HasMetadata, BiFunction<HasMetadata, String, Optional<SourceLocation>>> locators;
  private final Map<HasMetadata, List<String>> repeatedKeys;
  private final Thresholds thresholds;
  /** Kinds (apiVersion/kind) of the whole set this one is a part of, or null when this set is whole. */
  private final java.util.Set<String> wholeSetKinds;
  /** Resources whose reader saw every field placed in the schema (identity set; empty unless a reader says so). */
  private final java.util.Set<HasMetadata> knownFieldsOnly;
  // Lazily built indexes: rules ask for the same types, names and trees many times over a large set.
  private final Map<Class<?>, List<?>> byType = new ConcurrentHashMap<>();
  /** Per type: namespace, then name, to the first resource of that name. */
  private final Map<Class<?>, Map<String, Map<String, HasMetadata>>> byName = new ConcurrentHashMap<>();
  private final Map<HasMetadata, JsonNode> trees = Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<Object, Object> derived = new ConcurrentHashMap<>();

  private ResourceSet(List<HasMetadata> resources, Map<HasMetadata, BiFunction<HasMetadata, String, Optional<SourceLocation>>> locators) {
    this(resources, locators, new IdentityHashMap<>(), Thresholds.defaults(), null, java.util.Set.of());
  }

  private ResourceSet(List<HasMetadata> resources, Map<HasMetadata, BiFunction<HasMetadata, String, Optional<SourceLocation>>> locators,
      Map<HasMetadata, List<String>> repeatedKeys, Thresholds thresholds, java.util.Set<String> wholeSetKinds,
      java.util.Set<HasMetadata> knownFieldsOnly) {
    this.resources = List.copyOf(resources);
    this.knownFieldsOnly = knownFieldsOnly;
    this.locators = locators;
    this.repeatedKeys = repeatedKeys;
    this.thresholds = thresholds;
    this.wholeSetKinds = wholeSetKinds;
  }

  /**
   * This set as one part of a larger one (lint reads a very large folder in parts that no rule can see across), whose
   * resources have the kinds {@code kinds} ({@code apiVersion/kind}): what {@link #anyOfType} answers for the whole.
   */
  public ResourceSet asPartOf(java.util.Set<String> kinds) {
    return new ResourceSet(resources, locators, repeatedKeys, thresholds, java.util.Set.copyOf(kinds), knownFieldsOnly);
  }

  /**
   * Whether the whole set holds any resource of {@code type}: for rules that only judge when a kind is present at all
   * (a folder without AnalysisTemplates does not make every reference to one an error).
   */
  public boolean anyOfType(Class<? extends HasMetadata> type) {
    if (wholeSetKinds == null) {
      return !ofType(type).isEmpty();
    }
    return wholeSetKinds.contains(HasMetadata.getApiVersion(type) + "/" + HasMetadata.getKind(type)) || !ofType(type).isEmpty();
  }

  /** This set, knowing which keys each resource's file wrote twice with the same value (paths). */
  public ResourceSet withRepeatedKeys(Map<HasMetadata, List<String>> repeated) {
    Map<HasMetadata, List<String>> copy = new IdentityHashMap<>(repeated);
    return new ResourceSet(resources, locators, copy, thresholds, wholeSetKinds, knownFieldsOnly);
  }

  /** This set, judged with {@code thresholds} (scrape interval, …). */
  public ResourceSet withThresholds(Thresholds thresholds) {
    return new ResourceSet(resources, locators, repeatedKeys, thresholds, wholeSetKinds, knownFieldsOnly);
  }

  /**
   * This set, knowing that its reader placed every field of {@code resources} in their schema (lint's typed reading
   * notes each value it can only keep as an additional property): the unknown-field check need not walk them.
   */
  public ResourceSet withKnownFieldsOnly(java.util.Collection<? extends HasMetadata> resources) {
    java.util.Set<HasMetadata> copy = Collections.newSetFromMap(new IdentityHashMap<>());
    copy.addAll(resources);
    return new ResourceSet(this.resources, locators, repeatedKeys, thresholds, wholeSetKinds, copy);
  }

  /** Whether {@code resource}'s reader placed every one of its fields in the schema (see {@link #withKnownFieldsOnly}). */
  public boolean knownFieldsOnly(HasMetadata resource) {
    return knownFieldsOnly.contains(resource);
  }

  /** The thresholds rules judge with. */
  public Thresholds thresholds() {
    return thresholds;
  }

  /** Paths of keys written twice (with the same value) in the file {@code resource} was read from. */
  public List<String> repeatedKeys(HasMetadata resource) {
    return repeatedKeys.getOrDefault(resource, List.of());
  }

  /** Resources that were not read from files. */
  public static ResourceSet of(List<? extends HasMetadata> resources) {
    return new ResourceSet(List.copyOf(resources), new IdentityHashMap<>());
  }

  /** Resources that were not read from files. */
  public static ResourceSet of(HasMetadata... resources) {
    return of(List.of(resources));
  }

  /**
   * Resources read from files; {@code locator} gives the location of a field path ({@code ""} for the resource
   * itself) in the file a resource came from.
   */
  public static ResourceSet located(List<? extends HasMetadata> resources,
      Map<HasMetadata, BiFunction<HasMetadata, String, Optional<SourceLocation>>> locators) {
    Map<HasMetadata, BiFunction<HasMetadata, String, Optional<SourceLocation>>> copy = new IdentityHashMap<>(locators);
    return new ResourceSet(List.copyOf(resources), copy);
  }

  public List<HasMetadata> all() {
    return resources;
  }

  /** The resources of one Java type, in order. */
  @SuppressWarnings("unchecked")
  public <T> List<T> ofType(Class<T> type) {
    return (List<T>) byType.computeIfAbsent(type, t -> resources.stream().filter(type::isInstance).map(type::cast).toList());
  }

  /** The resource of {@code type} called {@code name} in {@code namespace} (the first, if several share the name). */
  public <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
    Map<String, Map<String, HasMetadata>> index = byName.computeIfAbsent(type, t -> {
      Map<String, Map<String, HasMetadata>> byNamespace = new HashMap<>();
      for (T r : ofType(type)) {
        if (r.getMetadata() != null && r.getMetadata().getName() != null) {
          byNamespace.computeIfAbsent(namespaceOf(r), ns -> new HashMap<>()).putIfAbsent(r.getMetadata().getName(), r);
        }
      }
      return byNamespace;
    });
    Map<String, HasMetadata> inNamespace = index.get(namespace);
    return Optional.ofNullable(inNamespace == null ? null : type.cast(inNamespace.get(name)));
  }

  /**
   * What {@code compute} derives from this set, computed once per {@code key} for all the rules that ask (an index
   * several rules share, say). Use a key private to the caller, such as its class.
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
   * {@code resource} as a JSON tree, made once per set: for rules that read fields the typed model leaves loose. The
   * shared mapper's {@code valueToTree}, made without the mapper where the generated serializers can.
   */
  JsonNode tree(HasMetadata resource) {
    return trees.computeIfAbsent(resource, r -> {
      JsonNode tree = MapperFreeWire.tree(r);
      return tree != null ? tree : StackYaml.mapper().valueToTree(r);
    });
  }

  /** A resource's namespace; {@code default} when unset, as kubectl applies it. */
  public static String namespaceOf(HasMetadata resource) {
    String ns = resource.getMetadata() == null ? null : resource.getMetadata().getNamespace();
    return ns == null || ns.isEmpty() ? "default" : ns;
  }

  /** Where {@code path} of {@code resource} was read, if it came from a file. */
  public Optional<SourceLocation> locate(HasMetadata resource, String path) {
    BiFunction<HasMetadata, String, Optional<SourceLocation>> locator = locators.get(resource);
    return locator == null ? Optional.empty() : locator.apply(resource, path);
  }
}
