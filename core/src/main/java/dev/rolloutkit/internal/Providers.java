package dev.rolloutkit.internal;

import dev.rolloutkit.rules.Rule;
import dev.rolloutkit.rules.RuleProvider;
import dev.rolloutkit.traffic.TrafficRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * What the ServiceLoader finds on the class path (rule providers, traffic routers, generated serializer registries),
 * looked up once: every stack build and every lint would otherwise scan the class path again. Rules, routers and
 * registries are immutable, so sharing them is safe.
 *
 * <p>An application whose class path is fixed when it is built (the command line run from its own jar alone) can say
 * what the lookup would find with {@link #assume}, before anything asks: a class-path lookup opens every jar on the
 * class path and searches the runtime image's modules: 15–20 ms, about a tenth, of a cold render.
 */
public final class Providers {

  private Providers() {}

  /** What an application knows the ServiceLoader would find on its class path, each in the ServiceLoader's order. */
  public interface Known {
    List<RuleProvider> ruleProviders();

    List<TrafficRouter> routers();

    List<com.fasterxml.jackson.databind.ser.Serializers> serializers();
  }

  private static Known known;
  private static boolean lookedUp;

  /**
   * Has every later lookup answered by {@code known} instead of the ServiceLoader. Returns false, and changes nothing,
   * if something was looked up already (so the answers in one JVM never mix the two).
   */
  public static synchronized boolean assume(Known known) {
    if (lookedUp) {
      return false;
    }
    Providers.known = known;
    return true;
  }

  /** What {@link #assume} was given, or null; from here on {@link #assume} changes nothing. */
  private static synchronized Known known() {
    lookedUp = true;
    return known;
  }

  private static final class Rules {
    static final List<Rule> ALL = load();

    static List<Rule> load() {
      List<Rule> rules = new ArrayList<>();
      for (RuleProvider provider : lookUp(RuleProvider.class, Known::ruleProviders)) {
        rules.addAll(provider.rules());
      }
      return List.copyOf(rules);
    }
  }

  private static final class Routers {
    static final List<TrafficRouter> FOUND = lookUp(TrafficRouter.class, Known::routers);
  }

  /** Each in its own holder, so a lookup happens only when something asks for that kind. */
  private static final class Serializers {
    static final List<com.fasterxml.jackson.databind.ser.Serializers> FOUND =
        lookUp(com.fasterxml.jackson.databind.ser.Serializers.class, Known::serializers);
  }

  private static <T> List<T> lookUp(Class<T> type, Function<Known, List<T>> fromKnown) {
    Known k = known();
    if (k != null) {
      return List.copyOf(fromKnown.apply(k));
    }
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
