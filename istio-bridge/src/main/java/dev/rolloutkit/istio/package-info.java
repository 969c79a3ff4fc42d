/** Istio traffic splitting for Rollouts, and the Istio checks. */
@CanaryStyle
package dev.rolloutkit.istio;

import dev.rolloutkit.CanaryStyle;
