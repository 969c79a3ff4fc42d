/**
 * Canary profiles: the ordered steps of a canary (set a weight, pause, run a gate, and every other
 * step type Argo Rollouts has), checked as a whole when built. Start from {@link
 * dev.rolloutkit.profile.CanaryProfile#builder()} or a preset's profile; {@link
 * dev.rolloutkit.profile.ArgoDuration} reads durations exactly as Argo does.
 */
@CanaryStyle
package dev.rolloutkit.profile;

import dev.rolloutkit.CanaryStyle;
