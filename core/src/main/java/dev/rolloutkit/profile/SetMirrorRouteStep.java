package dev.rolloutkit.profile;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Copy a share of the requests to the canary, whose answers are dropped (Argo {@code
 * setMirrorRoute}), or remove that route again: the canary sees real traffic before it serves any.
 * The route is one of the Rollout's {@code managedRoutes}; Argo supports it with Istio only. Create
 * with {@link CanaryStep#setMirrorRoute(String, int, String)} or {@link
 * CanaryStep#removeMirrorRoute(String)}.
 */
@Value.Immutable
public abstract class SetMirrorRouteStep implements CanaryStep {

  /** The route's name, managed by Argo in the VirtualService. */
  public abstract String name();

  /** The share of the matching requests mirrored, in percent; empty when the step removes it. */
  public abstract Optional<Integer> percentage();

  /** Mirror only requests whose path starts with this; every request when empty. */
  public abstract Optional<String> pathPrefix();

  @Override
  public String describe() {
    return percentage()
        .map(
            p ->
                "mirror("
                    + name()
                    + ": "
                    + p
                    + "%"
                    + pathPrefix().map(x -> " of " + x + "*").orElse("")
                    + ")")
        .orElse("mirror(" + name() + " removed)");
  }

  @Override
  public String toString() {
    return describe();
  }
}
