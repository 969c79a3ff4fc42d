/**
 * KEDA autoscaling of a Rollout: {@link dev.rolloutkit.scaling.KedaScaling} writes a ScaledObject
 * that targets the Rollout (kind included), scales to zero through {@code idleReplicaCount} and
 * keeps enough replicas for the canary's weights to mean something.
 */
@CanaryStyle
package dev.rolloutkit.scaling;

import dev.rolloutkit.CanaryStyle;
