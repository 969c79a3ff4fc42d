/**
 * The Argo Rollouts model: typed classes and fluent builders generated at build time from the
 * pinned CRDs (Rollout, AnalysisTemplate, ClusterAnalysisTemplate, AnalysisRun, Experiment in
 * {@code dev.rolloutkit.argo.v1alpha1}), and {@link dev.rolloutkit.argo.UnknownFields}, which finds
 * the fields an object holds only because its schema did not know them.
 */
package dev.rolloutkit.argo;
