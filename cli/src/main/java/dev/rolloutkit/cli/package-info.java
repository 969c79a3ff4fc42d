/**
 * The {@code rolloutkit} command line ({@code render}, {@code lint}, {@code fmt}): one picocli
 * command class per subcommand, registered in {@link dev.rolloutkit.cli.Rolloutkit}, each a thin
 * layer over the public Java API.
 */
package dev.rolloutkit.cli;
