/**
 * What a canary will do before it runs, offline and with upstream's exact semantics. {@link
 * dev.rolloutkit.simulation.Conditions} judges a measurement as Argo Rollouts does: a metric's
 * successCondition and failureCondition on one provider result give Successful, Failed,
 * Inconclusive or Error, with Argo's own error text, for v1.9 and v1.10; it is tested against
 * 21,475 verdicts of Argo's real evaluator ({@code ../shared/reference/expr-vectors.tsv}).
 */
package dev.rolloutkit.simulation;
