/** The rule engine: rules that describe themselves, findings, rule sets and reports. */
@CanaryStyle
package dev.rolloutkit.rules;

import dev.rolloutkit.CanaryStyle;
