/**
 * Build-time support of the command line's launcher (the class-data-sharing training run); not an
 * API.
 */
package dev.rolloutkit.cli.internal;
