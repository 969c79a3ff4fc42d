package dev.rolloutkit.simulation;

/**
 * The Argo Rollouts release whose condition evaluation is simulated: v1.9 (expr v1.15.5) or v1.10
 * (expr v1.17.7), which differ on a few conditions and on error texts.
 */
public enum ArgoVersion {
  V1_9,
  V1_10
}
