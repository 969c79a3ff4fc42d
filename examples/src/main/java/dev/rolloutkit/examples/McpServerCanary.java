package dev.rolloutkit.examples;

import dev.rolloutkit.analysis.AnalysisGate;
import dev.rolloutkit.istio.IstioTrafficRouter;
import dev.rolloutkit.profile.CanaryProfile;
import dev.rolloutkit.scaling.KedaScaling;
import dev.rolloutkit.stack.CanaryStack;

/**
 * The MCP article's stack (KEDA + Argo Rollouts), corrected:
 *
 * <ul>
 *   <li>"roll back after 3 failures" is {@code failureLimit: 2} (the article's {@code failureLimit:
 *       3} waits for a 4th), and the step analysis has a finite {@code count: 5};
 *   <li>conditions are guarded: {@code len(result) > 0 && !isNaN(result[0]) && result[0] >= 0.95};
 *   <li>queries filter on {@code rollouts_pod_template_hash}, the label Prometheus actually has
 *       (the article's {@code version} exists only if the pods set it);
 *   <li>scale to zero when idle and keep 2 while active is {@code idleReplicaCount: 0} with {@code
 *       minReplicaCount: 2}; no {@code metricName} (removed in KEDA v2.12), an explicit {@code
 *       activationThreshold}.
 * </ul>
 *
 * Traffic is split as in the article: an Istio DestinationRule with subsets {@code stable}/{@code
 * canary} and a VirtualService whose route {@code primary} Argo re-weights, all named from the one
 * declaration.
 */
public final class McpServerCanary {

  private McpServerCanary() {}

  /** The stack. */
  public static CanaryStack stack() {
    return CanaryStack.builder()
        .name("mcp-server")
        .namespace("ai-services")
        .image("ghcr.io/acme/mcp-server:1.4.0")
        .profile(CanaryProfile.mcp()) // 10% → 2m → 30% → gate → 60% → 2m → 100%
        .addGate(
            AnalysisGate
                .mcpSuccessRate()) // success ≥ 0.95, error ≤ 0.05, every 60s, 5×, roll back on the
        // 3rd failure
        .scaling(KedaScaling.mcp()) // idle 0, min 2, max 20, cooldown 60s
        .traffic(
            IstioTrafficRouter
                .subsetLevel()) // Service, DestinationRule mcp-server-destrule, VirtualService
        // mcp-server-vsvc
        .build();
  }

  public static void main(String[] args) {
    System.out.print(stack().toYaml());
  }
}
