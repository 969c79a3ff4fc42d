package dev.rolloutkit.stack;

import dev.rolloutkit.analysis.AnalysisGate;
import dev.rolloutkit.profile.CanaryProfile;
import dev.rolloutkit.scaling.KedaScaling;
import dev.rolloutkit.traffic.TrafficRouter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The stacks rolloutkit knows by name, from the source documents: each a profile, its gates, the
 * KEDA scaling it asks for, whether scaling is on by default, and the traffic router. The Java API
 * ({@link CanaryStack#mcp}), the command line ({@code rolloutkit render mcp}) and the launcher's
 * start-up training all read this one list; a new preset is one entry here and its golden file.
 *
 * <pre>{@code
 * Preset.of("ml").stack("bankchurn").namespace("ml-portfolio").image("bankchurn:3.2.0").build();
 * }</pre>
 */
public enum Preset {

  /**
   * MCP server (the MCP article): 10 → 30 → 60 → 100 %, gate {@code mcp-success-rate}, KEDA on,
   * Istio.
   */
  MCP(
      "mcp",
      "10/30/60/100 %, gate mcp-success-rate, KEDA, Istio",
      CanaryProfile::mcp,
      KedaScaling::mcp,
      true,
      "istio"),
  /** ML model service (ADR-008): 20 → 50 → 100 %, gate {@code canary-health-check}, NGINX. */
  ML(
      "ml",
      "20/50/100 %, gate canary-health-check, NGINX",
      CanaryProfile::ml,
      KedaScaling::http,
      false,
      "nginx"),
  /**
   * NLP model service (ADR-008): 10 → 40 → 100 % with longer pauses, gate {@code
   * canary-health-check}, NGINX.
   */
  NLP(
      "nlp",
      "10/40/100 %, longer pauses, NGINX",
      CanaryProfile::nlp,
      KedaScaling::http,
      false,
      "nginx");

  private final String id;
  private final String summary;
  private final Supplier<CanaryProfile> profile;
  private final Supplier<KedaScaling> scaling;
  private final boolean scaledByDefault;
  private final String router;

  Preset(
      String id,
      String summary,
      Supplier<CanaryProfile> profile,
      Supplier<KedaScaling> scaling,
      boolean scaledByDefault,
      String router) {
    this.id = id;
    this.summary = summary;
    this.profile = profile;
    this.scaling = scaling;
    this.scaledByDefault = scaledByDefault;
    this.router = router;
  }

  /** The name the command line and the inventory use: {@code mcp}, {@code ml}, {@code nlp}. */
  public String id() {
    return id;
  }

  /** One line for help texts. */
  public String summary() {
    return summary;
  }

  /** The preset's canary steps. */
  public CanaryProfile profile() {
    return profile.get();
  }

  /**
   * The KEDA scaling the preset uses when scaling is asked for (on by default only where {@link
   * #scaledByDefault}).
   */
  public KedaScaling scaling() {
    return scaling.get();
  }

  /** Whether the preset's stacks are scaled by KEDA unless told otherwise. */
  public boolean scaledByDefault() {
    return scaledByDefault;
  }

  /** The name of the preset's traffic router ({@code istio} comes from rolloutkit-istio-bridge). */
  public String router() {
    return router;
  }

  /**
   * A builder for the stack {@code name} with the preset's profile, scaling (if on by default) and
   * router; the profile's gates are the presets of their names ({@link AnalysisGate#preset}), so a
   * stack that releases differently ({@link CanaryStack#blueGreen()}) carries none it does not run.
   */
  public CanaryStack.Builder stack(String name) {
    CanaryStack.Builder builder =
        CanaryStack.builder().name(name).profile(profile()).traffic(TrafficRouter.named(router));
    if (scaledByDefault) {
      builder.scaling(scaling());
    }
    return builder;
  }

  /** The preset called {@code id}. */
  public static Optional<Preset> find(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }

  /** The preset called {@code id}, or an {@link IllegalArgumentException} naming the known ones. */
  public static Preset of(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown profile '" + id + "': expected one of " + String.join(", ", ids())));
  }

  /** Every preset's id, in order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Preset::id).toList();
  }

  @Override
  public String toString() {
    return id + " (" + summary + ")";
  }
}
