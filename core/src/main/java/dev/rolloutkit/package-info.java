/**
 * rolloutkit's shared pieces: {@link dev.rolloutkit.InvalidSpecException} (every problem of what
 * was asked for, at once), {@link dev.rolloutkit.DnsNames} (Kubernetes name rules with
 * apimachinery's messages) and the value-type style {@link dev.rolloutkit.CanaryStyle}. Start with
 * {@code dev.rolloutkit.stack.CanaryStack}, {@code dev.rolloutkit.lint.Lint} or {@code
 * dev.rolloutkit.manifest.Manifests}.
 */
package dev.rolloutkit;
