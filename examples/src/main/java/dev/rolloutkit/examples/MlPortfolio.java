package dev.rolloutkit.examples;

import dev.rolloutkit.analysis.AnalysisGate;
import dev.rolloutkit.profile.BlueGreenProfile;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.stack.StackSet;
import dev.rolloutkit.traffic.Port;
import dev.rolloutkit.traffic.TrafficRouter;

/**
 * ADR-008's three ML services in namespace {@code ml-portfolio}, split by NGINX Ingress:
 *
 * <ul>
 *   <li>{@code bankchurn-predictor} and {@code chicagotaxi-predictor}: 20 % → 60s → gate → 50 % →
 *       120s → gate → 100 %;
 *   <li>{@code nlpinsight-analyzer}: 10 % → 3m → gate → 40 % → 5m → gate → 100 % (transformer
 *       latency).
 * </ul>
 *
 * Both templates of the ADR are rendered once for the namespace: {@code canary-health-check}, which
 * the canaries run (3 measurements at 30s, roll back on the 2nd failure: {@code failureLimit: 1}),
 * and {@code bluegreen-validation}, the stricter gate for major model versions (5 at 60s, roll back
 * on the 1st: {@code failureLimit: 0}).
 */
public final class MlPortfolio {

  private MlPortfolio() {}

  /** The three services. */
  public static StackSet stacks() {
    return StackSet.of(
        ml("bankchurn-predictor", "ghcr.io/acme/bankchurn:3.2.0"),
        ml("chicagotaxi-predictor", "ghcr.io/acme/chicagotaxi:3.2.0"),
        CanaryStack.nlp("nlpinsight-analyzer")
            .namespace("ml-portfolio")
            .image("ghcr.io/acme/nlpinsight:3.2.0")
            .addPorts(Port.http(8000))
            .addGate(AnalysisGate.bluegreenValidation())
            .putLabel("part-of", "ml-portfolio")
            .build());
  }

  /** A major model version: the stricter gate instead of the canary health check. */
  public static CanaryStack majorVersion(CanaryStack stack) {
    return CanaryStack.builder()
        .from(stack)
        .profile(stack.profile().withGate("bluegreen-validation"))
        .build();
  }

  /**
   * A major model version released blue-green instead: {@code bluegreen-validation} judges the
   * preview's pods before the active Service switches; route the Ingress to the active Service.
   */
  public static CanaryStack blueGreenRelease(CanaryStack stack) {
    return CanaryStack.builder()
        .from(stack)
        .traffic(TrafficRouter.none())
        .blueGreen(BlueGreenProfile.validation())
        .build();
  }

  private static CanaryStack ml(String name, String image) {
    return CanaryStack.ml(name)
        .namespace("ml-portfolio")
        .image(image)
        .addPorts(Port.http(8000))
        .addGate(AnalysisGate.bluegreenValidation())
        .putLabel("part-of", "ml-portfolio")
        .build();
  }

  public static void main(String[] args) {
    System.out.print(stacks().toYaml());
  }
}
