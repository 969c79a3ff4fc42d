package dev.rolloutkit.profile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A blue-green release instead of canary steps (Argo {@code strategy.blueGreen}): the new version
 * starts in full behind a preview Service, a gate judges it there before the active Service
 * switches to it, and optionally another gate judges it after the switch, while the old version is
 * kept for {@link #scaleDownDelaySeconds()} to switch back to.
 *
 * <pre>{@code
 * CanaryStack.ml("bankchurn").traffic(TrafficRouter.none())
 *     .blueGreen(BlueGreenProfile.validation());
 * // bluegreen: preview → gate(bluegreen-validation) → promote
 * }</pre>
 *
 * {@link #validation()} is ADR-008's strategy for major model versions: its {@code
 * bluegreen-validation} gate runs before promotion, on the preview's pods. Building an invalid
 * profile throws {@link InvalidProfileException} with every problem: gates without a name, negative
 * counts and delays, no preview pods, and {@code autoPromotionSeconds} with auto-promotion off
 * (which Argo ignores).
 */
@Value.Immutable
public abstract class BlueGreenProfile {

  /** The profile's name, e.g. {@code bluegreen}. */
  public abstract String name();

  /**
   * The gate run on the preview's pods before the active Service switches (Argo {@code
   * prePromotionAnalysis}); its failure aborts and the active Service never switches.
   */
  public abstract Optional<String> prePromotionGate();

  /**
   * The gate run after the switch (Argo {@code postPromotionAnalysis}); its failure aborts and
   * switches back to the old version, which Argo keeps until the gate completes.
   */
  public abstract Optional<String> postPromotionGate();

  /**
   * Whether Argo switches by itself once the preview is ready and the pre-promotion gate passed
   * (Argo's default); otherwise the rollout waits for {@code kubectl argo rollouts promote}.
   */
  @Value.Default
  public boolean autoPromotionEnabled() {
    return true;
  }

  /** With auto-promotion, seconds to wait before switching (Argo {@code autoPromotionSeconds}). */
  public abstract Optional<Integer> autoPromotionSeconds();

  /** Pods of the preview before promotion; default all replicas (Argo). */
  public abstract Optional<Integer> previewReplicaCount();

  /** Seconds the old version keeps its pods after the switch (Argo's default: 30). */
  public abstract Optional<Integer> scaleDownDelaySeconds();

  /** Seconds the preview keeps its pods after an abort (Argo's default: 30; 0 keeps them). */
  public abstract Optional<Integer> abortScaleDownDelaySeconds();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * ADR-008's blue-green for major model versions: the {@code bluegreen-validation} gate on the
   * preview before promotion, then an automatic switch.
   */
  public static BlueGreenProfile validation() {
    return builder().name("bluegreen").prePromotionGate("bluegreen-validation").build();
  }

  /** The gates it runs, pre-promotion first, each once. */
  public List<String> gates() {
    LinkedHashSet<String> gates = new LinkedHashSet<>();
    prePromotionGate().ifPresent(gates::add);
    postPromotionGate().ifPresent(gates::add);
    return List.copyOf(gates);
  }

  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>();
    if (name().isBlank()) {
      problems.add("name: a profile needs a name");
    }
    prePromotionGate()
        .filter(String::isBlank)
        .ifPresent(g -> problems.add("prePromotionGate: names no gate"));
    postPromotionGate()
        .filter(String::isBlank)
        .ifPresent(g -> problems.add("postPromotionGate: names no gate"));
    autoPromotionSeconds()
        .filter(s -> s < 0)
        .ifPresent(s -> problems.add("autoPromotionSeconds: must be 0 or more, got " + s));
    if (autoPromotionSeconds().isPresent() && !autoPromotionEnabled()) {
      problems.add(
          "autoPromotionSeconds: Argo ignores it when autoPromotionEnabled is false; remove it or"
              + " enable auto-promotion");
    }
    previewReplicaCount()
        .filter(n -> n < 1)
        .ifPresent(
            n ->
                problems.add(
                    "previewReplicaCount: "
                        + n
                        + " runs no preview pods, so nothing can be validated before the switch;"
                        + " use at least 1"));
    scaleDownDelaySeconds()
        .filter(d -> d < 0)
        .ifPresent(d -> problems.add("scaleDownDelaySeconds: must be 0 or more, got " + d));
    abortScaleDownDelaySeconds()
        .filter(d -> d < 0)
        .ifPresent(d -> problems.add("abortScaleDownDelaySeconds: must be 0 or more, got " + d));
    if (!problems.isEmpty()) {
      throw new InvalidProfileException("blue-green", name(), problems);
    }
  }

  /**
   * {@code bluegreen: preview → gate(bluegreen-validation) → promote → gate(smoke)}; {@code promote
   * by hand} without auto-promotion, {@code promote after 60s} with a wait.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(name()).append(": preview");
    previewReplicaCount().ifPresent(n -> out.append(" (").append(n).append(" pods)"));
    prePromotionGate().ifPresent(g -> out.append(" → gate(").append(g).append(')'));
    out.append(" → promote");
    if (!autoPromotionEnabled()) {
      out.append(" by hand");
    }
    autoPromotionSeconds().ifPresent(s -> out.append(" after ").append(s).append('s'));
    postPromotionGate().ifPresent(g -> out.append(" → gate(").append(g).append(')'));
    scaleDownDelaySeconds().ifPresent(d -> out.append(", scale-down delay ").append(d).append('s'));
    abortScaleDownDelaySeconds()
        .ifPresent(d -> out.append(", abort scale-down delay ").append(d).append('s'));
    return out.toString();
  }

  /** Builds blue-green profiles; {@link #build()} checks the whole profile. */
  public static final class Builder extends ImmutableBlueGreenProfile.Builder {}
}
