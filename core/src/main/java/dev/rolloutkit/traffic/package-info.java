/**
 * Traffic splitting: the {@link dev.rolloutkit.traffic.TrafficRouter} SPI between a stack and a
 * mesh or ingress, and the routers of core (NGINX, none). A router turns a {@link
 * dev.rolloutkit.traffic.TrafficTarget} into a {@link dev.rolloutkit.traffic.TrafficPlan}:
 * Services, routing objects and the Rollout's {@code trafficRouting}. Other modules add routers
 * through {@code META-INF/services}; {@link dev.rolloutkit.traffic.TrafficRouter#find(String)}
 * finds them by name.
 */
@CanaryStyle
package dev.rolloutkit.traffic;

import dev.rolloutkit.CanaryStyle;
