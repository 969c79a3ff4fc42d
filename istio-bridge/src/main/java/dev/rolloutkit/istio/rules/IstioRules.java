package dev.rolloutkit.istio.rules;

import dev.rolloutkit.rules.Rule;
import dev.rolloutkit.rules.RuleSet;
import java.util.List;

/**
 * The Istio checks, as rule objects: those of {@code istioctl analyze} and Istio's validating
 * webhook that concern VirtualServices and DestinationRules, and the Argo controller's Istio
 * checks, run offline over a resource set.
 *
 * <pre>{@code
 * ValidationReport report = IstioRules.all().evaluate(ResourceSet.of(stack.resources()));
 * }</pre>
 */
public final class IstioRules {

  public static final Rule HOST_NOT_FOUND = new HostNotFound();
  public static final Rule HOST_NOT_FQDN = new HostNotFqdn();
  public static final Rule SUBSET_NOT_FOUND = new SubsetNotFound();
  public static final Rule DUPLICATE_SUBSET = new DuplicateSubset();
  public static final Rule NEGATIVE_WEIGHT = new NegativeWeight();
  public static final Rule ZERO_TOTAL_WEIGHT = new ZeroTotalWeight();
  public static final Rule NO_ROUTES = new NoRoutes();
  public static final Rule MESH_HOST_CONFLICT = new MeshHostConflict();
  public static final Rule DESTINATION_RULE_HOST_UNKNOWN = new DestinationRuleHostUnknown();
  public static final Rule VIRTUAL_SERVICE_ONE_OF = new VirtualServiceOneOf();
  public static final Rule ROUTE_NOT_FOUND = new ManagedRouteNotFound();
  public static final Rule ROUTES_REQUIRED = new RoutesRequired();
  public static final Rule CANARY_STABLE_IN_ROUTE = new CanaryStableInRoute();
  public static final Rule MANAGED_DESTINATION_RULE_EXTRA_SUBSETS =
      new ManagedDestinationRuleExtraSubsets();
  public static final Rule SUBSET_SELECTS_ROLLOUT_PODS = new SubsetSelectsRolloutPods();
  public static final Rule REFERENCE_NOT_FOUND = new ReferenceNotFound();

  private static final List<Rule> ALL =
      List.of(
          HOST_NOT_FOUND,
          HOST_NOT_FQDN,
          SUBSET_NOT_FOUND,
          DUPLICATE_SUBSET,
          NEGATIVE_WEIGHT,
          ZERO_TOTAL_WEIGHT,
          NO_ROUTES,
          MESH_HOST_CONFLICT,
          DESTINATION_RULE_HOST_UNKNOWN,
          VIRTUAL_SERVICE_ONE_OF,
          ROUTE_NOT_FOUND,
          ROUTES_REQUIRED,
          CANARY_STABLE_IN_ROUTE,
          MANAGED_DESTINATION_RULE_EXTRA_SUBSETS,
          SUBSET_SELECTS_ROLLOUT_PODS,
          REFERENCE_NOT_FOUND);

  private IstioRules() {}

  /** Every Istio rule, as a list. */
  public static List<Rule> list() {
    return ALL;
  }

  /** Every Istio rule, as a set. */
  public static RuleSet all() {
    return RuleSet.of(ALL);
  }
}
