/**
 * Analysis gates: what a canary must prove before it goes on, stated as intent ({@link
 * dev.rolloutkit.analysis.AnalysisGate}) and compiled to an AnalysisTemplate with Argo's exact
 * semantics ({@code failureLimit} counts failures before the one that rolls back). Queries are
 * built from {@link dev.rolloutkit.analysis.QueryTemplate} and {@link
 * dev.rolloutkit.analysis.PromQl}, so no value reaches PromQL unescaped.
 */
@CanaryStyle
package dev.rolloutkit.analysis;

import dev.rolloutkit.CanaryStyle;
