package dev.rolloutkit.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules that run together. Compose with {@link #and}, switch rules off with {@link #without}, and
 * change a rule's severity with {@link #withSeverity}; every call returns a new set.
 *
 * <pre>{@code
 * ValidationReport report = RuleSet.all().without("ISTIO-DR-HOST-UNKNOWN").evaluate(ResourceSet.of(resources));
 * }</pre>
 */
public final class RuleSet {

  private final Map<String, Rule> rules;
  private final Map<String, Severity> severities;

  private RuleSet(Map<String, Rule> rules, Map<String, Severity> severities) {
    this.rules = rules;
    this.severities = severities;
  }

  /** The given rules; ids must be unique. */
  public static RuleSet of(Rule... rules) {
    return of(List.of(rules));
  }

  /** The given rules; ids must be unique. */
  public static RuleSet of(List<? extends Rule> rules) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Rule r : rules) {
      if (byId.putIfAbsent(r.id(), r) != null) {
        throw new IllegalArgumentException("two rules with id " + r.id());
      }
    }
    return new RuleSet(byId, Map.of());
  }

  /**
   * Every rule contributed on the class path by a {@link RuleProvider} (core's and other modules').
   */
  public static RuleSet all() {
    return of(Registered.RULES);
  }

  /**
   * The rules of every {@link RuleProvider} on the class path, looked up once (rules are immutable,
   * so shared).
   */
  private static final class Registered {
    static final List<Rule> RULES = load();

    private static List<Rule> load() {
      List<Rule> rules = new ArrayList<>();
      for (RuleProvider provider :
          java.util.ServiceLoader.load(RuleProvider.class, RuleSet.class.getClassLoader())) {
        rules.addAll(provider.rules());
      }
      return List.copyOf(rules);
    }
  }

  /** This set and {@code other}. */
  public RuleSet and(RuleSet other) {
    List<Rule> all = new ArrayList<>(rules.values());
    all.addAll(other.rules.values());
    Map<String, Severity> sev = new HashMap<>(severities);
    sev.putAll(other.severities);
    return new RuleSet(of(all).rules, sev);
  }

  /**
   * This set without the rules {@code ids}; an unknown id is an error, so typos do not pass
   * silently.
   */
  public RuleSet without(String... ids) {
    Map<String, Rule> left = new LinkedHashMap<>(rules);
    for (String id : ids) {
      requireKnown(id);
      left.remove(id);
    }
    return new RuleSet(left, severities);
  }

  /** This set with rule {@code id} reporting at {@code severity}. */
  public RuleSet withSeverity(String id, Severity severity) {
    requireKnown(id);
    Map<String, Severity> sev = new HashMap<>(severities);
    sev.put(id, severity);
    return new RuleSet(rules, sev);
  }

  public List<Rule> rules() {
    return List.copyOf(rules.values());
  }

  public Set<String> ids() {
    return rules.keySet();
  }

  /**
   * Runs every rule over {@code resources}; all findings are collected, rule by rule in this set's
   * order. Over a large set (a folder of manifests) the rules run on all cores; each rule only
   * reads the set.
   */
  public ValidationReport evaluate(ResourceSet resources) {
    List<Rule> all = List.copyOf(rules.values());
    var stream = resources.all().size() >= PARALLEL_FROM ? all.parallelStream() : all.stream();
    List<List<Finding>> found =
        stream
            .map(
                rule -> {
                  Severity override = severities.get(rule.id());
                  List<Finding> list = rule.check(resources);
                  return override == null
                      ? list
                      : list.stream().map(f -> f.withSeverity(override)).toList();
                })
            .toList();
    List<Finding> findings = new ArrayList<>();
    found.forEach(findings::addAll);
    return new ValidationReport(findings);
  }

  /**
   * The set size from which rules run in parallel (a stack's few objects are checked faster on one
   * thread).
   */
  private static final int PARALLEL_FROM = 500;

  private void requireKnown(String id) {
    if (!rules.containsKey(id)) {
      throw new IllegalArgumentException(
          "no rule with id '" + id + "' in this set; known: " + rules.keySet());
    }
  }
}
