package dev.rolloutkit.rules;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.Canary;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.Steps;
import dev.rolloutkit.argo.v1alpha1.rolloutspec.strategy.canary.TrafficRouting;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;
import java.util.Optional;

/** Null-safe access to a Rollout's canary strategy, for the rules. */
final class Canaries {

  static final String CANARY = "spec.strategy.canary";

  private Canaries() {}

  static Optional<Canary> canary(Rollout r) {
    return r.getSpec() == null || r.getSpec().getStrategy() == null
        ? Optional.empty()
        : Optional.ofNullable(r.getSpec().getStrategy().getCanary());
  }

  static List<Steps> steps(Canary c) {
    return c.getSteps() == null ? List.of() : c.getSteps();
  }

  static Optional<TrafficRouting> routing(Canary c) {
    return Optional.ofNullable(c.getTrafficRouting());
  }

  static int maxWeight(Canary c) {
    return routing(c).map(TrafficRouting::getMaxTrafficWeight).orElse(100);
  }

  /** {@code 0}, {@code "0"} and {@code "0%"} are zero. */
  static boolean isZero(IntOrString v) {
    if (v == null) {
      return false;
    }
    if (v.getIntVal() != null) {
      return v.getIntVal() == 0;
    }
    String s = v.getStrVal();
    return "0".equals(s) || "0%".equals(s);
  }

  static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }
}
