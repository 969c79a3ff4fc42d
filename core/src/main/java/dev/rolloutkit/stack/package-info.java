/**
 * Stacks: everything one service needs for a canary, built from intent. {@link
 * dev.rolloutkit.stack.CanaryStack} turns a profile, its gates, its traffic router and optional
 * KEDA scaling into the Rollout, Services, routing objects, AnalysisTemplates and ScaledObject,
 * checked by the rules before they are returned; {@link dev.rolloutkit.stack.Preset} names the
 * stacks known from practice (MCP, ML, NLP), and {@link dev.rolloutkit.stack.StackSet} renders
 * several in apply order.
 */
@CanaryStyle
package dev.rolloutkit.stack;

import dev.rolloutkit.CanaryStyle;
