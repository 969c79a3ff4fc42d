package dev.rolloutkit.traffic;

import java.util.stream.Collectors;

/**
 * Stands for a router named but not on the class path; a stack that uses it reports it as a
 * problem.
 */
public final class MissingTrafficRouter implements TrafficRouter {

  private final String name;

  MissingTrafficRouter(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  /** What is wrong, for the stack's problem list. */
  public String problem() {
    String hint =
        name.equals("istio")
            ? " (add dev.rolloutkit:rolloutkit-istio-bridge to the class path)"
            : "";
    return "no traffic router named '"
        + name
        + "' is available"
        + hint
        + "; available: "
        + TrafficRouter.all().stream().map(TrafficRouter::name).collect(Collectors.joining(", "));
  }

  @Override
  public TrafficPlan plan(TrafficTarget target) {
    throw new IllegalStateException(problem());
  }

  @Override
  public String toString() {
    return name + " (missing)";
  }
}
