/** See the package classes. */
@CanaryStyle
package dev.rolloutkit.stack;

import dev.rolloutkit.CanaryStyle;
