/** See the package classes. */
@CanaryStyle
package dev.rolloutkit.analysis;

import dev.rolloutkit.CanaryStyle;
