/** Linting manifests: reading files with locations, and running the rules. */
@CanaryStyle
package dev.rolloutkit.lint;

import dev.rolloutkit.CanaryStyle;
