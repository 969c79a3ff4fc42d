/** See the package classes. */
@CanaryStyle
package dev.rolloutkit.scaling;

import dev.rolloutkit.CanaryStyle;
