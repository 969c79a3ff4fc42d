/** See the package classes. */
@CanaryStyle
package dev.rolloutkit.profile;

import dev.rolloutkit.CanaryStyle;
