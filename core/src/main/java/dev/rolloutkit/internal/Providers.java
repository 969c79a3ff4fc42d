package dev.rolloutkit.internal;

import dev.rolloutkit.rules.Rule;
import dev.rolloutkit.rules.RuleProvider;
import dev.rolloutkit.traffic.TrafficRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * What the ServiceLoader finds on the class path (rule providers, traffic routers, generated serializer registries),
 * looked up once: every stack build and every lint would otherwise scan the class path again. Rules, routers and
 * registries are immutable, so sharing them is safe.
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
    static final List<TrafficRouter> FOUND = load(TrafficRouter.class);
  }

  /** Each in its own holder, so a lookup happens only when something asks for that kind. */
  private static final class Serializers {
    static final List<com.fasterxml.jackson.databind.ser.Serializers> FOUND = load(com.fasterxml.jackson.databind.ser.Serializers.class);
  }

  private static <T> List<T> load(Class<T> type) {
    List<T> found = new ArrayList<>();
    ServiceLoader.load(type, Providers.class.getClassLoader()).forEach(found::add);
    return List.copyOf(found);
  }

  /** Every rule of every {@link RuleProvider} on the class path, in provider order. */
  public static List<Rule> rules() {
    return Rules.ALL;
  }

  /** The traffic routers registered as services. */
  public static List<TrafficRouter> routers() {
    return Routers.FOUND;
  }

  /** Jackson {@code Serializers} registered as services (istio-bridge's generated registry among them). */
  public static List<com.fasterxml.jackson.databind.ser.Serializers> serializers() {
    return Serializers.FOUND;
  }
}
