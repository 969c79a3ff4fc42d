package dev.rolloutkit.profile;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Send the requests that carry a header value to the canary, whatever its weight (Argo {@code
 * setHeaderRoute}), or remove that route again. The route is one of the Rollout's {@code
 * managedRoutes}, which the stack declares; Argo supports it with Istio, ALB and Apisix. Create
 * with {@link CanaryStep#setHeaderRoute(String, String, String)} or {@link
 * CanaryStep#removeHeaderRoute(String)}.
 */
@Value.Immutable
public abstract class SetHeaderRouteStep implements CanaryStep {

  /** The route's name, managed by Argo in the router's objects. */
  public abstract String name();

  /** The header whose value routes to the canary; empty when the step removes the route. */
  public abstract Optional<String> header();

  /** The exact value of {@link #header()}. */
  public abstract Optional<String> value();

  @Override
  public String describe() {
    return header()
        .map(h -> "header(" + name() + ": " + h + "=" + value().orElse("") + ")")
        .orElse("header(" + name() + " removed)");
  }

  @Override
  public String toString() {
    return describe();
  }
}
