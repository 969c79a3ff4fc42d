package dev.rolloutkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of rolloutkit's value types, applied per package in {@code
 * package-info.java}: implementations are package-private ({@code Immutable*} never leaks into the
 * API), copies come from {@code with*} methods, and list attributes read naturally in builders
 * ({@code addStep}, {@code addCheck}).
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    depluralize = true,
    depluralizeDictionary = {"check:checks", "trigger:triggers", "gate:gates", "port:ports"},
    defaults = @Value.Immutable(copy = true))
public @interface CanaryStyle {}
