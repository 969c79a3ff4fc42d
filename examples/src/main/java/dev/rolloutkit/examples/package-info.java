/**
 * Runnable examples: the stacks of the source documents built with rolloutkit, each printing the
 * YAML it produces.
 */
package dev.rolloutkit.examples;
