package dev.rolloutkit.internal;

import dev.rolloutkit.rules.Rule;
import dev.rolloutkit.rules.RuleProvider;
import dev.rolloutkit.traffic.TrafficRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * What the ServiceLoader finds on the class path (rule providers, traffic routers), looked up once: every stack build
 * and every lint would otherwise scan the class path again. Rules and routers are immutable, so sharing them is safe.
 */
public final class Providers {

  private Providers() {}

  private static final class Rules {
    static final List<Rule> ALL = load();

    static List<Rule> load() {
      List<Rule> rules = new ArrayList<>();
      for (RuleProvider provider : ServiceLoader.load(RuleProvider.class, RuleProvider.class.getClassLoader())) {
        rules.addAll(provider.rules());
      }
      return List.copyOf(rules);
    }
  }

  private static final class Routers {
    static final List<TrafficRouter> FOUND = load();

    static List<TrafficRouter> load() {
      List<TrafficRouter> routers = new ArrayList<>();
      ServiceLoader.load(TrafficRouter.class, TrafficRouter.class.getClassLoader()).forEach(routers::add);
      return List.copyOf(routers);
    }
  }

  /** Every rule of every {@link RuleProvider} on the class path, in provider order. */
  public static List<Rule> rules() {
    return Rules.ALL;
  }

  /** The traffic routers registered as services. */
  public static List<TrafficRouter> routers() {
    return Routers.FOUND;
  }
}
