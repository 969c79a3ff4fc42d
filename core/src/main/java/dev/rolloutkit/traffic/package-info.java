/** See the package classes. */
@CanaryStyle
package dev.rolloutkit.traffic;

import dev.rolloutkit.CanaryStyle;
