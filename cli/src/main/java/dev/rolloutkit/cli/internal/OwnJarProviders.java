package dev.rolloutkit.cli.internal;

import com.fasterxml.jackson.databind.ser.Serializers;
import dev.rolloutkit.internal.Providers;
import dev.rolloutkit.istio.IstioRouterService;
import dev.rolloutkit.istio.internal.wire.IstioSerializers;
import dev.rolloutkit.istio.rules.IstioRuleProvider;
import dev.rolloutkit.rules.CoreRules;
import dev.rolloutkit.rules.RuleProvider;
import dev.rolloutkit.traffic.TrafficRouter;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;

/**
 * The services the command line's jar holds, as its build merges them from core's, istio-bridge's and slf4j-nop's
 * {@code META-INF/services}, used when the JVM's class path is that jar alone (as {@code ./rolloutkit} and
 * {@code java -jar rolloutkit.jar} start it). A ServiceLoader lookup opens every jar on the class path and searches
 * every module of the runtime image; when nothing else needs the jar opened, as in a render whose classes all come from
 * the class-data archive, that is 15–20 ms of a cold start. Any other class path (another jar beside it, a module path,
 * an appended boot class path, an agent, a custom system class loader) is looked up as usual, so providers added there
 * are found. {@code OwnJarProvidersTest} keeps these lists equal to the lookup on the module's class path, and
 * {@code ShadedJarTest} to the jar's services files.
 */
public final class OwnJarProviders implements Providers.Known {

  /** SLF4J's property naming its provider, and the one the jar holds. */
  static final String SLF4J_PROVIDER_PROPERTY = "slf4j.provider";
  static final String SLF4J_PROVIDER = "org.slf4j.nop.NOPServiceProvider";
  /** SLF4J reports at level INFO that it loads a provider named by the property; WARN keeps its warnings and errors. */
  static final String SLF4J_VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

  /**
   * Answers this JVM's provider lookups, SLF4J's included, with the jar's lists if its class path is the command
   * line's jar alone and nothing was looked up yet; returns whether it does.
   */
  public static boolean useIfAlone() {
    if (!classPathIsOwnJarAlone() || !Providers.assume(new OwnJarProviders())) {
      return false;
    }
    if (System.getProperty(SLF4J_PROVIDER_PROPERTY) == null) {
      System.setProperty(SLF4J_PROVIDER_PROPERTY, SLF4J_PROVIDER);
      if (System.getProperty(SLF4J_VERBOSITY_PROPERTY) == null) {
        System.setProperty(SLF4J_VERBOSITY_PROPERTY, "WARN");
      }
    }
    return true;
  }

  /** Whether the class path is the jar this class was loaded from, with nothing beside it that could add services. */
  static boolean classPathIsOwnJarAlone() {
    String classPath = System.getProperty("java.class.path", "");
    if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
      return false;
    }
    for (String property : new String[] {"jdk.module.path", "jdk.module.upgrade.path", "jdk.boot.class.path.append", "java.system.class.loader"}) {
      String value = System.getProperty(property);
      if (value != null && !value.isEmpty()) {
        return false;
      }
    }
    CodeSource source = OwnJarProviders.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return false;
    }
    try {
      return Path.of(source.getLocation().toURI()).toAbsolutePath().normalize()
          .equals(Path.of(classPath).toAbsolutePath().normalize());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public List<RuleProvider> ruleProviders() {
    return List.of(new CoreRules.Provider(), new IstioRuleProvider());
  }

  @Override
  public List<TrafficRouter> routers() {
    return List.of(new IstioRouterService());
  }

  @Override
  public List<Serializers> serializers() {
    return List.of(new IstioSerializers());
  }
}
